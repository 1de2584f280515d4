import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import type { ContactFilter } from './contacts.repo';
import { searchContacts, type SearchTuning } from './contacts-search.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function createContact(user: SignedInUser, body: Record<string, unknown>) {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().contact as { id: string };
}

type Page = { items: { displayName: string }[]; nextCursor: string | null; match?: string };

const searchAs = (user: SignedInUser) => async (q: string, query = ''): Promise<Page> => {
  const response = await as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
};

describe('GET /api/v1/contacts?q=: tiers, pages, owners and hostile input', () => {
  it('lists names starting with the query, then names or organisations containing it, then other fields, each in name order', async () => {
    const user = await signedInUser(t.app);
    await createContact(user, { firstName: 'Zoe', lastName: 'Park', title: 'Marine biologist' });
    await createContact(user, { firstName: 'Bo', lastName: 'Marsh' });
    await createContact(user, { firstName: 'Marta', lastName: 'Vidal' });
    await createContact(user, { firstName: 'Al', lastName: 'Ng', organization: 'Marlow Labs' });
    await createContact(user, { firstName: 'Mark', lastName: 'Ito' });
    await createContact(user, { firstName: 'Cy', lastName: 'Ode', notes: 'Met at the marathon' });
    const search = searchAs(user);
    const all = (await search('mar')).items.map((c) => c.displayName);
    expect(all).toEqual(['Mark Ito', 'Marta Vidal', 'Al Ng', 'Bo Marsh', 'Cy Ode', 'Zoe Park']);
    // A page at a time, across the tiers, every match once and in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: Page = await search('mar', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => c.displayName));
      expect(page.match).toBe('exact');
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);
    // Filters still apply to every tier.
    expect((await search('mar', '&circle=personal')).items).toEqual([]);
  });

  it('a word on many contacts fills the page from a walk in name order, a rarer one from the index: the same order either way', async () => {
    const user = await signedInUser(t.app);
    // 30 people; every third a mentor (10, a word found only in the title), two astronauts.
    const rows = Array.from({ length: 30 }, (_, i) => {
      const n = String(30 - i).padStart(2, '0');
      const title = i % 3 === 0 ? 'Alumni mentor' : i === 4 || i === 20 ? 'Astronaut' : 'Analyst';
      return `Person ${n},${title},${i % 2 === 0 ? 'even' : 'odd'}`;
    });
    const mapping = encodeURIComponent(JSON.stringify({ Name: 'fullName', Role: 'title', Group: 'tags' }));
    const imported = await as(t.app, user.cookie)({
      method: 'POST',
      url: `/api/v1/imports?format=csv&dryRun=false&mapping=${mapping}`,
      headers: { 'content-type': 'text/csv' },
      payload: ['Name,Role,Group', ...rows].join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const search = searchAs(user);
    const pages = async (q: string, query = '') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 20; guard += 1) {
        const page: Page = await search(q, `&limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((c) => c.displayName));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    const mentors = Array.from({ length: 10 }, (_, k) => `Person ${String(30 - 3 * k).padStart(2, '0')}`).sort();
    expect(await pages('mentor')).toEqual(mentors);
    expect(await pages('mentor', '&tag=even')).toEqual(mentors.filter((name) => Number(name.slice(-2)) % 2 === 0));
    expect(await pages('astro')).toEqual(['Person 10', 'Person 26']);

    // The same pages when the word counts as broad (a walk through the names), and when the walk gives up early.
    const repoPages = async (q: string, tuning: SearchTuning, filter: ContactFilter = {}) => {
      const seen: string[] = [];
      for (let offset = 0; offset < 40; offset += 3) {
        const { rows } = await searchContacts(t.database.db, user.id, q, filter, 3, offset, tuning);
        seen.push(...rows.slice(0, 3).map((c) => `${c.firstName} ${c.lastName}`));
        if (rows.length <= 3) break;
      }
      return seen;
    };
    for (const tuning of [{ broadWordMatches: 3, walkRows: 1_000 }, { broadWordMatches: 3, walkRows: 5 }]) {
      expect(await repoPages('mentor', tuning)).toEqual(mentors);
      expect(await repoPages('mentor', tuning, { tag: 'even' })).toEqual(mentors.filter((name) => Number(name.slice(-2)) % 2 === 0));
      expect(await repoPages('astro', tuning)).toEqual(['Person 10', 'Person 26']);
    }
  });

  it("never finds another owner's contacts, by word, prefix, name start or typo", async () => {
    const mine = await signedInUser(t.app);
    const theirs = await signedInUser(t.app);
    await createContact(theirs, { firstName: 'Quentin', lastName: 'Oyelaran', organization: 'Halcyon Trust', tags: ['secret-tag'], emails: ['q@halcyon.example'] });
    await createContact(mine, { firstName: 'Quinn', lastName: 'Adams' });
    const search = searchAs(mine);
    expect((await search('quentin')).items).toEqual([]);
    expect((await search('oyel')).items).toEqual([]);
    expect((await search('halcyon')).items).toEqual([]);
    expect((await search('secret-tag')).items).toEqual([]);
    expect((await search('q@halcyon.example')).items).toEqual([]);
    expect((await search('oyelaram')).items).toEqual([]);
    expect((await search('qu')).items.map((c) => c.displayName)).toEqual(['Quinn Adams']);
  });

  it('answers 200 for quotes, backslashes, tsquery syntax, unicode and very long input, and still finds by them', async () => {
    const user = await signedInUser(t.app);
    await createContact(user, { firstName: 'Siobhán', lastName: "O'Brien", organization: 'Zürich Café', tags: ['c++'], notes: `path C:\\temp and ${'x'.repeat(300)}` });
    const search = searchAs(user);
    const names = async (q: string) => (await search(q)).items.map((c) => c.displayName);
    expect(await names("o'brien")).toEqual(["Siobhán O'Brien"]);
    expect(await names("O'B")).toEqual(["Siobhán O'Brien"]);
    expect(await names('siobhán')).toEqual(["Siobhán O'Brien"]);
    expect(await names('zürich café')).toEqual(["Siobhán O'Brien"]);
    expect(await names('temp')).toEqual(["Siobhán O'Brien"]);
    for (const q of ["'", "''", '\\', 'a\\', "\\'", ':*', 'mar:*', "'mar':*", '& | ! ( )', '!(a)', 'a & b', 'a <-> b', '"', '%_', '😀', 'x'.repeat(200), 'word '.repeat(40), '\u0000', "o'b'r'i'e'n"]) {
      const page = await search(q);
      expect(Array.isArray(page.items), q).toBe(true);
    }
  });

  it('stores a contact whose notes hold one very long word (the owner tag must not push a word past the lexeme limit)', async () => {
    const user = await signedInUser(t.app);
    // 680 three-byte characters: 2,040 bytes, just under PostgreSQL's 2,047-byte limit for a word before tagging.
    await createContact(user, { firstName: 'Long', lastName: 'Word', notes: 'ア'.repeat(680) });
    await createContact(user, { firstName: 'Longer', lastName: 'Word', notes: `tail ${'é'.repeat(990)}` });
    const page = await searchAs(user)('tail');
    expect(page.items.map((c) => c.displayName)).toEqual(['Longer Word']);
  });
});
