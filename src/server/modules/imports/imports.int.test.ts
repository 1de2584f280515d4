import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../../shared/contracts/imports';
import { signedInUser, type SignedInUser } from '../../../../tests/factories';
import { binaryBytes, linkedinCsv } from '../../../../tests/fixtures/imports/generate';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { SEARCH_GIN_INDEXES, flushSearchIndexes } from './imports.repo';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'imports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let t: TestApp;

type Contact = Record<string, unknown> & { id: string; displayName: string; emails: string[]; tags: string[]; links: string[] };

function post(user: SignedInUser | undefined, query: string, body: string | Buffer, type = 'text/csv') {
  return as(t.app, user?.cookie)({ method: 'POST', url: `/api/v1/imports?${query}`, headers: { 'content-type': type }, payload: body });
}

async function importFile(user: SignedInUser, query: string, body: string | Buffer, type = 'text/csv'): Promise<ImportResponse> {
  const response = await post(user, query, body, type);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportResponse;
}

async function contactsOf(user: SignedInUser): Promise<Contact[]> {
  const response = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/contacts?limit=200' });
  return response.json().items as Contact[];
}

const byName = (contacts: Contact[], name: string) => {
  const found = contacts.find((c) => c.displayName === name);
  if (!found) throw new Error(`no contact named ${name} among ${contacts.map((c) => c.displayName).join(', ')}`);
  return found;
};

