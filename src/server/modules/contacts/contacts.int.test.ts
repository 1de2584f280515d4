import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let priya: SignedInUser;
let advisor: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  priya = await signedInUser(t.app, { name: 'Priya' });
  advisor = await signedInUser(t.app, { role: 'advisor' });
});
afterAll(async () => {
  await t.close();
});
// Several tests move the clock by weeks; every test starts with fresh sessions.
beforeEach(async () => {
  priya = await signInAgain(t.app, priya);
  advisor = await signInAgain(t.app, advisor);
});

const DAY = 86_400_000;
const asPriya = (options: Parameters<ReturnType<typeof as>>[0]) => as(t.app, priya.cookie)(options);

async function createContact(user: SignedInUser, body: Record<string, unknown>) {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().contact as { id: string; nextDueAt: string | null; [key: string]: unknown };
}

describe('POST /api/v1/contacts', () => {
  it('creates a contact with the DESIGN.md field names and CAD-08 defaults per circle', async () => {
    const contact = await createContact(priya, {
      firstName: 'Marcus',
      lastName: 'Lee',
      circle: 'professional',
      organization: 'Northwind',
      title: 'Data Analyst',
      emails: ['Marcus@Northwind.example'],
      phones: ['+1 555 0100'],
      linkedinUrl: 'https://www.linkedin.com/in/marcuslee',
      tags: ['Analytics', 'analytics'],
      notes: 'Met at the fall career fair.',
    });
    expect(contact).toMatchObject({
      firstName: 'Marcus',
      lastName: 'Lee',
      displayName: 'Marcus Lee',
      circle: 'professional',
      emails: ['marcus@northwind.example'],
      tags: ['analytics'],
      keepInTouchDays: 90,
      stage: 'potential',
    });
    expect(new Date(contact.nextDueAt ?? 0).getTime() - t.clock.now().getTime()).toBe(90 * DAY);
    const fresh = await createContact(priya, { firstName: 'Nadia', circle: 'new' });
    expect(fresh).toMatchObject({ keepInTouchDays: null, nextDueAt: null });
  });

  it('400 with field issues for bad input; javascript: links refused (url-schemes, ASVS 1.2.2)', async () => {
    for (const [payload, path] of [
      [{ firstName: '' }, 'firstName'],
      [{ firstName: 'A', circle: 'family' }, 'circle'],
      [{ firstName: 'A', emails: ['not-an-email'] }, 'emails.0'],
      [{ firstName: 'A', linkedinUrl: 'javascript:alert(1)' }, 'linkedinUrl'],
      [{ firstName: 'A', links: ['data:text/html,<script>alert(1)</script>'] }, 'links.0'],
      [{ firstName: 'A', ownerId: advisor.id }, ''],
    ] as const) {
      const response = await asPriya({ method: 'POST', url: '/api/v1/contacts', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(response.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it('401 without a session; 403 for an advisor (advisors never hold or see private networks)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: 'A' } })).statusCode).toBe(401);
    expect((await as(t.app, advisor.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: 'A' } })).statusCode).toBe(403);
    expect((await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(403);
  });

  it('referred-by must be one of my own contacts', async () => {
    const other = await signedInUser(t.app);
    const theirs = await createContact(other, { firstName: 'Theirs' });
    const response = await asPriya({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: 'Ref', referredById: theirs.id } });
    expect(response.statusCode).toBe(400);
    const mine = await createContact(priya, { firstName: 'Referrer' });
    const ok = await createContact(priya, { firstName: 'Referred', referredById: mine.id });
    expect(ok.referredById).toBe(mine.id);
    const introduced = await asPriya({ method: 'GET', url: `/api/v1/contacts?referredById=${mine.id}` });
    expect(introduced.json().items.map((c: { id: string }) => c.id)).toEqual([ok.id]);
  });
});

describe('GET/PATCH/DELETE /api/v1/contacts/:id', () => {
  it('reads, edits (recomputing the due date) and deletes with undo', async () => {
    const contact = await createContact(priya, { firstName: 'Olu', circle: 'personal' });
    const got = await asPriya({ method: 'GET', url: `/api/v1/contacts/${contact.id}` });
    expect(got.json().contact.keepInTouchDays).toBe(30);
    const patched = await asPriya({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { keepInTouchDays: 14, organization: 'Contoso' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().contact).toMatchObject({ keepInTouchDays: 14, organization: 'Contoso' });
    expect(new Date(patched.json().contact.nextDueAt).getTime() - new Date(patched.json().contact.createdAt).getTime()).toBe(14 * DAY);
    expect((await asPriya({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(204);
    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(404);
    const undo = await asPriya({ method: 'POST', url: '/api/v1/contacts/bulk', payload: { action: 'restore', ids: [contact.id] } });
    expect(undo.json()).toEqual({ affected: 1 });
    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(200);
  });

  it('400 for a malformed id or bad patch, 404 for an unknown id', async () => {
    expect((await asPriya({ method: 'GET', url: '/api/v1/contacts/123' })).statusCode).toBe(400);
    const contact = await createContact(priya, { firstName: 'Pat' });
    expect((await asPriya({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { circle: 'enemies' } })).statusCode).toBe(400);
    expect((await asPriya({ method: 'GET', url: '/api/v1/contacts/3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11' })).statusCode).toBe(404);
  });
});

describe('interactions (CAD-08: any logged interaction resets keep-in-touch)', () => {
  it('CAD-08: logging a meeting moves last contacted and the due date, and advances the stage', async () => {
    const contact = await createContact(priya, { firstName: 'Ada', circle: 'personal' });
    t.clock.advance(40 * DAY);
    priya = await signInAgain(t.app, priya);
    const occurredAt = new Date(t.clock.now().getTime() - DAY).toISOString();
    const logged = await asPriya({
      method: 'POST',
      url: `/api/v1/contacts/${contact.id}/interactions`,
      payload: { kind: 'meeting', occurredAt, summary: 'Coffee; she suggested talking to Sam.' },
    });
    expect(logged.statusCode).toBe(201);
    const updated = logged.json().contact;
    expect(updated.lastInteractionAt).toBe(occurredAt);
    expect(new Date(updated.nextDueAt).getTime()).toBe(new Date(occurredAt).getTime() + 30 * DAY);
    expect(updated.stage).toBe('met');
    // An older interaction never moves "last contacted" backwards.
    const older = await asPriya({
      method: 'POST',
      url: `/api/v1/contacts/${contact.id}/interactions`,
      payload: { kind: 'email', occurredAt: new Date(t.clock.now().getTime() - 20 * DAY).toISOString(), summary: '' },
    });
    expect(older.json().contact.lastInteractionAt).toBe(occurredAt);
    const timeline = await asPriya({ method: 'GET', url: `/api/v1/contacts/${contact.id}/interactions` });
    expect(timeline.json().items.map((i: { kind: string }) => i.kind)).toEqual(['meeting', 'email']);
    // Deleting the newest moves the due date back to the remaining one.
    const removed = await asPriya({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}/interactions/${logged.json().interaction.id}` });
    expect(removed.statusCode).toBe(200);
    expect(new Date(removed.json().contact.lastInteractionAt).getTime()).toBe(t.clock.now().getTime() - 20 * DAY);
  });

  it('400 for an unknown kind, a bad date or a date far in the future; 404 for an unknown contact', async () => {
    const contact = await createContact(priya, { firstName: 'Bo' });
    const url = `/api/v1/contacts/${contact.id}/interactions`;
    expect((await asPriya({ method: 'POST', url, payload: { kind: 'telepathy', occurredAt: new Date().toISOString() } })).statusCode).toBe(400);
    expect((await asPriya({ method: 'POST', url, payload: { kind: 'call', occurredAt: 'yesterday' } })).statusCode).toBe(400);
    const future = new Date(t.clock.now().getTime() + 10 * DAY).toISOString();
    expect((await asPriya({ method: 'POST', url, payload: { kind: 'call', occurredAt: future } })).statusCode).toBe(400);
    const unknown = '/api/v1/contacts/3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11/interactions';
    expect((await asPriya({ method: 'POST', url: unknown, payload: { kind: 'call', occurredAt: t.clock.now().toISOString() } })).statusCode).toBe(404);
  });
});

describe('give/ask ledger', () => {
  it('records gives and asks, shows the balance, never blocks an ask', async () => {
    const contact = await createContact(priya, { firstName: 'Kai' });
    const url = `/api/v1/contacts/${contact.id}/ledger`;
    const ask = await asPriya({ method: 'POST', url, payload: { direction: 'ask', description: 'Asked for 15 minutes about product roles' } });
    expect(ask.statusCode).toBe(201);
    await asPriya({ method: 'POST', url, payload: { direction: 'ask', description: 'Asked for an introduction to Sam' } });
    const give = await asPriya({ method: 'POST', url, payload: { direction: 'give', description: 'Sent the article on design systems' } });
    const ledger = await asPriya({ method: 'GET', url });
    expect(ledger.json()).toMatchObject({ gives: 1, asks: 2 });
    expect(ledger.json().items).toHaveLength(3);
    expect((await asPriya({ method: 'DELETE', url: `${url}/${give.json().entry.id}` })).statusCode).toBe(204);
    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${contact.id}` })).json().contact).toMatchObject({ gives: 0, asks: 2 });
    expect((await asPriya({ method: 'POST', url, payload: { direction: 'take', description: 'x' } })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/contacts: search, filters, pages', () => {
  it('finds by any part of a name, organisation, tag or email, tolerates typos, ranks, and finds nothing extra for SQL', async () => {
    const user = await signedInUser(t.app);
    const mk = (body: Record<string, unknown>) => createContact(user, body);
    await mk({ firstName: 'Jonathan', lastName: 'Okafor', organization: 'Fabrikam', title: 'Product Manager', tags: ['product'] });
    await mk({ firstName: 'Mei', lastName: 'Tanaka', organization: 'Tailspin Toys', emails: ['mei@tailspin.example'] });
    await mk({ firstName: 'Lucia', lastName: 'Fernandez', organization: 'Fabrikam', notes: 'Runs the analytics guild' });
    const search = async (q: string) => {
      const response = await as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      return response.json().items.map((c: { displayName: string }) => c.displayName) as string[];
    };
    expect(await search('jon')).toEqual(['Jonathan Okafor']);
    expect(await search('okafr')).toEqual(['Jonathan Okafor']);
    expect((await search('fabrikam')).sort()).toEqual(['Jonathan Okafor', 'Lucia Fernandez']);
    expect(await search('tailspin.example')).toEqual(['Mei Tanaka']);
    expect(await search('analytics')).toEqual(['Lucia Fernandez']);
    expect(await search("' OR 1=1--")).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  it('ranks names above other fields, falls back to typo-tolerant matches only when nothing matches exactly, finds addresses whole or in parts', async () => {
    const user = await signedInUser(t.app);
    const mk = (body: Record<string, unknown>) => createContact(user, body);
    await mk({ firstName: 'Aaron', lastName: 'Smith', title: 'Marketing Lead' });
    await mk({ firstName: 'Mark', lastName: 'Adams' });
    await mk({ firstName: 'Maria', lastName: 'Brandt', emails: ['maria.brandt@post.example'] });
    await mk({ firstName: 'Tom', lastName: 'Brandon' });
    const search = async (q: string, query = '') => {
      const response = await as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}${query}` });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { displayName: string }[]; nextCursor: string | null; match?: string };
    };
    const names = async (q: string) => (await search(q)).items.map((c) => c.displayName);
    // A name that starts with what was typed comes before a title that merely contains a word starting with it.
    expect(await names('mar')).toEqual(['Maria Brandt', 'Mark Adams', 'Aaron Smith']);
    expect(await names('maria.brandt@post.example')).toEqual(['Maria Brandt']);
    expect(await names('brandt@post')).toEqual(['Maria Brandt']);
    expect(await names('post.example')).toEqual(['Maria Brandt']);
    // Exact matches only while there are any; a name that merely looks like the query is not mixed in.
    expect(await names('brandt')).toEqual(['Maria Brandt']);
    expect((await search('brandt')).match).toBe('exact');
    // Nothing matches exactly: the names that look most like it, closest first, a page at a time, said to be close.
    const first = await search('brandtt', '&limit=1');
    expect(first.items.map((c) => c.displayName)).toEqual(['Maria Brandt']);
    expect(first.match).toBe('close');
    const second = await search('brandtt', `&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.displayName)).toEqual(['Tom Brandon']);
    expect(second.nextCursor).toBeNull();
    // Past the last exact match there is nothing more, not the start of the fuzzy list.
    const pastExact = await search('brandt', '&limit=1');
    expect(pastExact.nextCursor).toBeNull();
  });

  it('filters by circle, tag and due, pages in name order, and counts per circle', async () => {
    const user = await signedInUser(t.app);
    for (const [firstName, circle] of [['Zed', 'personal'], ['Amy', 'personal'], ['Bea', 'professional'], ['Cy', 'community'], ['Dot', 'new']] as const) {
      await createContact(user, { firstName, circle, tags: circle === 'personal' ? ['family'] : [] });
    }
    const get = (query: string) => as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/contacts?${query}` });
    const page1 = (await get('limit=2')).json();
    expect(page1.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Amy', 'Bea']);
    const page2 = (await get(`limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Cy', 'Dot']);
    expect((await get('circle=personal')).json().items).toHaveLength(2);
    expect((await get('tag=family')).json().items).toHaveLength(2);
    expect((await get('due=true')).json().items).toHaveLength(0);
    t.clock.advance(31 * DAY);
    Object.assign(user, await signInAgain(t.app, user));
    expect((await get('due=true')).json().items.map((c: { firstName: string }) => c.firstName)).toEqual(['Amy', 'Zed']);
    const summary = (await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/contacts/summary' })).json();
    expect(summary).toEqual({ total: 5, circles: { professional: 1, community: 1, personal: 2, new: 1 }, due: 2 });
    expect((await get('limit=0')).statusCode).toBe(400);
    expect((await get('cursor=abc')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/contacts/bulk', () => {
  it('tags, changes circle and frequency, and deletes with the count; other owners are untouched', async () => {
    const user = await signedInUser(t.app);
    const other = await signedInUser(t.app);
    const a = await createContact(user, { firstName: 'A' });
    const b = await createContact(user, { firstName: 'B' });
    const theirs = await createContact(other, { firstName: 'Theirs' });
    const bulk = (payload: Record<string, unknown>) => as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts/bulk', payload });
    expect((await bulk({ action: 'tag', ids: [a.id, b.id, theirs.id], tag: 'Fintech' })).json()).toEqual({ affected: 2 });
    expect((await bulk({ action: 'circle', ids: [a.id], circle: 'professional' })).json()).toEqual({ affected: 1 });
    expect((await bulk({ action: 'frequency', ids: [a.id], keepInTouchDays: 60 })).json()).toEqual({ affected: 1 });
    const got = (await as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/contacts/${a.id}` })).json().contact;
    expect(got).toMatchObject({ tags: ['fintech'], circle: 'professional', keepInTouchDays: 60 });
    expect(new Date(got.nextDueAt).getTime() - new Date(got.createdAt).getTime()).toBe(60 * DAY);
    const found = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/contacts?q=fintech' });
    expect(found.json().items.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await bulk({ action: 'delete', ids: [a.id, b.id, theirs.id] })).json()).toEqual({ affected: 2 });
    expect((await as(t.app, other.cookie)({ method: 'GET', url: `/api/v1/contacts/${theirs.id}` })).json().contact.tags).toEqual([]);
    expect((await bulk({ action: 'explode', ids: [a.id] })).statusCode).toBe(400);
    expect((await bulk({ action: 'delete', ids: [] })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/reminders', () => {
  it('CAD-08 and CAD-09: due keep-in-touch and dormant ties, each with its rule and a plain reason', async () => {
    const user = await signedInUser(t.app);
    const friend = await createContact(user, { firstName: 'Friend', circle: 'personal' });
    const old = await createContact(user, { firstName: 'Old', lastName: 'Mentor', circle: 'professional' });
    await as(t.app, user.cookie)({
      method: 'POST',
      url: `/api/v1/contacts/${old.id}/interactions`,
      payload: { kind: 'meeting', occurredAt: new Date(t.clock.now().getTime() - 4 * 365 * DAY).toISOString() },
    });
    t.clock.advance(31 * DAY);
    Object.assign(user, await signInAgain(t.app, user));
    Object.assign(advisor, await signInAgain(t.app, advisor));
    const response = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/reminders' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { rule: string; contactId: string; reason: string }[];
    expect(items.find((i) => i.contactId === friend.id)).toMatchObject({ rule: 'CAD-08' });
    const dormant = items.find((i) => i.contactId === old.id);
    expect(dormant).toMatchObject({ rule: 'CAD-09' });
    expect(dormant?.reason).toMatch(/4 years/);
    expect(items.filter((i) => i.contactId === old.id)).toHaveLength(1);
    expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/reminders?from=soon' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reminders' })).statusCode).toBe(401);
    expect((await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/reminders' })).statusCode).toBe(403);
  });
});
