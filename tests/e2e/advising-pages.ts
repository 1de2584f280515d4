import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectPath, onSlowCpu, openSession, signIn, url, type Session } from './browser';

/** A browser profile in a time zone, signed in and on its landing page. */
export async function signedIn(browser: Browser, account: { email: string; password: string }, landing: string, timezoneId: string): Promise<Session> {
  const session = await openSession(browser, { timezoneId });
  await session.page.goto(url('/sign-in'));
  await signIn(session.page, account.email, account.password);
  await expectPath(session.page, landing);
  return session;
}

/** The calendar date of an instant in a zone, as the agenda's date field takes it. */
export function dateIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/**
 * Opens the advisor's agenda on a date (day view, by its address, as a link from an email does) and answers the
 * card of this student, if any; "Show cancelled" is set with its checkbox.
 */
export async function agendaCard(page: Page, date: string, studentName: string, showCancelled = false) {
  await page.goto(url(`/agenda?date=${date}`));
  const shown = (cancelled: boolean) => page.locator(`[data-agenda-for="${date}|day|${String(cancelled)}"]`).waitFor({ state: 'attached' });
  await shown(false);
  if (showCancelled) {
    // On a CPU slowed twentyfold (a busy old phone), the box must still show the click at once: setChecked fails if
    // the box is unchecked right after the click (a router transition had React put it back until it landed).
    await onSlowCpu(page, () => page.getByLabel('Show cancelled').setChecked(true));
    await shown(true);
  }
  return page.locator('li.appt-card').filter({ hasText: studentName });
}

export type ApiAnswer = { status: number; body: unknown };

/** One API call from the page (its session cookie), as the web client makes it; answers the status and the JSON body. */
export function callApi(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  return page.evaluate(
    async (request) => {
      const response = await fetch(request.path, {
        method: request.method,
        headers: request.method === 'GET' ? request.headers : { ...request.headers, 'content-type': 'application/json' },
        body: request.method === 'GET' ? undefined : JSON.stringify(request.body ?? {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body, headers },
  );
}

/** The wall-clock date and minute of an instant in a zone: { date: '2026-12-01', time: '14:05' }. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The answer's body once its status is the one expected (the body is in the failure message otherwise). */
export function bodyOf<T>(answer: ApiAnswer, status: number): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as T;
}

/** A field shows its error in the accessible way: aria-invalid, and the message in its description. */
export async function expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
  // Server answers arrive a moment after the click.
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  await expect
    .poll(() => field.page().evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy))
    .toMatch(message);
}

/** An advisor's set-up as the Availability page saves it: weekly hours, booking rules and the reasons offered. */
export async function setUpAdvisor(
  page: Page,
  setup: { timezone: string; weekly: { weekday: number; start: string; end: string }[]; minimumNoticeMinutes: number; horizonDays: number; codes: string[] },
): Promise<void> {
  const { timezone, weekly, minimumNoticeMinutes, horizonDays, codes } = setup;
  bodyOf(await callApi(page, 'PUT', '/api/v1/advisors/me/availability', { timezone, weekly }), 200);
  bodyOf(await callApi(page, 'PUT', '/api/v1/advisors/me/settings', { timezone, bufferMinutes: 0, minimumNoticeMinutes, horizonDays }), 200);
  bodyOf(await callApi(page, 'PUT', '/api/v1/advisors/me/reason-codes', { codes }), 200);
}
