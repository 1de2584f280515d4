import { describe, expect, test } from 'vitest';
import { tokenFromHash } from './reset-token';

describe('tokenFromHash', () => {
  test('reads the token of a reset link', () => {
    expect(tokenFromHash('#token=46EkSoVM4k4CittdyURozq5I0M_Rf4qzXcFVb4QUfcc')).toBe('46EkSoVM4k4CittdyURozq5I0M_Rf4qzXcFVb4QUfcc');
  });

  test('no fragment or no token is null: the page explains where the link comes from', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });

  test('a token that cannot be ours (cut short in a mail client) is empty: the link is explained as spent', () => {
    expect(tokenFromHash('#token=abc')).toBe('');
    expect(tokenFromHash(`#token=${'x'.repeat(201)}`)).toBe('');
  });
});
