import { describe, expect, it } from 'vitest';
import { checkDraft, draftToBody, emptyDraft, isLinkedinUrl, sanitizeLink, splitFullName } from './contact-draft';

const draft = (values: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft({ source: null, circle: 'new' }), ...values });

describe('sanitizeLink (url-schemes, ASVS 1.2.2)', () => {
  it('keeps http(s), adds https:// to a bare host, drops every other scheme', () => {
    expect(sanitizeLink(' https://example.com/a ')).toBe('https://example.com/a');
    expect(sanitizeLink('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM');
    expect(sanitizeLink('www.example.com')).toBe('https://www.example.com');
    expect(sanitizeLink('linkedin.com/in/ada')).toBe('https://linkedin.com/in/ada');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'mailto:a@b.c', 'ftp://x.example', 'tel:+1555', 'not a url', '']) {
      expect(sanitizeLink(bad), bad).toBeNull();
    }
  });

  it('recognises LinkedIn hosts only', () => {
    expect(isLinkedinUrl('https://uk.linkedin.com/in/ada')).toBe(true);
    expect(isLinkedinUrl('https://linkedin.com.evil.example/in/ada')).toBe(false);
    expect(isLinkedinUrl('nope')).toBe(false);
  });
});

describe('splitFullName', () => {
  it('last word is the last name; "Last, First" is understood; one word is a first name', () => {
    expect(splitFullName('Jane Q. Public')).toEqual({ firstName: 'Jane Q.', lastName: 'Public' });
    expect(splitFullName('  Okafor,  Chinedu ')).toEqual({ firstName: 'Chinedu', lastName: 'Okafor' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});

describe('draftToBody and checkDraft', () => {
  it('sorts links: the first LinkedIn address becomes linkedinUrl, others stay links, unsafe ones go', () => {
    const body = draftToBody(draft({ firstName: 'Ada', links: ['https://ada.example', 'https://www.linkedin.com/in/ada', 'javascript:alert(1)', 'https://linkedin.com/in/other'] }));
    expect(body).toMatchObject({ linkedinUrl: 'https://www.linkedin.com/in/ada', links: ['https://ada.example'] });
  });

  it('a last name alone becomes the first name; line breaks in one-line fields become spaces', () => {
    expect(draftToBody(draft({ lastName: 'Okafor', title: 'Head of\r\nResearch' }))).toMatchObject({ firstName: 'Okafor', lastName: '', title: 'Head of Research' });
  });

  it('applies the API rules and says what is wrong in a sentence, quoting the value', () => {
    expect(checkDraft(draft({ firstName: 'Ada', emails: ['ADA@Example.com'] }))).toMatchObject({ ok: true, input: { emails: ['ada@example.com'], circle: 'new' } });
    expect(checkDraft(draft({}))).toEqual({ ok: false, message: 'This row has no name; add a first or last name.' });
    expect(checkDraft(draft({ firstName: 'Ada', emails: ['nope'] }))).toEqual({ ok: false, message: 'Email "nope": Enter an email address like name@example.com.' });
    expect(checkDraft(draft({ firstName: 'Ada', phones: ['call me'] }))).toEqual({ ok: false, message: 'Phone "call me": Use digits, spaces and + ( ) - only.' });
    const many = checkDraft(draft({ firstName: 'Ada', emails: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`) }));
    expect(many).toEqual({ ok: false, message: 'Email: at most 10 allowed.' });
    expect(checkDraft(draft({ firstName: 'x'.repeat(101) }))).toMatchObject({ ok: false, message: expect.stringContaining('Use at most 100 characters.') });
    expect(checkDraft(draft({ firstName: 'Ada', tags: ['t'.repeat(41)] }))).toEqual({ ok: false, message: `Tag "${'t'.repeat(41)}": Use at most 40 characters.` });
  });
});
