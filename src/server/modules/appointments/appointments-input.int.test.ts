import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../access';
import { bookableAdvisor, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';

/**
 * Every advising route that takes input answers malformed input with 400 VALIDATION_FAILED (never 500), for a
 * role that may call it. The list must name every such route: a new one fails the coverage check below.
 */

let t: TestApp;
const users = {} as Record<'student' | 'advisor' | 'admin', SignedInUser>;
const ID = '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11';

beforeAll(async () => {
  t = await createTestApp();
  users.student = await signedInUser(t.app);
  users.advisor = await bookableAdvisor(t.app);
  users.admin = await signedInUser(t.app, { role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

type Case = { route: string; as: keyof typeof users | null; url: string; payload?: unknown; headers?: Record<string, string> };

const CASES: Case[] = [
  { route: 'GET /api/v1/slots', as: 'student', url: '/api/v1/slots?reasonCode=part_time' },
  { route: 'GET /api/v1/appointments', as: 'student', url: '/api/v1/appointments?limit=0' },
  { route: 'POST /api/v1/appointments', as: 'student', url: '/api/v1/appointments', payload: {} },
  { route: 'GET /api/v1/appointments/:id', as: 'student', url: '/api/v1/appointments/not-an-id' },
  { route: 'GET /api/v1/appointments/:id/ics', as: 'student', url: '/api/v1/appointments/not-an-id/ics' },
  { route: 'POST /api/v1/appointments/:id/cancel', as: 'student', url: '/api/v1/appointments/not-an-id/cancel', payload: {} },
  { route: 'POST /api/v1/appointments/:id/reschedule', as: 'student', url: `/api/v1/appointments/${ID}/reschedule`, payload: { start: 'soon' } },
  { route: 'PUT /api/v1/appointments/:id/document', as: 'student', url: `/api/v1/appointments/${ID}/document`, payload: {} },
  { route: 'GET /api/v1/appointments/:id/document', as: 'student', url: '/api/v1/appointments/not-an-id/document' },
  { route: 'POST /api/v1/documents', as: 'student', url: '/api/v1/documents', headers: { 'content-type': 'application/pdf' }, payload: '%PDF-1.7 no name given' },
  { route: 'PUT /api/v1/advisors/me/availability', as: 'advisor', url: '/api/v1/advisors/me/availability', payload: { timezone: 'Europe/Berlin' } },
  { route: 'PUT /api/v1/advisors/me/settings', as: 'advisor', url: '/api/v1/advisors/me/settings', payload: {} },
  { route: 'GET /api/v1/advisors/me/exceptions', as: 'advisor', url: '/api/v1/advisors/me/exceptions?from=monday' },
  { route: 'POST /api/v1/advisors/me/exceptions', as: 'advisor', url: '/api/v1/advisors/me/exceptions', payload: { kind: 'day_off' } },
  { route: 'DELETE /api/v1/advisors/me/exceptions/:id', as: 'advisor', url: '/api/v1/advisors/me/exceptions/not-an-id' },
  { route: 'PUT /api/v1/advisors/me/reason-codes', as: 'advisor', url: '/api/v1/advisors/me/reason-codes', payload: { codes: 'ALL' } },
  { route: 'GET /api/v1/advisors/me/agenda', as: 'advisor', url: '/api/v1/advisors/me/agenda?view=month' },
  { route: 'POST /api/v1/advisors/me/appointments', as: 'advisor', url: '/api/v1/advisors/me/appointments', payload: { studentEmail: 'not-an-email', reasonCode: 'PART_TIME_JOB_SEARCH' } },
  { route: 'GET /api/v1/advisors/me/appointments/:id', as: 'advisor', url: '/api/v1/advisors/me/appointments/not-an-id' },
  { route: 'GET /api/v1/advisors/me/appointments/:id/document', as: 'advisor', url: '/api/v1/advisors/me/appointments/not-an-id/document' },
  { route: 'POST /api/v1/advisors/me/appointments/:id/attendance', as: 'advisor', url: `/api/v1/advisors/me/appointments/${ID}/attendance`, payload: {} },
  { route: 'PUT /api/v1/advisors/me/appointments/:id/notes', as: 'advisor', url: `/api/v1/advisors/me/appointments/${ID}/notes`, payload: {} },
  { route: 'POST /api/v1/advisors/me/appointments/:id/cancel', as: 'advisor', url: `/api/v1/advisors/me/appointments/${ID}/cancel`, payload: { why: 'x' } },
  { route: 'POST /api/v1/advisors/me/calendar-feed', as: 'advisor', url: '/api/v1/advisors/me/calendar-feed', payload: { token: 'mine' } },
  { route: 'DELETE /api/v1/advisors/me/calendar-feed', as: 'advisor', url: '/api/v1/advisors/me/calendar-feed', payload: { all: true } },
  { route: 'GET /api/v1/calendar-feeds/:token', as: null, url: `/api/v1/calendar-feeds/${'x'.repeat(150)}` },
  { route: 'POST /api/v1/students/:id/no-show-clearance', as: 'advisor', url: '/api/v1/students/not-an-id/no-show-clearance', payload: {} },
  { route: 'POST /api/v1/admin/reason-codes', as: 'admin', url: '/api/v1/admin/reason-codes', payload: {} },
  { route: 'GET /api/v1/admin/reason-codes/:code', as: 'admin', url: '/api/v1/admin/reason-codes/bad-code' },
  { route: 'PATCH /api/v1/admin/reason-codes/:code', as: 'admin', url: '/api/v1/admin/reason-codes/PART_TIME_JOB_SEARCH', payload: { label: 5 } },
  { route: 'DELETE /api/v1/admin/reason-codes/:code', as: 'admin', url: '/api/v1/admin/reason-codes/bad-code' },
  { route: 'PUT /api/v1/admin/reason-codes/:code/advisors', as: 'admin', url: '/api/v1/admin/reason-codes/PART_TIME_JOB_SEARCH/advisors', payload: {} },
  { route: 'PUT /api/v1/admin/office-policy', as: 'admin', url: '/api/v1/admin/office-policy', payload: { termCap: 3 } },
  { route: 'GET /api/v1/admin/audit', as: 'admin', url: '/api/v1/admin/audit?studentId=someone' },
];

// Routes of the advising families that take no input at all.
const WITHOUT_INPUT = new Set([
  'GET /api/v1/reason-codes',
  'GET /api/v1/appointments/standing',
  'GET /api/v1/advisors/me/availability',
  'GET /api/v1/advisors/me/settings',
  'GET /api/v1/advisors/me/reason-codes',
  'GET /api/v1/admin/reason-codes',
  'GET /api/v1/admin/office-policy',
]);
const FAMILIES = [
  '/api/v1/reason-codes',
  '/api/v1/slots',
  '/api/v1/appointments',
  '/api/v1/advisors/',
  '/api/v1/calendar-feeds',
  '/api/v1/students/',
  '/api/v1/admin/reason-codes',
  '/api/v1/admin/office-policy',
  '/api/v1/documents',
  '/api/v1/admin/audit',
];

describe('advising routes: malformed input → 400, never 500', () => {
  it('the table covers every advising route that takes input', () => {
    const advising = Object.keys(ROUTE_ACCESS).filter((key) => FAMILIES.some((prefix) => key.split(' ')[1]?.startsWith(prefix)));
    expect(advising.filter((key) => !WITHOUT_INPUT.has(key)).sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  for (const c of CASES) {
    it(`${c.route} → 400`, async () => {
      const [method = 'GET'] = c.route.split(' ');
      const response = await as(t.app, c.as ? users[c.as].cookie : undefined)({
        method: method as 'GET',
        url: c.url,
        ...(c.headers ? { headers: c.headers } : {}),
        ...(c.payload === undefined ? {} : { payload: c.payload as object }),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    });
  }
});
