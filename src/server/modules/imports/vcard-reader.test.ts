import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { vcardWithPhoto } from '../../../../tests/fixtures/imports/generate';
import { splitCards } from './vcard-cards';
import { readVcards, type CardResult } from './vcard-reader';

const read = (text: string) => readVcards(text, { maxCards: 100, tooMany: () => new Error('too many') });
const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests', 'fixtures', 'imports', name), 'utf8');
const drafts = (results: CardResult[]) => results.map((r) => ('draft' in r ? r.draft : r.error));
const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');

describe('splitCards', () => {
  it('numbers cards from 1, ignores text outside BEGIN/END, normalises line endings', () => {
    const blocks = splitCards('junk\nBEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nmore junk\r\nbegin:vcard\rVERSION:3.0\rFN:B\rend:vcard\r');
    expect(blocks.map((b) => b.row)).toEqual([1, 2]);
    expect(blocks[1]?.text).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD');
  });

  it('joins quoted-printable soft line breaks but never swallows END:VCARD', () => {
    const [block] = splitCards('BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:one =\ntwo =\nthree\nEND:VCARD\n');
    expect(block?.text).toContain('NOTE;ENCODING=QUOTED-PRINTABLE:one two three');
    const [cut] = splitCards('BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:dangling=\nEND:VCARD\n');
    expect(cut?.text.endsWith('END:VCARD')).toBe(true);
  });

  it('drops PHOTO, LOGO, SOUND and KEY with their folded and unindented base64 lines', () => {
    const [block] = splitCards(
      ['BEGIN:VCARD', 'VERSION:2.1', 'FN:A', 'PHOTO;ENCODING=BASE64;TYPE=JPEG:', '/9j/4AAQSkZJRgABAQ==', 'AAAA', '', 'item1.LOGO;ENCODING=b:abc', ' def', 'NOTE:kept', 'END:VCARD'].join('\n'),
    );
    expect(block?.text).toBe('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nNOTE:kept\r\nEND:VCARD');
  });

  it('vCard 2.1 unfolds the RFC 822 way (the space stays); 3.0/4.0 folds are left to the parser', () => {
    expect(splitCards('BEGIN:VCARD\nVERSION:2.1\nTITLE:Head of\n Marketing\nEND:VCARD')[0]?.text).toContain('TITLE:Head of Marketing');
    expect(splitCards('BEGIN:VCARD\nVERSION:3.0\nTITLE:Head of Mar\n keting\nEND:VCARD')[0]?.text).toContain('TITLE:Head of Mar\r\n keting');
  });
});

describe('readVcards', () => {
  it('vCard 2.1: quoted-printable in ISO-8859-1 and UTF-8, structured N and ORG', async () => {
    const [zoe] = drafts(await read(fixture('vcard-21.vcf')));
    expect(zoe).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Müller',
      organization: 'Bäckerei Grünwald GmbH',
      title: 'Head of Digital Marketing',
      notes: 'Met at the career café in Berlin; she suggested talking to the regional team\r\nabout internships.',
    });
  });

  it('vCard 3.0: escapes, grouped properties, CATEGORIES split on unescaped commas, X-SOCIALPROFILE', async () => {
    const [chidi, astrid] = drafts(await read(fixture('vcard-30.vcf')));
    expect(chidi).toMatchObject({ title: 'Senior Scientist, Oncology', emails: ['chidi.okafor@example.com', 'chidi@example.org'], tags: ['Mentors', 'Life Sciences', 'alumni'] });
    expect(astrid).toMatchObject({ linkedinUrls: ['http://www.linkedin.com/in/astridl'] });
    const [escaped] = drafts(await read(card('VERSION:3.0', 'N:O\\;Brien;Siobhan;;;', 'CATEGORIES:a\\,b,c', 'NOTE:one\\ntwo\\\\three')));
    expect(escaped).toMatchObject({ lastName: 'O;Brien', firstName: 'Siobhan', tags: ['a,b', 'c'], notes: 'one\ntwo\\three' });
  });

  it('vCard 4.0: tel: URIs with extensions, FN when there is no N, mailto: emails', async () => {
    const [haruto, ana] = drafts(await read(fixture('vcard-40.vcf')));
    expect(haruto).toMatchObject({ phones: ['+81-90-5550-1234', '+1-555-014-5678 x102'] });
    expect(ana).toMatchObject({ firstName: 'Ana Sofía', lastName: 'Vargas' });
    const [mail] = drafts(await read(card('VERSION:4.0', 'FN:M', 'EMAIL;VALUE=uri:mailto:m@example.com')));
    expect(mail).toMatchObject({ emails: ['m@example.com'] });
  });

  it('a broken card is an error for that card only', async () => {
    const results = await read(`${card('VERSION:3.0', 'FN:Fine')}BEGIN:VCARD\r\nFN:No version\r\nEND:VCARD\r\n${card('VERSION:5.0', 'FN:Future')}`);
    expect(results).toEqual([
      { row: 1, draft: expect.objectContaining({ firstName: 'Fine' }) },
      { row: 2, error: 'The card has no VERSION line (2.1, 3.0 or 4.0).' },
      { row: 3, error: 'This vCard version is not supported; use 2.1, 3.0 or 4.0.' },
    ]);
  });

  it('a 5 MB PHOTO never reaches the parser: the card reads in well under a second', async () => {
    const started = performance.now();
    const [odette] = drafts(await read(vcardWithPhoto(5_000_000)));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(odette).toMatchObject({ firstName: 'Odette', notes: 'Portfolio review volunteer.' });
    expect(JSON.stringify(odette).length).toBeLessThan(1_000);
  });

  it('more cards than the limit → the caller’s error', async () => {
    await expect(readVcards(card('VERSION:3.0', 'FN:A').repeat(3), { maxCards: 2, tooMany: () => new Error('too many cards') })).rejects.toThrow('too many cards');
  });
});
