import type { Role } from '../../../shared/contracts/users';

/** The roles that keep a private network of contacts (advisors and admins are answered 403). */
export const NETWORK_ROLES: readonly Role[] = ['student', 'alumni'];

export function hasNetwork(role: Role): boolean {
  return NETWORK_ROLES.includes(role);
}

/** Where each role starts after signing in: the office, the agenda (advisors), or the network. */
export function landingFor(role: Role): string {
  if (role === 'admin') return '/office/users';
  if (role === 'advisor') return '/agenda';
  return hasNetwork(role) ? '/network' : '/account';
}

const PUBLIC_PAGES = ['/sign-in', '/register', '/forgot-password', '/reset-password'];

/** A `next` address from the URL, only when it is a page of this app (never another site). */
export function safeNext(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  const path = value.split(/[?#]/)[0] ?? '';
  if (PUBLIC_PAGES.includes(path)) return null;
  return value;
}

/** `/sign-in?next=/office/users`, keeping the way back after signing in. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

type NoticeState = { notice?: unknown };

/** A one-line message handed to the next page through history state ("You are signed out."). */
export function noticeFrom(state: unknown): string | null {
  const notice = (state as NoticeState | null)?.notice;
  return typeof notice === 'string' ? notice : null;
}
