import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import type { ContactDto } from '../../../shared/contracts/contacts';

let t: TestApp;
let priya: SignedInUser;
let bob: SignedInUser;
let advisor: SignedInUser;

const DAY = 86_400_000;
const asPriya = (options: Parameters<ReturnType<typeof as>>[0]) => as(t.app, priya.cookie)(options);

async function createContact(user: SignedInUser, body: Record<string, unknown>): Promise<ContactDto> {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().contact as ContactDto;
}

async function logInteraction(user: SignedInUser, contactId: string, kind: string, occurredAt: Date) {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: `/api/v1/contacts/${contactId}/interactions`, payload: { kind, occurredAt: occurredAt.toISOString(), summary: `${kind} note` } });
  expect(response.statusCode, response.body).toBe(201);
}

async function addLedger(user: SignedInUser, contactId: string, direction: 'give' | 'ask', description: string) {
  const response = await as(t.app, user.cookie)({ method: 'POST', url: `/api/v1/contacts/${contactId}/ledger`, payload: { direction, description } });
  expect(response.statusCode, response.body).toBe(201);
}

const merge = (user: SignedInUser | undefined, id: string, payload: unknown) =>
  as(t.app, user?.cookie)({ method: 'POST', url: `/api/v1/contacts/${id}/merge`, payload: payload as object });

/** Everything the API shows about a contact: the contact, its timeline and its ledger. */
async function snapshot(user: SignedInUser, id: string): Promise<string> {
  const asUser = as(t.app, user.cookie);
  const parts = await Promise.all(
    [`/api/v1/contacts/${id}`, `/api/v1/contacts/${id}/interactions`, `/api/v1/contacts/${id}/ledger`].map((url) => asUser({ method: 'GET', url })),
  );
  return parts.map((p) => `${p.statusCode} ${p.body}`).join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  priya = await signedInUser(t.app, { name: 'Priya' });
  bob = await signedInUser(t.app, { name: 'Bob' });
  advisor = await signedInUser(t.app, { role: 'advisor' });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  priya = await signInAgain(t.app, priya);
  bob = await signInAgain(t.app, bob);
  advisor = await signInAgain(t.app, advisor);
});

