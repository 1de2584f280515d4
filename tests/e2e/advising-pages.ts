import type { Browser, Page } from 'playwright-core';
import { expectPath, openSession, signIn, url, type Session } from './browser';

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

/** Opens the advisor's agenda on a date (day view) and answers the card of this student, if any. */
export async function agendaCard(page: Page, date: string, studentName: string, showCancelled = false) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
  await expectPath(page, '/agenda');
  await page.getByLabel('Date', { exact: true }).fill(date);
  const box = page.getByLabel('Show cancelled');
  if ((await box.isChecked()) !== showCancelled) await box.setChecked(showCancelled);
  await page.locator(`[data-agenda-for="${date}|day|${String(showCancelled)}"]`).waitFor({ state: 'attached' });
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