// Every test runs twice: files checked inline (the small files of real use) and in the check worker thread (files of
// DEFAULT_WORKER_FROM_BYTES and more, ADR 019), so both ways give the same answers and write the same rows.
describe.each([
  ['inline', Number.POSITIVE_INFINITY],
  ['in the check worker', 0],
])('rows checked %s', (_way, importWorkerFromBytes) => {
  beforeAll(async () => {
    t = await createTestApp({ importWorkerFromBytes });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/imports: each format with the right fields', () => {
    it('LinkedIn Connections.csv with its notes preamble: names, URL, email, company, position, how met, source, circle', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=linkedin&dryRun=false', fixture('linkedin-connections.csv'));
      expect(result).toMatchObject({ format: 'linkedin', dryRun: false, committed: true, total: 5, imported: 5, duplicates: 0, errors: [] });
      expect(result.columns).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
      expect(result.importedIds).toHaveLength(5);
      const jose = byName(await contactsOf(user), 'José Ramírez');
      expect(jose).toMatchObject({
        firstName: 'José',
        lastName: 'Ramírez',
        linkedinUrl: 'https://www.linkedin.com/in/jose-ramirez-analytics',
        emails: ['jose.ramirez@example.com'],
        organization: 'Contoso, Ltd.',
        title: 'Senior Data Analyst',
        howMet: 'Connected on LinkedIn on 03 Jan 2023',
        source: 'linkedin',
        circle: 'new',
      });
    });

    it('Google Contacts CSV (current headers): labels as tags without system groups, several emails, LinkedIn website, javascript: dropped', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=google&dryRun=false', fixture('google-contacts.csv'));
      expect(result).toMatchObject({ committed: true, total: 3, imported: 3, errors: [] });
      const contacts = await contactsOf(user);
      expect(byName(contacts, 'Priyanka Desai')).toMatchObject({
        organization: 'Woodgrove Bank',
        title: 'Risk Analyst',
        emails: ['priyanka.desai@example.com', 'pdesai@example.net'],
        phones: ['+1 555-0142'],
        tags: ['finance', 'alumni'],
        linkedinUrl: 'https://www.linkedin.com/in/priyanka-desai-risk',
        links: ['https://priyanka.example.com/blog'],
        location: 'Chicago, IL, United States',
        notes: 'Met at the alumni panel.\nFollow up about the summer analyst program.',
      });
      expect(byName(contacts, 'Tomás Herrera')).toMatchObject({ emails: ['tomas.herrera@example.com', 't.herrera@example.org'], links: [], linkedinUrl: null });
      expect(byName(contacts, 'Grace Mensah')).toMatchObject({ tags: [], links: ['https://www.litware-careers.example.com'] });
    });

    it('Google Contacts CSV (older headers: Given Name, Family Name, Organization 1 - Name, Group Membership)', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=google&dryRun=false', fixture('google-legacy.csv'));
      expect(result).toMatchObject({ committed: true, total: 2, imported: 2, errors: [] });
      expect(byName(await contactsOf(user), 'Hannah Whitfield')).toMatchObject({
        organization: 'Lamna Healthcare',
        title: 'Clinical Data Manager',
        emails: ['hannah.whitfield@example.com'],
        phones: ['+1 555 0190'],
        tags: ['healthcare'],
        location: 'Boston, MA',
        notes: 'Career fair, fall 2025',
      });
    });

    it('Outlook CSV: Job Title (not the honorific Title), Company, three phones but no fax, Categories, business city', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=outlook&dryRun=false', fixture('outlook.csv'));
      expect(result).toMatchObject({ committed: true, total: 2, imported: 2, errors: [] });
      const contacts = await contactsOf(user);
      expect(byName(contacts, 'Eleanor Brooks')).toMatchObject({
        title: 'Associate Professor',
        organization: 'Coho University',
        emails: ['eleanor.brooks@example.edu', 'ebrooks@example.com'],
        phones: ['+1 (555) 012-7788', '+1 555 012 9900'],
        tags: ['academia', 'mentors'],
        links: ['https://coho.example.edu/~ebrooks'],
        location: 'Seattle, WA, United States',
      });
      expect(byName(contacts, 'Rahul Iyer')).toMatchObject({ links: ['https://www.margies-travel.example.com'], organization: "Margie's Travel" });
    });

    it('vCard 2.1: quoted-printable with ISO-8859-1 and UTF-8, soft line breaks, folded lines, bare TYPE parameters', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=vcard&dryRun=false', fixture('vcard-21.vcf'), 'text/vcard');
      expect(result).toMatchObject({ committed: true, total: 2, imported: 2, errors: [] });
      const contacts = await contactsOf(user);
      expect(byName(contacts, 'Zoë Müller')).toMatchObject({
        organization: 'Bäckerei Grünwald GmbH',
        title: 'Head of Digital Marketing',
        phones: ['+49 30 5550 1234', '+49 170 5550 987'],
        emails: ['zoe.mueller@example.de'],
        links: ['http://www.gruenwald-baeckerei.example.de/'],
        notes: 'Met at the career café in Berlin; she suggested talking to the regional team\nabout internships.',
      });
      expect(byName(contacts, 'Pieter Achterberg')).toMatchObject({ notes: 'Prefers a call on Fridays.', organization: 'Alpine Ski House' });
    });

    it('vCard 3.0: grouped item1.EMAIL, escapes, CATEGORIES as tags, ADR as location, LinkedIn URL, PHOTO dropped', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=vcard&dryRun=false', fixture('vcard-30.vcf'), 'text/vcard');
      expect(result).toMatchObject({ committed: true, total: 2, imported: 2, errors: [] });
      const contacts = await contactsOf(user);
      const chidi = byName(contacts, 'Chidi Okafor');
      expect(chidi).toMatchObject({
        organization: 'Contoso Pharmaceuticals',
        title: 'Senior Scientist, Oncology',
        emails: ['chidi.okafor@example.com', 'chidi@example.org'],
        phones: ['+1 (555) 013-2020'],
        linkedinUrl: 'https://www.linkedin.com/in/chidi-okafor-phd',
        links: ['https://chidi.example.com'],
        tags: ['mentors', 'life sciences', 'alumni'],
        location: 'Cambridge, MA, United States',
        notes: 'Introduced by Dr. Brooks.\nAsked about rotations in oncology; very open to a 20-minute call.',
      });
      expect(JSON.stringify(chidi)).not.toMatch(/PHOTO|base64|\/9j\//);
      expect(byName(contacts, 'Astrid Lindgren').linkedinUrl).toBe('http://www.linkedin.com/in/astridl');
    });

    it('vCard 4.0: tel: URIs, PREF, FN only, ftp: and data: dropped', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=vcard&dryRun=false', fixture('vcard-40.vcf'), 'text/vcard');
      expect(result).toMatchObject({ committed: true, total: 2, imported: 2, errors: [] });
      const contacts = await contactsOf(user);
      expect(byName(contacts, 'Haruto Nakamura')).toMatchObject({
        phones: ['+81-90-5550-1234', '+1-555-014-5678 x102'],
        emails: ['haruto.nakamura@example.jp'],
        linkedinUrl: 'https://www.linkedin.com/in/haruto-nakamura-ml/?originalSubdomain=jp',
        links: [],
        tags: ['ai', 'speakers'],
      });
      expect(byName(contacts, 'Ana Sofía Vargas')).toMatchObject({ firstName: 'Ana Sofía', lastName: 'Vargas', organization: 'Relecloud' });
    });

    it('xss.vcf: script payloads are kept as text (rendering escapes them), every javascript:/data: URL is dropped (url-schemes, ASVS 1.2.2)', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=vcard&dryRun=false', fixture('xss.vcf'), 'text/vcard');
      expect(result).toMatchObject({ committed: true, imported: 1, errors: [] });
      const [contact] = await contactsOf(user);
      expect(contact).toMatchObject({
        firstName: '<script>alert("fn")</script>',
        organization: '<svg onload=alert("org")>',
        notes: '<iframe src="javascript:alert(4)"></iframe>',
        links: [],
        linkedinUrl: null,
      });
    });

    it('any CSV with a mapping: fullName split (also "Last, First"), custom headers, unmapped columns ignored', async () => {
      const user = await signedInUser(t.app);
      const mapping = { 'Full name': 'fullName', Employer: 'organization', Role: 'title', 'E-mail': 'email', 'Met at': 'howMet', Tags: 'tags', Comments: 'notes', 'LinkedIn profile': 'linkedinUrl' };
      const result = await importFile(user, `format=csv&dryRun=false&mapping=${encodeURIComponent(JSON.stringify(mapping))}`, fixture('mapped.csv'));
      expect(result).toMatchObject({ committed: true, total: 3, imported: 3, errors: [], mapping });
      const contacts = await contactsOf(user);
      expect(byName(contacts, 'Isabella Rossi')).toMatchObject({
        organization: 'Wide World Importers',
        title: 'Supply Chain Lead',
        howMet: 'Spring networking night',
        tags: ['logistics', 'alumni'],
        notes: 'Offered to review my résumé.',
        linkedinUrl: 'https://linkedin.com/in/isabella-rossi-scm',
      });
      expect(byName(contacts, 'Chinedu Okafor')).toMatchObject({ firstName: 'Chinedu', lastName: 'Okafor' });
      expect(byName(contacts, 'Nadia')).toMatchObject({ lastName: '', notes: 'Only a first name is known.' });
    });

    it('every character is stored as sent: tabs, line breaks, backslashes, quotes and braces in text and tags (the bulk write escapes them)', async () => {
      const user = await signedInUser(t.app);
      const mapping = { Name: 'fullName', Employer: 'organization', Role: 'title', Tags: 'tags', Comments: 'notes' };
      const file = [
        'Name,Employer,Role,Tags,Comments',
        `"Zoë O'Brien-Łukasz","Back\\slash ""Quoted"" {Braces}","Lead\twith tab","c\\d;""q"";{x,y}","line one\nline two\ttabbed \\N is text \\\\ end"`,
        'Plain Person,,,,',
      ].join('\n');
      const result = await importFile(user, `format=csv&dryRun=false&mapping=${encodeURIComponent(JSON.stringify(mapping))}`, file);
      expect(result).toMatchObject({ committed: true, imported: 2, errors: [] });
      const contacts = await contactsOf(user);
      expect(contacts.map((c) => c.id).sort()).toEqual([...(result.importedIds ?? [])].sort());
      expect(byName(contacts, "Zoë O'Brien-Łukasz")).toMatchObject({
        organization: 'Back\\slash "Quoted" {Braces}',
        title: 'Lead\twith tab',
        tags: ['c\\d', '"q"', '{x', 'y}'],
        notes: 'line one\nline two\ttabbed \\N is text \\\\ end',
      });
      // Empty and missing values stay what the API makes of them: null organisation, empty notes, no tags.
      expect(byName(contacts, 'Plain Person')).toMatchObject({ organization: null, title: null, tags: [], notes: '' });
      // The search words are built from the stored row.
      const found = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/contacts?q=tabbed' });
      expect((found.json().items as Contact[]).map((c) => c.displayName)).toEqual(["Zoë O'Brien-Łukasz"]);
    });
  });

  describe('dry run, commit, idempotency and duplicates', () => {
    it('dryRun defaults to true and writes nothing; the preview shows what would be created', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=linkedin', fixture('linkedin-connections.csv'));
      expect(result).toMatchObject({ dryRun: true, committed: false, total: 5, imported: 5, duplicates: 0 });
      expect(result.importedIds).toBeUndefined();
      expect(result.preview[0]).toEqual({
        row: 1,
        status: 'new',
        contact: { firstName: 'Amara', lastName: 'Okonkwo', organization: 'Northwind Traders', title: 'Product Manager', emails: [] },
      });
      expect(await contactsOf(user)).toEqual([]);
    });

    it('a commit writes all rows; importing the same file again creates nothing and reports every row as a duplicate', async () => {
      const user = await signedInUser(t.app);
      const first = await importFile(user, 'format=vcard&dryRun=false', fixture('vcard-30.vcf'), 'text/vcard');
      expect(first).toMatchObject({ committed: true, imported: 2 });
      const again = await importFile(user, 'format=vcard&dryRun=false', fixture('vcard-30.vcf'), 'text/vcard');
      expect(again).toMatchObject({ committed: true, imported: 0, duplicates: 2, importedIds: [] });
      expect(again.preview.map((p) => p.status)).toEqual(['duplicate', 'duplicate']);
      expect(again.preview[0]?.duplicateOf).toEqual({ id: first.importedIds?.[0], displayName: 'Chidi Okafor' });
      expect(await contactsOf(user)).toHaveLength(2);
    });

    // A network no larger than the file is read whole; a larger one is searched by key (imports.repo.ts): both ways.
    it.each([
      ['read whole (3 contacts, 5 rows)', 0],
      ['searched by key (9 contacts, 5 rows)', 6],
    ])('likely duplicates of existing contacts, network %s: same email, same LinkedIn URL (normalised), same name and organisation', async (_way, others) => {
      const user = await signedInUser(t.app);
      const create = async (body: Record<string, unknown>) => {
        const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: body });
        expect(response.statusCode, response.body).toBe(201);
        return response.json().contact as Contact;
      };
      for (let i = 1; i <= others; i += 1) await create({ firstName: `Other ${i}`, lastName: 'Person', organization: 'Northwind Traders', emails: [`other${i}@example.org`] });
      const byEmail = await create({ firstName: 'Mei', lastName: 'T.', emails: ['MEI.TANAKA@example.org'] });
      const byUrl = await create({ firstName: 'Amara', lastName: 'O.', linkedinUrl: 'http://linkedin.com/in/Amara-Okonkwo-4a1b2c/?trk=people' });
      const byNameOrg = await create({ firstName: 'Søren', lastName: 'Lindqvist', organization: 'FABRIKAM  Health' });
      const result = await importFile(user, 'format=linkedin', fixture('linkedin-connections.csv'));
      expect(result).toMatchObject({ imported: 2, duplicates: 3 });
      const dup = (row: number) => result.preview.find((p) => p.row === row);
      expect(dup(1)).toMatchObject({ status: 'duplicate', duplicateOf: { id: byUrl.id, displayName: 'Amara O.' } });
      expect(dup(3)).toMatchObject({ status: 'duplicate', duplicateOf: { id: byNameOrg.id } });
      expect(dup(4)).toMatchObject({ status: 'duplicate', duplicateOf: { id: byEmail.id } });
      expect(dup(2)?.status).toBe('new');
      const committed = await importFile(user, 'format=linkedin&dryRun=false', fixture('linkedin-connections.csv'));
      expect(committed).toMatchObject({ committed: true, imported: 2, duplicates: 3 });
      expect(await contactsOf(user)).toHaveLength(5 + others);
    });

    it('duplicates within the file are skipped and name the earlier row', async () => {
      const user = await signedInUser(t.app);
      const file = `${linkedinCsv(3)}${linkedinCsv(1).split('\r\n').at(-2)}\r\n`;
      const result = await importFile(user, 'format=linkedin&dryRun=false', file);
      expect(result).toMatchObject({ total: 4, imported: 3, duplicates: 1 });
      expect(result.preview[3]).toMatchObject({ row: 4, status: 'duplicate', message: 'The same person as row 1.' });
      expect(result.preview[3]?.duplicateOf).toBeUndefined();
    });

    it("another user's contacts are never matched as duplicates (owner scoping)", async () => {
      const owner = await signedInUser(t.app);
      const other = await signedInUser(t.app);
      await importFile(other, 'format=linkedin&dryRun=false', fixture('linkedin-connections.csv'));
      const result = await importFile(owner, 'format=linkedin&dryRun=false', fixture('linkedin-connections.csv'));
      expect(result).toMatchObject({ committed: true, imported: 5, duplicates: 0 });
      expect(await contactsOf(owner)).toHaveLength(5);
      expect(await contactsOf(other)).toHaveLength(5);
    });

    it('import-atomicity (ASVS 2.3.3): a bad row 500 of 1,000 → 0 rows committed and the error names row 500', async () => {
      const user = await signedInUser(t.app);
      const file = linkedinCsv(1_000, { broken: [500] });
      const dry = await importFile(user, 'format=linkedin', file);
      expect(dry).toMatchObject({ committed: false, total: 1_000, imported: 999, errors: [{ row: 500 }] });
      const result = await importFile(user, 'format=linkedin&dryRun=false', file);
      expect(result).toMatchObject({ dryRun: false, committed: false, total: 1_000, imported: 0, duplicates: 0 });
      expect(result.errors).toEqual([{ row: 500, message: 'Email "not-an-email@": Enter an email address like name@example.com.' }]);
      expect(result.importedIds).toBeUndefined();
      expect(await contactsOf(user)).toEqual([]);
    });

    it('a row without a name is an error with its row number; a vCard without END:VCARD is an error for that card', async () => {
      const user = await signedInUser(t.app);
      const csv = await importFile(user, 'format=csv&mapping=' + encodeURIComponent('{"Name":"fullName","Email":"email"}'), 'Name,Email\nAda,ada@example.com\n,nobody@example.com\n');
      expect(csv.errors).toEqual([{ row: 2, message: 'This row has no name; add a first or last name.' }]);
      const vcf = await importFile(user, 'format=vcard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Card\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n', 'text/vcard');
      expect(vcf).toMatchObject({ total: 2, imported: 1, errors: [{ row: 2, message: 'The card has no END:VCARD line.' }] });
    });

    it("a value over the contact form's limit is an error in the form's words; import-atomicity: a bad row late in a file rolls back what was written", async () => {
      const user = await signedInUser(t.app);
      const note = 'n'.repeat(20_001);
      const card = (name: string, extra = '') => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\n${extra}END:VCARD\r\n`;
      // 900 good cards (written a chunk at a time as they are checked), then one whose note is too long.
      const file = `${Array.from({ length: 900 }, (_, i) => card(`Person ${i + 1}`)).join('')}${card('Long Note', `NOTE:${note}\r\n`)}`;
      const result = await importFile(user, 'format=vcard&dryRun=false', file, 'text/vcard');
      expect(result).toMatchObject({ committed: false, total: 901, imported: 0, errors: [{ row: 901, message: 'Notes: Use at most 20000 characters.' }] });
      expect(await contactsOf(user)).toEqual([]);
    });
  });

  describe('column mapping for any CSV', () => {
    it('format=csv without a mapping: the dry run lists the columns and a guessed mapping, and previews with it', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=csv', fixture('mapped.csv'));
      expect(result.columns).toEqual(['Full name', 'Employer', 'Role', 'E-mail', 'Met at', 'Tags', 'Comments', 'LinkedIn profile', 'Ignored column']);
      expect(result.mapping).toEqual({
        'Full name': 'fullName',
        Employer: 'organization',
        Role: 'title',
        'E-mail': 'email',
        'Met at': 'howMet',
        Tags: 'tags',
        Comments: 'notes',
        'LinkedIn profile': 'linkedinUrl',
      });
      expect(result).toMatchObject({ committed: false, total: 3, imported: 3 });
    });

    it('a LinkedIn export sent as format=csv: the header after the notes is found and the mapping guessed from it', async () => {
      const user = await signedInUser(t.app);
      const result = await importFile(user, 'format=csv', fixture('linkedin-connections.csv'));
      expect(result.columns).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
      expect(result.mapping).toMatchObject({ 'First Name': 'firstName', 'Last Name': 'lastName', URL: 'linkedinUrl', 'Email Address': 'email', Company: 'organization', Position: 'title' });
      expect(result).toMatchObject({ total: 5, imported: 5, errors: [] });
    });

    it('headers with no name column: the dry run answers the columns; a commit is 400 asking for a mapping', async () => {
      const user = await signedInUser(t.app);
      const file = 'Colour,Size\nred,M\n';
      const dry = await importFile(user, 'format=csv', file);
      expect(dry).toMatchObject({ columns: ['Colour', 'Size'], mapping: {}, total: 1, imported: 0, preview: [] });
      const commit = await post(user, 'format=csv&dryRun=false', file);
      expect(commit.statusCode).toBe(400);
      expect(commit.json().error.message).toMatch(/mapping/);
    });

    it('mapping errors are 400 with what to change: unknown field, unknown column, not JSON, no name, mapping with another format', async () => {
      const user = await signedInUser(t.app);
      const file = fixture('mapped.csv');
      const cases: [string, RegExp][] = [
        [`format=csv&mapping=${encodeURIComponent('{"Full name":"nickname"}')}`, /"nickname", which is not a field\. Use one of: firstName/],
        [`format=csv&mapping=${encodeURIComponent('{"Nope":"email","Full name":"fullName"}')}`, /column "Nope" that the file does not have/],
        [`format=csv&mapping=${encodeURIComponent('{"Full name":')}`, /JSON object/],
        [`format=csv&mapping=${encodeURIComponent('["fullName"]')}`, /JSON object/],
        [`format=csv&mapping=${encodeURIComponent('{"E-mail":"email"}')}`, /firstName, lastName or fullName/],
        [`format=linkedin&mapping=${encodeURIComponent('{"First Name":"firstName"}')}`, /only used with format=csv/],
      ];
      for (const [query, message] of cases) {
        const response = await post(user, query, file);
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
        expect(response.json().error.message).toMatch(message);
      }
    });
  });

  describe('refused requests', () => {
    it('401 anonymous; 403 for an advisor and an admin (private networks are for students and alumni)', async () => {
      expect((await post(undefined, 'format=linkedin', fixture('linkedin-connections.csv'))).statusCode).toBe(401);
      for (const role of ['advisor', 'admin'] as const) {
        const staff = await signedInUser(t.app, { role });
        const response = await post(staff, 'format=linkedin&dryRun=false', fixture('linkedin-connections.csv'));
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      const alumni = await signedInUser(t.app, { role: 'alumni' });
      expect((await post(alumni, 'format=linkedin', fixture('linkedin-connections.csv'))).statusCode).toBe(200);
    });

    it('415 for text/plain, JSON, forms and a CSV sent as a vCard; 400 for an unknown format or dryRun value', async () => {
      const user = await signedInUser(t.app);
      for (const type of ['text/plain', 'application/json', 'application/x-www-form-urlencoded', 'Text/CSV', 'text/csv ']) {
        const response = await post(user, 'format=linkedin', type === 'application/json' ? '{"a":1}' : 'First Name,Last Name', type);
        expect(response.statusCode, type).toBe(415);
        expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      const mismatch = await post(user, 'format=vcard', fixture('vcard-30.vcf'), 'text/csv');
      expect(mismatch.statusCode).toBe(415);
      expect(mismatch.json().error.message).toBe('Send a vCard file as text/vcard.');
      for (const query of ['format=excel', '', 'format=linkedin&dryRun=maybe']) {
        const response = await post(user, query, fixture('linkedin-connections.csv'));
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
      expect((await post(user, 'format=excel', 'x')).json().error.message).toMatch(/format=linkedin, google, outlook, vcard or csv/);
    });

    it('400 IMPORT_UNREADABLE for binary bytes renamed .csv, an empty file, and a header that is not the chosen export', async () => {
      const user = await signedInUser(t.app);
      const binary = await post(user, 'format=linkedin&dryRun=false', binaryBytes(4_096));
      expect(binary.statusCode).toBe(400);
      expect(binary.json().error).toMatchObject({ code: 'IMPORT_UNREADABLE' });
      expect(binary.json().error.message).toMatch(/not UTF-8 text\. Expected LinkedIn's Connections\.csv/);
      const empty = await post(user, 'format=csv', '');
      expect([400, 415]).toContain(empty.statusCode);
      const google = await post(user, 'format=linkedin', fixture('google-contacts.csv'));
      expect(google.statusCode).toBe(400);
      expect(google.json().error.message).toMatch(/does not have the header row of LinkedIn's Connections\.csv\. It looks like a Google Contacts CSV: choose format=google\./);
      const unknown = await post(user, 'format=outlook', 'Colour,Size\nred,M\n');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringContaining('Expected an Outlook contacts export') });
      const notVcard = await post(user, 'format=vcard', 'just some text\n', 'text/vcard');
      expect(notVcard.json().error).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringContaining('BEGIN:VCARD') });
      expect(await contactsOf(user)).toEqual([]);
    });

    it('a Windows-1252 CSV is read when its charset is sent; without it the bytes are not UTF-8 and say so', async () => {
      const user = await signedInUser(t.app);
      const latin1 = Buffer.from('Name,Company\nJosé Núñez,Café Olé\n', 'latin1');
      const refused = await post(user, 'format=csv', latin1);
      expect(refused.json().error.code).toBe('IMPORT_UNREADABLE');
      const result = await importFile(user, 'format=csv&dryRun=false', latin1, 'text/csv; charset=windows-1252');
      expect(result).toMatchObject({ committed: true, imported: 1 });
      expect(byName(await contactsOf(user), 'José Núñez').organization).toBe('Café Olé');
    });
  });

  describe('OpenAPI', () => {
    it('documents the route, its formats and that dryRun defaults to true', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json();
      const operation = doc.paths['/api/v1/imports'].post;
      expect(operation.description).toMatch(/dryRun defaults to true/);
      expect(Object.keys(operation.requestBody.content)).toEqual(['text/csv', 'text/vcard']);
    });
  });

  describe('after a large import', () => {
    it('flushes the pending lists of every GIN index the contacts table has', async () => {
      const gin = (await t.database.db.execute(
        sql`select indexname as name from pg_indexes where tablename = 'contacts' and indexdef like '%USING gin%' order by 1`,
      )) as unknown as { rows: { name: string }[] };
      expect([...SEARCH_GIN_INDEXES].sort()).toEqual(gin.rows.map((r) => r.name));
      await expect(flushSearchIndexes(t.database.db)).resolves.toBeUndefined();
    });
  });
});
