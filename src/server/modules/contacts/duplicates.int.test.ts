import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { createContactBody, type ContactDto } from '../../../shared/contracts/contacts';
import type { DuplicateGroup } from '../../../shared/contracts/network-tools';
import { toNewContactRow } from './contact-mapping';
import { insertContacts } from './contacts.repo';
import { normalisedLinkedIn } from './duplicates.repo';

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

beforeAll(async () => {
  t = await createTestApp();
  priya = await signedInUser(t.app, { name: 'Priya' });
  bob = await signedInUser(t.app, { name: 'Bob' });
  advisor = await signedInUser(t.app, { role: 'advisor' });

  // Email: A–B share one address, B–C another, so A, B and C are one group.
  ids.a = (await createContact(priya, { firstName: 'Alma', emails: ['shared@example.com'] })).id;
  t.clock.advance(1000);
  // As an import may store it: mixed case, which the form would have lowered.
  const base = createContactBody.parse({ firstName: 'Benno' });
  const [benno] = await insertContacts(t.database.db, priya.id, [toNewContactRow({ ...base, emails: ['Other@Example.com', 'SHARED@example.com'] }, t.clock.now())]);
  ids.b = benno?.id ?? '';
  t.clock.advance(1000);
  ids.c = (await createContact(priya, { firstName: 'Cleo', emails: ['other@example.com'] })).id;
  ids.lone = (await createContact(priya, { firstName: 'Lone', emails: ['lone@example.com'] })).id;

  // LinkedIn: the same profile written four ways; a different profile.
  ids.d = (await createContact(priya, { firstName: 'Dana', linkedinUrl: 'https://www.linkedin.com/in/Dana-Ruiz/?trk=people' })).id;
  ids.e = (await createContact(priya, { firstName: 'Dana R.', linkedinUrl: 'http://linkedin.com/in/dana-ruiz' })).id;
  ids.f = (await createContact(priya, { firstName: 'D. Ruiz', linkedinUrl: 'https://uk.linkedin.com/in/dana-ruiz/#about' })).id;
  ids.g = (await createContact(priya, { firstName: 'Dana', lastName: 'Ruiz Two', linkedinUrl: 'https://www.linkedin.com/in/dana-ruiz-2' })).id;

  // Similar name at the same organisation (case, spacing and punctuation ignored); not across organisations.
  ids.h = (await createContact(priya, { firstName: 'Jon', lastName: 'Smith', organization: 'Northwind, Inc.' })).id;
  ids.i = (await createContact(priya, { firstName: 'John', lastName: 'Smith', organization: 'northwind  inc' })).id;
  ids.j = (await createContact(priya, { firstName: 'John', lastName: 'Smith', organization: 'Contoso' })).id;
  ids.k = (await createContact(priya, { firstName: 'Jane', lastName: 'Doe', organization: 'Northwind Inc' })).id;

  // A deleted contact is never a duplicate.
  const deleted = await createContact(priya, { firstName: 'Gone', emails: ['lone@example.com'], organization: 'Contoso', lastName: 'Smith' });
  ids.deleted = deleted.id;
  expect((await as(t.app, priya.cookie)({ method: 'DELETE', url: `/api/v1/contacts/${deleted.id}` })).statusCode).toBe(204);

  // Bob's contacts match Priya's on every reason, and two of his match each other.
  ids.bob1 = (await createContact(bob, { firstName: 'Jon', lastName: 'Smith', organization: 'Northwind Inc', emails: ['shared@example.com', 'bob@example.com'], linkedinUrl: 'https://linkedin.com/in/dana-ruiz' })).id;
  ids.bob2 = (await createContact(bob, { firstName: 'Bobby', emails: ['bob@example.com'] })).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  priya = await signInAgain(t.app, priya);
  bob = await signInAgain(t.app, bob);
  advisor = await signInAgain(t.app, advisor);
});

async function duplicatesOf(user: SignedInUser): Promise<DuplicateGroup[]> {
  const response = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/contacts/duplicates' });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().truncated).toBe(false);
  return response.json().groups as DuplicateGroup[];
}

