import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, type Access } from '../../src/server/access';
import { manualClock } from '../../src/server/lib/clock';
import { bookableAdvisor, signedInUser, type SignedInUser } from '../factories';
import { as, createTestApp, type TestApp } from '../setup/test-app';

/**
 * authz-idor (ASVS 8.2.2), generated from the route table: user B calls every owner-scoped `:id` route with
 * user A's ids and gets 404; A's data is unchanged afterwards. A new `:id` route without a sample body here
 * fails this test, so no route escapes it.
 */
let t: TestApp;
let alice: SignedInUser;
let bob: SignedInUser;
let advisorA: SignedInUser;
let advisorB: SignedInUser;
const ids: Record<string, string> = {};
/** Ids of the owners' objects by route family: each `:id` route is called with an id of its own kind. */
const appointmentIds: Record<string, string> = {};
const advisorIds: Record<string, string> = {};
// Monday 2 March 2026: Alice's appointment is the Monday after, 10:00 New York (14:00Z).
const APPOINTMENT_START = '2026-03-09T14:00:00.000Z';
const OTHER_START = '2026-03-10T14:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(new Date('2026-03-02T12:00:00Z')) });
  alice = await signedInUser(t.app, { name: 'Alice' });
  bob = await signedInUser(t.app, { name: 'Bob' });
  advisorA = await bookableAdvisor(t.app, { name: 'Alices Advisor' });
  advisorB = await bookableAdvisor(t.app, { name: 'Other Advisor' });
  const booked = await as(t.app, alice.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisorA.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: APPOINTMENT_START, mode: 'video', note: 'Alices private note' },
  });
  const appointmentId: string = booked.json().appointment.id;
  appointmentIds.id = appointmentId;
  advisorIds.id = appointmentId;
  const exception = await as(t.app, advisorA.cookie)({ method: 'POST', url: '/api/v1/advisors/me/exceptions', payload: { kind: 'day_off', date: '2026-03-20', note: 'Alices advisor day off' } });
  advisorIds.exception = exception.json().exception.id;
  const asAlice = as(t.app, alice.cookie);
  const contact = await asAlice({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: 'Alices', lastName: 'Mentor', circle: 'professional' } });
  ids.id = contact.json().contact.id;
  const interaction = await asAlice({
    method: 'POST',
    url: `/api/v1/contacts/${ids.id}/interactions`,
    payload: { kind: 'call', occurredAt: t.clock.now().toISOString(), summary: 'private notes' },
  });
  ids.interactionId = interaction.json().interaction.id;
  const entry = await asAlice({ method: 'POST', url: `/api/v1/contacts/${ids.id}/ledger`, payload: { direction: 'give', description: 'sent a book' } });
  ids.entryId = entry.json().entry.id;
  const bobs = await as(t.app, bob.cookie)({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: 'Bobs', lastName: 'Friend' } });
  ids.bobsContactId = bobs.json().contact.id;
});
afterAll(async () => {
  await t.close();
});

/** A body that would succeed for the owner, so a 404 can only mean "not yours". */
const sampleBodies: Record<string, () => unknown> = {
  'PATCH /api/v1/contacts/:id': () => ({ firstName: 'Hijacked' }),
  'DELETE /api/v1/contacts/:id': () => undefined,
  'POST /api/v1/contacts/:id/interactions': () => ({ kind: 'note', occurredAt: t.clock.now().toISOString(), summary: 'x' }),
  'DELETE /api/v1/contacts/:id/interactions/:interactionId': () => undefined,
  'POST /api/v1/contacts/:id/ledger': () => ({ direction: 'ask', description: 'x' }),
  'DELETE /api/v1/contacts/:id/ledger/:entryId': () => undefined,
  'POST /api/v1/contacts/:id/merge': () => ({ otherId: ids.bobsContactId }),
  'POST /api/v1/appointments/:id/cancel': () => ({}),
  'POST /api/v1/appointments/:id/reschedule': () => ({ start: OTHER_START }),
  'PUT /api/v1/appointments/:id/document': () => ({ text: 'hijacked' }),
  'DELETE /api/v1/advisors/me/exceptions/:id': () => undefined,
  'POST /api/v1/advisors/me/appointments/:id/attendance': () => ({ outcome: 'no_show' }),
  'PUT /api/v1/advisors/me/appointments/:id/notes': () => ({ notes: 'hijacked' }),
  'POST /api/v1/advisors/me/appointments/:id/cancel': () => ({}),
  'POST /api/v1/students/:id/no-show-clearance': () => ({}),
};

/** The ids to put into a route's `:params`, by the family the route belongs to. */
function idsFor(key: string): Record<string, string> {
  if (key.includes('/api/v1/appointments/')) return appointmentIds;
  if (key.includes('/api/v1/advisors/me/exceptions/')) return { id: advisorIds.exception ?? '' };
  if (key.includes('/api/v1/advisors/me/appointments/')) return advisorIds;
  if (key.includes('/api/v1/students/')) return { id: alice.id };
  return ids;
}

const idRoutes = (Object.entries(ROUTE_ACCESS) as [string, Access][]).filter(([key, access]) => key.includes('/:id') && access !== 'public');
const ownerScoped = idRoutes.filter(([, access]) => access !== 'public' && access.includes('student'));
// Advisors' own objects: advisor B on advisor A's exception, appointment and students.
const advisorScoped = idRoutes.filter(([, access]) => access !== 'public' && access.includes('advisor') && !access.includes('student'));

async function aliceSnapshot(): Promise<string> {
  const asAlice = as(t.app, alice.cookie);
  const asAdvisor = as(t.app, advisorA.cookie);
  const parts = await Promise.all([
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}` }),
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}/interactions` }),
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}/ledger` }),
    asAlice({ method: 'GET', url: `/api/v1/appointments/${appointmentIds.id}` }),
    asAlice({ method: 'GET', url: '/api/v1/appointments/standing' }),
    asAdvisor({ method: 'GET', url: `/api/v1/advisors/me/appointments/${advisorIds.id}` }),
    asAdvisor({ method: 'GET', url: '/api/v1/advisors/me/exceptions' }),
  ]);
  return parts.map((p) => p.body).join('\n');
}

async function callAs(caller: SignedInUser, key: string) {
  const [method = 'GET', pattern = ''] = key.split(' ');
  const family = idsFor(key);
  const url = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = family[name];
    if (!value) throw new Error(`no id for :${name} in ${key}`);
    return value;
  });
  const makeBody = sampleBodies[key];
  if (method !== 'GET' && !makeBody) throw new Error(`add a sample body for ${key} to this test`);
  const body = makeBody?.();
  return as(t.app, caller.cookie)({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('authz-idor (ASVS 8.2.2)', () => {
  it('covers at least the contact routes', () => {
    expect(ownerScoped.length).toBeGreaterThanOrEqual(8);
  });

  for (const [key] of ownerScoped) {
    it(`${key}: another user's id → 404, the owner's data unchanged`, async () => {
      const before = await aliceSnapshot();
      const response = await callAs(bob, key);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain('Alices');
      expect(await aliceSnapshot()).toBe(before);
    });
  }

  it('covers the advisors\' own routes too', () => {
    expect(advisorScoped.length).toBeGreaterThanOrEqual(5);
  });

  for (const [key] of advisorScoped) {
    it(`${key}: another advisor's id → 404, the owner's data unchanged`, async () => {
      const before = await aliceSnapshot();
      const response = await callAs(advisorB, key);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain('Alices');
      expect(await aliceSnapshot()).toBe(before);
    });
  }
});