describe('POST /api/v1/contacts/:id/merge', () => {
  it('keeps both histories, unites the lists, fills blanks, honours `use`, re-points referrals and recomputes the due date', async () => {
    const referrer = await createContact(priya, { firstName: 'Rosa', lastName: 'Referrer' });
    // The other was added first: the merged contact keeps the earlier creation time.
    const other = await createContact(priya, {
      firstName: 'Priya',
      lastName: 'Shah',
      circle: 'personal',
      organization: 'Northwind',
      title: 'Senior Analyst',
      field: 'Finance',
      emails: ['priya@northwind.example', 'p.shah@mail.example'],
      phones: ['+1-555-0100', '+44 20 7946 0000'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-shah',
      links: ['https://priya.example'],
      tags: ['mentor', 'finance'],
      notes: 'Met at the alumni panel.',
      keepInTouchDays: 30,
      source: 'event',
      howMet: 'Alumni panel',
      referredById: referrer.id,
    });
    t.clock.advance(60_000);
    const keep = await createContact(priya, {
      firstName: 'Priya',
      circle: 'professional',
      title: 'Analyst',
      emails: ['PRIYA@northwind.example'],
      phones: ['+1 555 0100'],
      linkedinUrl: 'https://linkedin.com/in/priyashah',
      tags: ['finance'],
      notes: 'Kept notes.',
      keepInTouchDays: 90,
    });
    const referred = await createContact(priya, { firstName: 'Ravi', referredById: other.id });

    const now = t.clock.now();
    await logInteraction(priya, keep.id, 'email', new Date(now.getTime() - 10 * DAY));
    await logInteraction(priya, other.id, 'meeting', new Date(now.getTime() - 20 * DAY));
    await logInteraction(priya, other.id, 'call', new Date(now.getTime() - 2 * DAY));
    await addLedger(priya, keep.id, 'give', 'Shared a job post');
    await addLedger(priya, other.id, 'ask', 'Asked for an intro');
    await addLedger(priya, other.id, 'give', 'Sent an article');

    const response = await merge(priya, keep.id, { otherId: other.id, use: { title: 'other', keepInTouchDays: 'other' } });
    expect(response.statusCode, response.body).toBe(200);
    const merged = response.json().contact as ContactDto;
    const lastInteractionAt = new Date(now.getTime() - 2 * DAY).toISOString();
    expect(merged).toMatchObject({
      id: keep.id,
      firstName: 'Priya',
      lastName: 'Shah',
      displayName: 'Priya Shah',
      circle: 'professional',
      organization: 'Northwind',
      title: 'Senior Analyst',
      field: 'Finance',
      emails: ['priya@northwind.example', 'p.shah@mail.example'],
      phones: ['+1 555 0100', '+44 20 7946 0000'],
      linkedinUrl: 'https://linkedin.com/in/priyashah',
      links: ['https://priya.example', 'https://www.linkedin.com/in/priya-shah'],
      tags: ['finance', 'mentor'],
      notes: 'Kept notes.\n\n— merged from Priya Shah:\nMet at the alumni panel.',
      keepInTouchDays: 30,
      source: 'event',
      howMet: 'Alumni panel',
      referredById: referrer.id,
      gives: 2,
      asks: 1,
      lastInteractionAt,
      nextDueAt: new Date(Date.parse(lastInteractionAt) + 30 * DAY).toISOString(),
      createdAt: other.createdAt,
    });

    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${other.id}` })).statusCode).toBe(404);
    const timeline = (await asPriya({ method: 'GET', url: `/api/v1/contacts/${keep.id}/interactions` })).json().items as { kind: string }[];
    expect(timeline.map((i) => i.kind).sort()).toEqual(['call', 'email', 'meeting']);
    const ledger = (await asPriya({ method: 'GET', url: `/api/v1/contacts/${keep.id}/ledger` })).json();
    expect(ledger.items).toHaveLength(3);
    expect(ledger).toMatchObject({ gives: 2, asks: 1 });
    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${referred.id}` })).json().contact.referredById).toBe(keep.id);
    // The search text was rebuilt: the organisation and the other's email now find the kept contact.
    const found = await asPriya({ method: 'GET', url: '/api/v1/contacts?q=northwind' });
    expect(found.json().items.map((c: ContactDto) => c.id)).toEqual([keep.id]);
    expect((await asPriya({ method: 'GET', url: '/api/v1/contacts?q=p.shah' })).json().items.map((c: ContactDto) => c.id)).toContain(keep.id);
  });

  it('without `use` keeps its own values; a referral between the two is not kept as a self-reference', async () => {
    const other = await createContact(priya, { firstName: 'Sam', lastName: 'Other', circle: 'personal', title: 'CTO', keepInTouchDays: 30 });
    const keep = await createContact(priya, { firstName: 'Samuel', lastName: 'Kept', circle: 'new', title: 'Engineer', referredById: other.id });
    expect(keep.keepInTouchDays).toBeNull();
    const response = await merge(priya, keep.id, { otherId: other.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().contact).toMatchObject({
      firstName: 'Samuel',
      lastName: 'Kept',
      circle: 'new',
      title: 'Engineer',
      keepInTouchDays: null,
      nextDueAt: null,
      referredById: null,
      notes: '',
    });
  });

  it('400 when merging with itself or for a bad body; 401; 403 for an advisor', async () => {
    const a = await createContact(priya, { firstName: 'Ada' });
    const b = await createContact(priya, { firstName: 'Bea' });
    for (const payload of [
      { otherId: a.id },
      {},
      { otherId: 'not-a-uuid' },
      { otherId: b.id, use: { title: 'this' } },
      { otherId: b.id, use: { notes: 'other' } },
      { otherId: b.id, ownerId: bob.id },
    ]) {
      const response = await merge(priya, a.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await merge(priya, 'not-a-uuid', { otherId: b.id })).statusCode).toBe(400);
    expect((await merge(undefined, a.id, { otherId: b.id })).statusCode).toBe(401);
    const forbidden = await merge(advisor, a.id, { otherId: b.id });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    // Nothing was merged.
    expect((await asPriya({ method: 'GET', url: `/api/v1/contacts/${b.id}` })).statusCode).toBe(200);
  });

  it("404 when either contact is someone else's or deleted, and nothing changes on either side", async () => {
    const mine = await createContact(priya, { firstName: 'Mine', emails: ['mine@example.com'] });
    await logInteraction(priya, mine.id, 'email', t.clock.now());
    const bobs = await createContact(bob, { firstName: 'Bobs', lastName: 'Contact', notes: 'private' });
    await logInteraction(bob, bobs.id, 'call', t.clock.now());
    await addLedger(bob, bobs.id, 'ask', 'private ask');
    const deleted = await createContact(priya, { firstName: 'Deleted' });
    expect((await asPriya({ method: 'DELETE', url: `/api/v1/contacts/${deleted.id}` })).statusCode).toBe(204);

    const mineBefore = await snapshot(priya, mine.id);
    const bobsBefore = await snapshot(bob, bobs.id);
    for (const [keepId, otherId] of [
      [mine.id, bobs.id],
      [bobs.id, mine.id],
      [mine.id, deleted.id],
      [deleted.id, mine.id],
      [mine.id, '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11'],
    ] as const) {
      const response = await merge(priya, keepId, { otherId });
      expect(response.statusCode, `${keepId} ← ${otherId}`).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      expect(response.body).not.toContain('Bobs');
    }
    expect(await snapshot(priya, mine.id)).toBe(mineBefore);
    expect(await snapshot(bob, bobs.id)).toBe(bobsBefore);
    const restored = await asPriya({ method: 'POST', url: '/api/v1/contacts/bulk', payload: { action: 'restore', ids: [deleted.id] } });
    expect(restored.json().affected).toBe(1);
  });

  it('two opposite merges of one pair at once: one succeeds, the other finds its contact gone (404), no deadlock', async () => {
    const a = await createContact(priya, { firstName: 'Twin', lastName: 'A' });
    const b = await createContact(priya, { firstName: 'Twin', lastName: 'B' });
    await logInteraction(priya, a.id, 'email', t.clock.now());
    await logInteraction(priya, b.id, 'email', t.clock.now());
    const results = await Promise.all([merge(priya, a.id, { otherId: b.id }), merge(priya, b.id, { otherId: a.id })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    const survivor = results.find((r) => r.statusCode === 200)?.json().contact as ContactDto;
    const timeline = await asPriya({ method: 'GET', url: `/api/v1/contacts/${survivor.id}/interactions` });
    expect(timeline.json().items).toHaveLength(2);
  });

  it('moves every table that references contacts (checked from the schema)', async () => {
    // A new table with a foreign key to contacts must be handled by merge.repo.ts, or its rows would be lost.
    const result = await t.database.db.execute(sql`
      select c.conrelid::regclass::text || '.' || a.attname as ref
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.contype = 'f' and c.confrelid = 'contacts'::regclass`);
    const refs = (result as unknown as { rows: { ref: string }[] }).rows.map((r) => r.ref).sort();
    expect(refs).toEqual(['contacts.referred_by_id', 'interactions.contact_id', 'ledger_entries.contact_id']);
  });
});
