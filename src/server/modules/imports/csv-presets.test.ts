import { describe, expect, it } from 'vitest';
import { applyCell, parseMapping } from './column-mapping';
import { emptyDraft } from './contact-draft';
import { guessMapping, outlookPreset, presetMapping, recognisePreset } from './csv-presets';

const LINKEDIN = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];
const GOOGLE = ['First Name', 'Middle Name', 'Last Name', 'Organization Name', 'Organization Title', 'Labels', 'E-mail 1 - Value'];
const GOOGLE_OLD = ['Name', 'Given Name', 'Family Name', 'Group Membership', 'E-mail 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title'];
const OUTLOOK = ['First Name', 'Middle Name', 'Last Name', 'Title', 'Company', 'Job Title', 'E-mail Address', 'Business Phone', 'Business Fax'];

describe('recognisePreset', () => {
  it('tells LinkedIn, Google (both header generations) and Outlook apart, and nothing else', () => {
    expect(recognisePreset(LINKEDIN)?.format).toBe('linkedin');
    expect(recognisePreset(GOOGLE)?.format).toBe('google');
    expect(recognisePreset(GOOGLE_OLD)?.format).toBe('google');
    expect(recognisePreset(OUTLOOK)?.format).toBe('outlook');
    expect(recognisePreset(['Notes:'])).toBeUndefined();
    expect(recognisePreset(['Name', 'Email'])).toBeUndefined();
  });

  it("Outlook's Title is an honorific and its fax is not a phone", () => {
    const mapping = presetMapping(outlookPreset, OUTLOOK);
    expect(mapping.get('Title')).toBeUndefined();
    expect(mapping.get('Job Title')).toBe('title');
    expect(mapping.get('Business Phone')).toBe('phone');
    expect(mapping.get('Business Fax')).toBeUndefined();
  });
});

describe('guessMapping', () => {
  it('guesses from common header words and from known exports; unknown columns are left out', () => {
    expect(Object.fromEntries(guessMapping(['Full Name', 'E-mail', 'Employer', 'Job title', 'Phone number', 'Website', 'Labels', 'Comments', 'Favourite colour']))).toEqual({
      'Full Name': 'fullName',
      'E-mail': 'email',
      Employer: 'organization',
      'Job title': 'title',
      'Phone number': 'phone',
      Website: 'link',
      Labels: 'tags',
      Comments: 'notes',
    });
    expect(Object.fromEntries(guessMapping(['first_name', 'last_name', 'linkedin_url']))).toEqual({ first_name: 'firstName', last_name: 'lastName', linkedin_url: 'linkedinUrl' });
    expect(guessMapping(GOOGLE).get('E-mail 1 - Value')).toBe('email');
  });

  it('a header named like an object property is just a header', () => {
    expect(Object.fromEntries(guessMapping(['constructor', '__proto__', 'Name']))).toEqual({ Name: 'fullName' });
  });
});

describe('parseMapping', () => {
  const headers = ['Name', 'Mail'];
  it('accepts known fields for columns the file has', () => {
    expect(Object.fromEntries(parseMapping('{"Name":"fullName","Mail":"email"}', headers))).toEqual({ Name: 'fullName', Mail: 'email' });
  });
  it('refuses unknown fields, unknown columns, non-objects and mappings without a name', () => {
    expect(() => parseMapping('{"Name":"nickname"}', headers)).toThrow(/not a field/);
    expect(() => parseMapping('{"Other":"email","Name":"fullName"}', headers)).toThrow(/does not have/);
    expect(() => parseMapping('[1]', headers)).toThrow(/JSON object/);
    expect(() => parseMapping('nope', headers)).toThrow(/JSON object/);
    expect(() => parseMapping('{"Mail":"email"}', headers)).toThrow(/firstName, lastName or fullName/);
  });
});

describe('applyCell', () => {
  it('splits Google multi-values, drops system labels, joins location parts, first value wins for single fields', () => {
    const draft = emptyDraft({ source: null, circle: 'new' });
    applyCell(draft, 'email', 'a@example.com ::: b@example.com');
    applyCell(draft, 'phone', '+1 555 0100 ::: +1 555 0101');
    applyCell(draft, 'tags', '* myContacts ::: Friends ::: * starred');
    applyCell(draft, 'tags', 'mentors; alumni');
    applyCell(draft, 'location', 'Chicago');
    applyCell(draft, 'location', 'IL');
    applyCell(draft, 'organization', 'First Co');
    applyCell(draft, 'organization', 'Second Co');
    applyCell(draft, 'fullName', 'Ada Lovelace');
    expect(draft).toMatchObject({
      emails: ['a@example.com', 'b@example.com'],
      phones: ['+1 555 0100', '+1 555 0101'],
      tags: ['Friends', 'mentors', 'alumni'],
      location: 'Chicago, IL',
      organization: 'First Co',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
  });
});
