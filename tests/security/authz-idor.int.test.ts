import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, type Access } from '../../src/server/access';
import { signedInUser, type SignedInUser } from '../factories';
import { as, createTestApp, type TestApp } from '../setup/test-app';

/**
 * authz-idor (ASVS 8.2.2), generated from the route table: user B calls every owner-scoped `:id` route with
 * user A's ids and gets 404; A's data is unchanged afterwards. A new `:id` route without a sample body here
 * fails this test, so no route escapes it.
 */
let t: TestApp;
let alice: SignedInUser;
let bob: SignedInUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  alice = await signedInUser(t.app, { name: 'Alice' });
  bob = await signedInUser(t.app, { name: 'Bob' });
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
};

const ownerScoped = (Object.entries(ROUTE_ACCESS) as [string, Access][]).filter(
  ([key, access]) => key.includes('/:id') && access !== 'public' && access.includes('student'),
);

async function aliceSnapshot(): Promise<string> {
  const asAlice = as(t.app, alice.cookie);
  const parts = await Promise.all([
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}` }),
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}/interactions` }),
    asAlice({ method: 'GET', url: `/api/v1/contacts/${ids.id}/ledger` }),
  ]);
  return parts.map((p) => p.body).join('\n');
}

describe('authz-idor (ASVS 8.2.2)', () => {
  it('covers at least the contact routes', () => {
    expect(ownerScoped.length).toBeGreaterThanOrEqual(8);
  });

  for (const [key] of ownerScoped) {
    it(`${key}: another user's id → 404, the owner's data unchanged`, async () => {
      const [method = 'GET', pattern = ''] = key.split(' ');
      const url = pattern.replace(/:(\w+)/g, (_, name: string) => {
        const value = ids[name];
        if (!value) throw new Error(`no id for :${name} in ${key}`);
        return value;
      });
      const before = await aliceSnapshot();
      const makeBody = sampleBodies[key];
      if (method !== 'GET' && !makeBody) throw new Error(`add a sample body for ${key} to this test`);
      const body = makeBody?.();
      const response = await as(t.app, bob.cookie)({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain('Alices');
      expect(await aliceSnapshot()).toBe(before);
    });
  }
});