const idSet = (group: DuplicateGroup | undefined) => new Set(group?.contacts.map((c) => c.id));

describe('GET /api/v1/contacts/duplicates', () => {
  it('finds a shared email (any case, joined transitively), the same LinkedIn profile, and a similar name at one organisation', async () => {
    const groups = await duplicatesOf(priya);
    const byReason = (reason: DuplicateGroup['reason']) => groups.filter((g) => g.reason === reason);

    expect(byReason('email')).toHaveLength(1);
    expect(byReason('email')[0]?.key).toBe('other@example.com');
    expect(idSet(byReason('email')[0])).toEqual(new Set([ids.a, ids.b, ids.c]));

    expect(byReason('linkedin')).toHaveLength(1);
    expect(byReason('linkedin')[0]?.key).toBe('linkedin.com/in/dana-ruiz');
    expect(idSet(byReason('linkedin')[0])).toEqual(new Set([ids.d, ids.e, ids.f]));

    expect(byReason('name_org')).toHaveLength(1);
    expect(byReason('name_org')[0]?.key).toBe('northwind inc / john smith');
    expect(idSet(byReason('name_org')[0])).toEqual(new Set([ids.h, ids.i]));

    // Full contact DTOs, oldest first.
    const emailGroup = byReason('email')[0];
    expect(emailGroup?.contacts.map((c) => c.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(emailGroup?.contacts[1]).toMatchObject({ firstName: 'Benno', emails: ['Other@Example.com', 'SHARED@example.com'] });
  });

  it('a contact is in at most one group per reason; deleted contacts and other owners never appear', async () => {
    const groups = await duplicatesOf(priya);
    for (const reason of ['email', 'linkedin', 'name_org'] as const) {
      const members = groups.filter((g) => g.reason === reason).flatMap((g) => g.contacts.map((c) => c.id));
      expect(new Set(members).size, reason).toBe(members.length);
    }
    const all = groups.flatMap((g) => g.contacts.map((c) => c.id));
    for (const id of [ids.deleted, ids.bob1, ids.bob2, ids.lone, ids.g, ids.j, ids.k]) expect(all).not.toContain(id);

    const bobs = await duplicatesOf(bob);
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({ reason: 'email', key: 'bob@example.com' });
    expect(idSet(bobs[0])).toEqual(new Set([ids.bob1, ids.bob2]));
  });

  it('normalises LinkedIn addresses: scheme, www or country host, trailing slashes, query and fragment go; the rest stays', async () => {
    const cases: [string, string][] = [
      ['https://www.linkedin.com/in/Dana-Ruiz/?trk=people', 'linkedin.com/in/dana-ruiz'],
      ['http://linkedin.com/in/dana-ruiz', 'linkedin.com/in/dana-ruiz'],
      ['https://uk.linkedin.com/in/dana-ruiz//#about', 'linkedin.com/in/dana-ruiz'],
      ['  HTTPS://DE.LINKEDIN.COM/in/dana-ruiz  ', 'linkedin.com/in/dana-ruiz'],
      // Not stripped: a two-letter host that is not LinkedIn's, or look-alikes of "www." and ".com".
      ['https://uk.example.com/in/dana', 'uk.example.com/in/dana'],
      ['https://wwwxlinkedin.com/in/dana', 'wwwxlinkedin.com/in/dana'],
      ['https://ukxlinkedinxcom/in/dana', 'ukxlinkedinxcom/in/dana'],
    ];
    for (const [input, expected] of cases) {
      const result = await t.database.db.execute(sql`select ${normalisedLinkedIn(sql`${input}::text`)} as key`);
      expect((result as unknown as { rows: { key: string }[] }).rows[0]?.key, input).toBe(expected);
    }
  });

  it('an empty network has no duplicates', async () => {
    const fresh = await signedInUser(t.app, { name: 'Fresh' });
    expect(await duplicatesOf(fresh)).toEqual([]);
  });

  it('401 without a session; 403 for an advisor', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts/duplicates' })).statusCode).toBe(401);
    const response = await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/contacts/duplicates' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
