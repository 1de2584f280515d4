import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../src/server/config';
import { users } from '../src/server/db/schema/index';
import { hashPassword } from '../src/server/modules/auth/password-hasher';
import type { ContactRow } from '../src/server/modules/contacts/contacts.repo';
import type { Role } from '../src/shared/contracts/users';
import { as, sessionCookieFrom } from './setup/test-app';

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
  overrides: { role?: Role; email?: string; name?: string; password?: string; program?: string } = {},
): Promise<SignedInUser> {
  const role = overrides.role ?? 'student';
  const email = overrides.email ?? uniqueEmail(role);
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const name = overrides.name ?? `Test ${role}`;
  const user = await app.services.auth.createUser({ email, name, password, role, program: overrides.program ?? null });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return { id: user.id, email, name, role, password, cookie: sessionCookieFrom(login) };
}

/**
 * Many signed-in accounts at once for load tests: one password hash, one multi-row insert, and a session each
 * through the real auth service (logging 200 people in one by one would spend seconds hashing).
 */
export async function signedInUsers(t: { app: FastifyInstance; config: Config }, count: number, role: Role = 'student'): Promise<SignedInUser[]> {
  const passwordHash = await hashPassword(DEFAULT_PASSWORD);
  const now = t.app.services.clock.now();
  const rows = await t.app.services.db
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ email: uniqueEmail(role), name: `Test ${role} ${i + 1}`, role, passwordHash, createdAt: now, updatedAt: now })))
    .returning();
  const out: SignedInUser[] = [];
  for (const row of rows) {
    const token = await t.app.services.auth.startSession(row.id, null);
    out.push({ id: row.id, email: row.email, name: row.name, role, password: DEFAULT_PASSWORD, cookie: `${t.config.session.cookieName}=${token}` });
  }
  return out;
}

export type WeeklyHours = { weekday: number; start: string; end: string };
/** Monday to Friday, 09:00–17:00. */
export const OFFICE_HOURS: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/**
 * An advisor who is ready to be booked, set up through the real routes: zone and weekly hours, settings
 * (no notice and no buffer unless given) and the reason codes offered (Part-Time Job Search by default).
 */
export async function bookableAdvisor(
  app: FastifyInstance,
  options: {
    name?: string;
    timezone?: string;
    weekly?: WeeklyHours[];
    codes?: string[];
    bufferMinutes?: number;
    minimumNoticeMinutes?: number;
    horizonDays?: number;
  } = {},
): Promise<SignedInUser> {
  const advisor = await signedInUser(app, { role: 'advisor', name: options.name ?? 'Maya Castillo' });
  const asAdvisor = as(app, advisor.cookie);
  const timezone = options.timezone ?? 'America/New_York';
  const steps = [
    { method: 'PUT' as const, url: '/api/v1/advisors/me/availability', payload: { timezone, weekly: options.weekly ?? OFFICE_HOURS } },
    {
      method: 'PUT' as const,
      url: '/api/v1/advisors/me/settings',
      payload: {
        timezone,
        bufferMinutes: options.bufferMinutes ?? 0,
        minimumNoticeMinutes: options.minimumNoticeMinutes ?? 0,
        horizonDays: options.horizonDays ?? 365,
      },
    },
    { method: 'PUT' as const, url: '/api/v1/advisors/me/reason-codes', payload: { codes: options.codes ?? ['PART_TIME_JOB_SEARCH'] } },
  ];
  for (const step of steps) {
    const response = await asAdvisor(step);
    if (response.statusCode !== 200) throw new Error(`${step.method} ${step.url} failed: ${response.statusCode} ${response.body}`);
  }
  return advisor;
}

/** Small files of each document type whose bytes match it (APPT-02 uploads). */
export const DOCUMENT_FIXTURES = {
  'application/pdf': Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]),
  'application/msword': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(60, 2)]),
  'application/vnd.oasis.opendocument.text': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]),
  'text/plain': Buffer.from('Aisha Bello — résumé\nExperience: barista, 2 years\n', 'utf8'),
} as const;

/** Uploads a document as the user through POST /api/v1/documents; returns the response (201 {document} when it worked). */
export function uploadDocument(
  app: FastifyInstance,
  user: SignedInUser,
  options: { type?: keyof typeof DOCUMENT_FIXTURES | string; filename?: string; body?: Buffer; disposition?: string | null } = {},
) {
  const type = options.type ?? 'application/pdf';
  const body = options.body ?? DOCUMENT_FIXTURES[type as keyof typeof DOCUMENT_FIXTURES] ?? Buffer.from('x');
  const disposition = options.disposition === undefined ? `attachment; filename="${options.filename ?? 'resume.pdf'}"` : options.disposition;
  return as(app, user.cookie)({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { 'content-type': type, ...(disposition === null ? {} : { 'content-disposition': disposition }) },
    payload: body,
  });
}

/** Uploads a document and returns its id (throws when the upload is refused). */
export async function uploadedDocumentId(app: FastifyInstance, user: SignedInUser, options: Parameters<typeof uploadDocument>[2] = {}): Promise<string> {
  const response = await uploadDocument(app, user, options);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json().document.id;
}

/** Saves the office policy through the admin route: the handbook defaults, a spring term 2026 in New York, and the overrides. */
export async function saveOfficePolicy(app: FastifyInstance, admin: SignedInUser, overrides: Record<string, unknown> = {}): Promise<void> {
  const base = {
    timezone: 'America/New_York',
    cancellationCutoff: '24h',
    documentLeadHours: 24,
    noShowAfterMinutes: 10,
    noShowLadder: { notice: 1, warning: 2, blocked: 3 },
    termCap: null,
    terms: [{ name: 'Spring 2026', startsOn: '2026-01-12', endsOn: '2026-05-08' }],
    holidays: [],
  };
  const response = await as(app, admin.cookie)({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: { ...base, ...overrides } });
  if (response.statusCode !== 200) throw new Error(`office policy: ${response.statusCode} ${response.body}`);
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
