import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ContactRow } from './contacts.repo';
import { contactToVcard, foldLine } from './export-vcard';
import { contactRowFixture } from '../../../../tests/factories';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

function row(overrides: Partial<ContactRow> = {}): ContactRow {
  const at = new Date('2026-11-29T10:00:00.123Z');
  return contactRowFixture({ firstName: 'Zoë', lastName: 'Ng', circle: 'personal', keepInTouchDays: 30, sortKey: 'zoë ng', createdAt: at, updatedAt: at, ...overrides });
}

describe('foldLine', () => {
  it('keeps a line of 75 octets whole and folds the 76th onto a continuation line', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('counts UTF-8 octets, the leading space included, and never splits a character', () => {
    for (const char of ['é', '€', '😀']) {
      const folded = foldLine(`NOTE:${char.repeat(100)}`);
      const lines = folded.split('\r\n');
      for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
      expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
      // Unfolding (RFC 6350 §3.2) gives back the line, so no character was cut.
      expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${char.repeat(100)}`);
    }
  });
});

describe('contactToVcard', () => {
  it('writes a minimal vCard 4.0 with FN, N, the circle, REV in UTC seconds and CRLF line ends', () => {
    const card = contactToVcard(row());
    expect(card).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'PRODID:-//Rapport//Contacts export//EN',
        'UID:urn:uuid:3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11',
        'KIND:individual',
        'FN:Zoë Ng',
        'N:Ng;Zoë;;;',
        'X-RAPPORT-CIRCLE:personal',
        'REV:20261129T100000Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('escapes backslash, comma and newline everywhere and semicolons inside N and ORG; drops CR and other controls', () => {
    const card = contactToVcard(row({ firstName: 'A,B', lastName: 'C;D\\E', organization: 'X; Y', notes: 'one\r\ntwo;\u0007three, four\\' }));
    expect(card).toContain('FN:A\\,B C;D\\\\E\r\n');
    expect(card).toContain('N:C\\;D\\\\E;A\\,B;;;\r\n');
    expect(card).toContain('ORG:X\\; Y\r\n');
    expect(card).toContain('NOTE:one\\ntwo;three\\, four\\\\\r\n');
    const parsed = new ICAL.Component(ICAL.parse(card) as unknown[]);
    expect(parsed.getFirstPropertyValue('note')).toBe('one\ntwo;three, four\\');
  });

  it('writes only http(s) links, LinkedIn first, each once', () => {
    const card = contactToVcard(
      row({ linkedinUrl: 'https://www.linkedin.com/in/zoe', links: ['javascript:alert(1)', 'data:text/html,x', 'https://www.linkedin.com/in/zoe', 'http://zoe.example'] }),
    );
    const urls = card.split('\r\n').filter((line) => line.startsWith('URL'));
    expect(urls).toEqual(['URL:https://www.linkedin.com/in/zoe', 'URL:http://zoe.example']);
  });
});
