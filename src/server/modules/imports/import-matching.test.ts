import { describe, expect, it } from 'vitest';
import { createContactBody } from '../../../shared/contracts/contacts';
import { createMatcher, identityOf, profileKey, type ExistingContact } from './import-matching';

const input = (body: Record<string, unknown>) => createContactBody.parse(body);

describe('profileKey', () => {
  it('ignores scheme, www or country subdomain, query, fragment, trailing slashes and case', () => {
    const key = 'linkedin.com/in/ada-lovelace';
    for (const url of [
      'https://www.linkedin.com/in/Ada-Lovelace/',
      'http://linkedin.com/in/ada-lovelace?trk=profile',
      'https://uk.linkedin.com/in/ada-lovelace#about',
      'https://www.linkedin.com/in/ada-lovelace//',
    ]) {
      expect(profileKey(url), url).toBe(key);
    }
    expect(profileKey('https://example.com/ada')).toBeNull();
  });
});

describe('identityOf', () => {
  it('import keys are stable, owner-independent and differ by format', () => {
    const ada = input({ firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.com'] });
    expect(identityOf('linkedin', ada).importKey).toBe(identityOf('linkedin', { ...ada }).importKey);
    expect(identityOf('linkedin', ada).importKey).not.toBe(identityOf('vcard', ada).importKey);
    expect(identityOf('linkedin', ada).importKey).toMatch(/^[0-9a-f]{40}$/);
  });

  it('LinkedIn profile first, then email, then name, organisation and phone', () => {
    const withUrl = input({ firstName: 'Ada', linkedinUrl: 'https://www.linkedin.com/in/ada/', emails: ['x@example.com'] });
    const sameUrl = input({ firstName: 'Augusta', linkedinUrl: 'http://linkedin.com/in/ADA', emails: ['y@example.com'] });
    expect(identityOf('csv', withUrl).importKey).toBe(identityOf('csv', sameUrl).importKey);
    const named = identityOf('csv', input({ firstName: 'Ada', lastName: 'Lovelace', organization: ' Analytical  Engines ' }));
    expect(named).toMatchObject({ sortKey: 'ada lovelace', nameOrg: 'ada lovelace|analytical engines', profile: null, emails: [] });
    expect(identityOf('csv', input({ firstName: 'Ada' })).nameOrg).toBeNull();
  });
});

describe('createMatcher', () => {
  const existing: ExistingContact[] = [
    { id: 'e1', firstName: 'Mei', lastName: 'Tanaka', organization: null, emails: ['mei@example.org'], linkedinUrl: null, importKey: null },
    { id: 'e2', firstName: 'Amara', lastName: 'O.', organization: null, emails: [], linkedinUrl: 'https://www.linkedin.com/in/amara/', importKey: null },
    { id: 'e3', firstName: 'Søren', lastName: 'Lindqvist', organization: 'Fabrikam Health', emails: [], linkedinUrl: null, importKey: null },
    { id: 'e4', firstName: 'Old', lastName: 'Import', organization: null, emails: [], linkedinUrl: null, importKey: 'k-1' },
  ];

  it('matches an existing contact by email, profile URL, name + organisation or import key', () => {
    const matcher = createMatcher(existing);
    const id = (body: Record<string, unknown>) => matcher.existing(identityOf('csv', input(body)))?.id;
    expect(id({ firstName: 'M', emails: ['MEI@example.org'] })).toBe('e1');
    expect(id({ firstName: 'A', linkedinUrl: 'http://linkedin.com/in/amara?x=1' })).toBe('e2');
    expect(id({ firstName: 'Søren', lastName: 'Lindqvist', organization: 'fabrikam health' })).toBe('e3');
    expect(id({ firstName: 'Søren', lastName: 'Lindqvist' })).toBeUndefined();
    expect(id({ firstName: 'Nobody', emails: ['nobody@example.com'] })).toBeUndefined();
    expect(matcher.existing({ emails: [], profile: null, sortKey: 'x', nameOrg: null, importKey: 'k-1' })?.id).toBe('e4');
  });

  it('remembers rows of the file: a later row with the same email or URL names the earlier row', () => {
    const matcher = createMatcher([]);
    const a = identityOf('csv', input({ firstName: 'Ada', emails: ['ada@example.com'] }));
    const b = identityOf('csv', input({ firstName: 'Ada L.', emails: ['other@example.com', 'ada@example.com'] }));
    const c = identityOf('csv', input({ firstName: 'Grace', emails: ['grace@example.com'] }));
    expect(matcher.earlierRow(a, 1)).toBeUndefined();
    expect(matcher.earlierRow(c, 2)).toBeUndefined();
    expect(matcher.earlierRow(b, 3)).toBe(1);
  });
});
