import type { Role } from '../../../shared/contracts/users';

/** Where each role starts after signing in. */
export function landingFor(role: Role): string {
  return role === 'admin' ? '/office/users' : '/account';
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
