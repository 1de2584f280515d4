import { randomBytes } from 'node:crypto';
import type { ContactRow } from '../src/server/modules/contacts/contacts.repo';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/shared/contracts/users';
import { sessionCookieFrom } from './setup/test-app';

export const DEFAULT_PASSWORD = 'maple river lantern 42';

let counter = 0;

/** A unique email for each call, so tests never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@example.edu`;
}

export type SignedInUser = { id: string; email: string; name: string; role: Role; password: string; cookie: string };

/** Creates an account of any role through the real service and signs in through the real login route. */
export async function signedInUser(
  app: FastifyInstance,
  overrides: { role?: Role; email?: string; name?: string; password?: string } = {},
): Promise<SignedInUser> {
  const role = overrides.role ?? 'student';
  const email = overrides.email ?? uniqueEmail(role);
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const name = overrides.name ?? `Test ${role}`;
  const user = await app.services.auth.createUser({ email, name, password, role });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return { id: user.id, email, name, role, password, cookie: sessionCookieFrom(login) };
}

/** Signs the same person in again (after a test moved the clock past the session's lifetime). */
export async function signInAgain(app: FastifyInstance, user: SignedInUser): Promise<SignedInUser> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return { ...user, cookie: sessionCookieFrom(login) };
}

/** A complete contacts row with neutral values, for unit tests of code that maps or merges rows. */
export function contactRowFixture(overrides: Partial<ContactRow> = {}): ContactRow {
  const at = new Date('2026-11-19T12:00:00Z');
  return {
    id: '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11',
    ownerId: '00000000-0000-4000-8000-000000000000',
    firstName: 'Ada',
    lastName: '',
    circle: 'professional',
    organization: null,
    title: null,
    field: null,
    location: null,
    emails: [],
    phones: [],
    linkedinUrl: null,
    links: [],
    howMet: null,
    source: null,
    referredById: null,
    tags: [],
    notes: '',
    stage: 'potential',
    keepInTouchDays: 90,
    lastInteractionAt: null,
    nextDueAt: null,
    gives: 0,
    asks: 0,
    sortKey: '',
    searchNames: '',
    searchText: '',
    searchVector: null,
    importKey: null,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
