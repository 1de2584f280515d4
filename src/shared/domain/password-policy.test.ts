import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { commonPasswords } from '../../server/modules/auth/common-passwords';
import { checkPassword, passwordLength } from './password-policy';

const context = { commonPasswords: commonPasswords() };

describe('password-policy (ASVS 6.2.1, 6.2.4, 6.2.5, 6.2.8, 6.2.9)', () => {
  it('refuses 7 characters and accepts 8', () => {
    expect(checkPassword('aZ3$kq9', context)?.reason).toBe('too_short');
    expect(checkPassword('aZ3$kq9w', context)).toBeNull();
  });

  it('accepts 64- and 128-character Unicode passphrases', () => {
    const unit = 'ľúbim čaj 🍵 ';
    const make = (n: number) => [...unit.repeat(20)].slice(0, n).join('');
    expect(passwordLength(make(64))).toBe(64);
    expect(checkPassword(make(64), context)).toBeNull();
    expect(checkPassword(make(128), context)).toBeNull();
  });

  it('counts characters as people do: an emoji is one character', () => {
    expect(passwordLength('🍵🍵🍵🍵🍵🍵🍵🍵')).toBe(8);
  });

  it('refuses the 3,000 most common passwords, each with a reason', () => {
    const top = (dictionary['passwords-common'] as string[]).slice(0, 3000);
    for (const password of top) {
      const problem = checkPassword(password, context);
      expect(problem, password).not.toBeNull();
      expect(problem?.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('PassWord123', context)?.reason).toBe('common');
  });

  it('refuses the email name as password', () => {
    expect(checkPassword('priya.shah', { ...context, email: 'priya.shah@example.edu' })?.reason).toBe('contains_identity');
  });

  it('imposes no composition rules: a long lower-case phrase is fine', () => {
    expect(checkPassword('the quiet harbour at dawn', context)).toBeNull();
  });
});
