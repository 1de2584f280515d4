import { ROLES, type Role } from '../shared/contracts/users';

/**
 * Who may call each route: the allow-list of SECURITY.md authz-roles (ASVS 8.2.1, 8.3.1). Deny by default:
 * the app refuses to start when an API route is missing here, and the role × route test walks this table.
 */
export type Access = 'public' | readonly Role[];

const everyone = ROLES;
const admin = ['admin'] as const;
// A private network belongs to students, and to alumni who network for a career change (DESIGN.md roles).
const networkers = ['student', 'alumni'] as const;
// Advising appointments (issue 4): students and alumni book (ALUMNI_CAREER_CHANGE is for alumni); an advisor
// books for a student only through their own route and only when the office allows it; advisors manage their
// own hours and agenda; staff lift a no-show block.
const bookers = ['student', 'alumni'] as const;
const advisor = ['advisor'] as const;
const staff = ['advisor', 'admin'] as const;

export const ROUTE_ACCESS = {
  'GET /healthz': 'public',
  'GET /livez': 'public',
  'GET /api/docs': 'public',
  'POST /api/v1/auth/register': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'POST /api/v1/auth/password-reset/request': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'GET /api/v1/me': everyone,
  'PATCH /api/v1/me': everyone,
  'POST /api/v1/me/password': everyone,
  'POST /api/v1/me/sessions/revoke-others': everyone,
  'GET /api/v1/admin/users': admin,
  'POST /api/v1/admin/users': admin,
  'POST /api/v1/admin/users/:id/disable': admin,
  'POST /api/v1/admin/users/:id/enable': admin,
  'GET /api/v1/admin/outbox': admin,
  'POST /api/v1/admin/outbox/:id/retry': admin,
  'GET /api/v1/contacts': networkers,
  'POST /api/v1/contacts': networkers,
  'GET /api/v1/contacts/summary': networkers,
  'POST /api/v1/contacts/bulk': networkers,
  'GET /api/v1/contacts/:id': networkers,
  'PATCH /api/v1/contacts/:id': networkers,
  'DELETE /api/v1/contacts/:id': networkers,
  'GET /api/v1/contacts/:id/interactions': networkers,
  'POST /api/v1/contacts/:id/interactions': networkers,
  'DELETE /api/v1/contacts/:id/interactions/:interactionId': networkers,
  'GET /api/v1/contacts/:id/ledger': networkers,
  'POST /api/v1/contacts/:id/ledger': networkers,
  'DELETE /api/v1/contacts/:id/ledger/:entryId': networkers,
  'GET /api/v1/contacts/duplicates': networkers,
  'POST /api/v1/contacts/:id/merge': networkers,
  'GET /api/v1/exports/contacts': networkers,
  'GET /api/v1/reminders': networkers,
  'POST /api/v1/imports': networkers,
  'GET /api/v1/reason-codes': everyone,
  'GET /api/v1/slots': everyone,
  'GET /api/v1/appointments': bookers,
  'POST /api/v1/appointments': bookers,
  'GET /api/v1/appointments/standing': bookers,
  'GET /api/v1/appointments/:id': bookers,
  'GET /api/v1/appointments/:id/ics': bookers,
  'POST /api/v1/appointments/:id/cancel': bookers,
  'POST /api/v1/appointments/:id/reschedule': bookers,
  'PUT /api/v1/appointments/:id/document': bookers,
  'GET /api/v1/appointments/:id/document': bookers,
  // Files for APPT-02: uploaded by whoever books, attached to their own appointments.
  'POST /api/v1/documents': bookers,
  'GET /api/v1/advisors/me/availability': advisor,
  'PUT /api/v1/advisors/me/availability': advisor,
  'GET /api/v1/advisors/me/settings': advisor,
  'PUT /api/v1/advisors/me/settings': advisor,
  'GET /api/v1/advisors/me/exceptions': advisor,
  'POST /api/v1/advisors/me/exceptions': advisor,
  'DELETE /api/v1/advisors/me/exceptions/:id': advisor,
  'GET /api/v1/advisors/me/reason-codes': advisor,
  'PUT /api/v1/advisors/me/reason-codes': advisor,
  'GET /api/v1/advisors/me/agenda': advisor,
  // An advisor books for a student only when the office policy allows it (403 ADVISOR_BOOKING_DISABLED otherwise).
  'POST /api/v1/advisors/me/appointments': advisor,
  'GET /api/v1/advisors/me/appointments/:id': advisor,
  'GET /api/v1/advisors/me/appointments/:id/document': advisor,
  'POST /api/v1/advisors/me/appointments/:id/attendance': advisor,
  'PUT /api/v1/advisors/me/appointments/:id/notes': advisor,
  'POST /api/v1/advisors/me/appointments/:id/cancel': advisor,
  'POST /api/v1/advisors/me/calendar-feed': advisor,
  'DELETE /api/v1/advisors/me/calendar-feed': advisor,
  // The secret token in the URL is the credential: calendar apps send no cookie.
  'GET /api/v1/calendar-feeds/:token': 'public',
  'POST /api/v1/students/:id/no-show-clearance': staff,
  'GET /api/v1/admin/reason-codes': admin,
  'POST /api/v1/admin/reason-codes': admin,
  'GET /api/v1/admin/reason-codes/:code': admin,
  'PATCH /api/v1/admin/reason-codes/:code': admin,
  'DELETE /api/v1/admin/reason-codes/:code': admin,
  'PUT /api/v1/admin/reason-codes/:code/advisors': admin,
  'GET /api/v1/admin/office-policy': admin,
  'PUT /api/v1/admin/office-policy': admin,
  'GET /api/v1/admin/audit': admin,
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof ROUTE_ACCESS;

/** Routes outside the API (the web app's files) are public and need no entry. */
export function isGuardedPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url === '/healthz' || url === '/livez';
}

export function accessFor(method: string, url: string): Access | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return (ROUTE_ACCESS as Record<string, Access>)[key];
}
