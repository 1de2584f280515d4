import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { agendaCard, bodyOf, callApi, dateIn, setUpAdvisor, signedIn } from './advising-pages';
import { checkPage, createAccounts, expectPath, expectTitle, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url, type NewAccount, type Session } from './browser';

/**
 * The office's side of programs and of the audit of staff access (ADR 014): an admin adds a student with a
 * program, an advisor's agenda view is recorded, and the admin reads who looked at whose records, and when.
 */

const ADVISOR_ZONE = 'Europe/Berlin';
/** The admin reads times in their own zone, which is neither the advisor's nor the server's. */
const ADMIN_ZONE = 'America/New_York';
const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
const CODE = `E2E_AUDIT_${suffix}`;
const PROGRAM = 'BA Economics, class of 2027';

const advisor: NewAccount = { email: uniqueEmail('maya'), name: `Maya Castillo ${suffix}`, role: 'advisor', password: passphrase() };
/** Added through the "Add account" dialog in the first test, with a program. */
const student: NewAccount = { email: uniqueEmail('jonas'), name: `Jonas Becker ${suffix}`, role: 'student', password: passphrase() };
/** A student nobody on the staff has looked at. */
const quiet: NewAccount = { email: uniqueEmail('lena'), name: `Lena Quiet ${suffix}`, role: 'student', password: passphrase() };

let browser: Browser;
let admin: Session;


/** The focused element's text, for "the cursor went there" checks. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** The audit rows on the page, waiting until there are `count` and each names `name` (when given). */
async function waitForRows(page: Page, count: number | 'more', name?: string): Promise<void> {
  await page.waitForFunction(
    ({ count, name }) => {
      const rows = [...document.querySelectorAll('tbody tr')];
      const enough = count === 'more' ? rows.length > 25 : rows.length === count;
      return enough && (name === undefined || rows.every((row) => row.textContent?.includes(name)));
    },
    { count, name },
    { timeout: 15_000 },
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openSession(browser, { timezoneId: ADMIN_ZONE });
  await admin.page.goto(url('/sign-in'));
  await signIn(admin.page, inject('adminEmail'), inject('adminPassword'));
  await expectPath(admin.page, '/office/users');
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

// The tests build on each other: the student added in the first is the one whose records the second audits.
describe('the office: programs and the audit of staff access', () => {
  test('an admin adds a student with a program; the list shows it under the name and links to their trail', async () => {
    const { page } = admin;
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.waitFor();

    // Staff accounts are not asked for a program; students and alumni are.
    await expect.poll(() => dialog.getByLabel('Role').inputValue()).toBe('advisor');
    await expect.poll(() => dialog.getByLabel('Program (optional)').count()).toBe(0);
    await dialog.getByLabel('Role').selectOption('student');
    const program = dialog.getByLabel('Program (optional)');
    await dialog.getByLabel('Email').fill(student.email);
    await dialog.getByLabel('Name').fill(student.name);
    await dialog.getByLabel('Initial password', { exact: true }).fill(student.password);

    // Too long: the field says so, beside itself, before anything is sent.
    await program.fill(`${PROGRAM} `.repeat(5));
    await program.blur();
    await dialog.getByText('Use at most 120 characters; this has 139.').waitFor();
    await expect.poll(() => program.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await program.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '), describedBy);
    expect(description).toContain('Advisors see it next to their name');
    expect(description).toContain('Use at most 120 characters');
    await checkPage(page, 'add account: program too long');

    await program.fill(PROGRAM);
    await expect.poll(() => program.getAttribute('aria-invalid')).toBeNull();
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Added ${student.name} as student.`).waitFor();

    // The program sits under the name: no extra column.
    await page.getByLabel('Search by name or email').fill(student.email);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = page.getByRole('row', { name: new RegExp(student.name) });
    await expect.poll(() => row.getByText(PROGRAM, { exact: true }).isVisible()).toBe(true);
    await expect(page.locator('thead th').allTextContents()).resolves.not.toContain('Program');
    const trail = row.getByRole('link', { name: `Audit trail of ${student.name}` });
    await expect.poll(() => trail.getAttribute('href')).toMatch(/^\/office\/audit\?studentId=[0-9a-f-]{36}$/);
    await checkPage(page, 'users: a student with a program');

    // Staff rows have no trail of their own to show.
    await page.getByLabel('Search by name or email').fill(inject('adminEmail'));
    await page.getByRole('row', { name: /\(you\)/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /\(you\)/ }).getByRole('link').count()).toBe(0);
  });

  test('an advisor’s agenda view is recorded; the admin reads it newest first, pages, and narrows it to the student', async () => {
    // Set-up through the API, as the pages would: an advisor offering a reason, and a booking with them.
    await createAccounts(admin.page, [advisor, quiet]);
    const code = { code: CODE, label: `Audit check ${suffix}`, description: 'A reason made for the browser tests.', defaultMinutes: 30, allowedMinutes: [30], audience: ['student', 'alumni'], modes: ['in_person'] };
    bodyOf(await callApi(admin.page, 'POST', '/api/v1/admin/reason-codes', code), 201);
    const maya = await signedIn(browser, advisor, '/agenda', ADVISOR_ZONE);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));
    await setUpAdvisor(maya.page, { timezone: ADVISOR_ZONE, weekly, minimumNoticeMinutes: 60, horizonDays: 14, codes: [CODE] });

    const jonas = await signedIn(browser, student, '/network', 'UTC');
    const slots = bodyOf<{ items: { advisorId: string; start: string }[] }>(await callApi(jonas.page, 'GET', `/api/v1/slots?reasonCode=${CODE}&limit=1`), 200);
    const slot = slots.items[0];
    if (!slot) throw new Error('Maya has no open time for the audit check');
    const booking = { advisorId: slot.advisorId, reasonCode: CODE, start: slot.start, mode: 'in_person', note: '' };
    const booked = bodyOf<{ appointment: { start: string } }>(await callApi(jonas.page, 'POST', '/api/v1/appointments', booking, { 'idempotency-key': crypto.randomUUID() }), 201);
    // A student's own look at their appointments is not staff access.
    bodyOf(await callApi(jonas.page, 'GET', '/api/v1/appointments'), 200);
    await jonas.close();

    // The advisor opens the agenda on that day: Jonas is on it, and that is a look at his records.
    const day = dateIn(booked.appointment.start, ADVISOR_ZONE);
    const card = await agendaCard(maya.page, day, student.name);
    await card.waitFor();
    // …and comes back to that day often enough (as the page asks) for the trail to need a second page.
    for (let view = 0; view < 25; view += 1) bodyOf(await callApi(maya.page, 'GET', `/api/v1/advisors/me/agenda?date=${day}`), 200);
    // The audit is the office's: an advisor has no such page.
    await maya.page.goto(url('/office/audit'));
    await maya.page.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
    await maya.close();

    const { page } = admin;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Users', 'Reason codes', 'Policy', 'Outbox', 'Audit', 'Account']);
    await nav.getByRole('link', { name: 'Audit' }).click();
    await expectPath(page, '/office/audit');
    await expectTitle(page, 'Audit · Rapport');
    await page.getByText(`Newest first, in your time zone (${ADMIN_ZONE}).`).waitFor();

    // Who (and as what), what in words, whose records, when in the reader's zone.
    const rows = page.locator('tbody tr');
    const latest = rows.filter({ hasText: student.name }).first();
    await latest.waitFor();
    await expect.poll(() => latest.textContent()).toContain(advisor.name);
    await expect.poll(() => latest.getByText('Advisor', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => latest.getByText('Saw them on the agenda', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('main').textContent()).not.toMatch(/agenda_viewed|appointment_viewed/);
    const time = latest.locator('time');
    const at = (await time.getAttribute('datetime')) ?? '';
    const inAdminZone = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: ADMIN_ZONE }).format(new Date(at));
    await expect.poll(() => time.textContent()).toBe(inAdminZone);
    // Newest first, a page at a time.
    await waitForRows(page, 25);
    const stamps = await rows.locator('time').evaluateAll((elements) => elements.map((element) => Date.parse(element.getAttribute('datetime') ?? '')));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    await page.getByRole('status').filter({ hasText: 'Showing 25 entries, newest first; there are more.' }).waitFor();
    await checkPage(page, 'audit');

    // Narrowed to one student, chosen by part of the email: the match shows the program to tell namesakes apart.
    const search = page.getByLabel('Show one student’s trail');
    await search.fill(student.email.split('@')[0] ?? student.email);
    const match = page.getByRole('list', { name: 'Matching students and alumni' }).getByRole('button', { name: new RegExp(student.name) });
    await match.waitFor();
    await expect.poll(() => match.textContent()).toContain(PROGRAM);
    await checkPage(page, 'audit: choosing a student');
    await match.click();
    await page.waitForURL((address) => address.searchParams.get('studentId') !== null);
    await expect.poll(() => search.inputValue()).toBe('');
    await page.getByText(`Showing only ${student.name}’s records.`).waitFor();
    await expect(focusedText(page)).resolves.toBe(`Showing only ${student.name}’s records.`);
    await waitForRows(page, 25, student.name);
    await page.getByRole('status').filter({ hasText: 'Showing 25 entries, newest first; there are more.' }).waitFor();
    await page.getByRole('button', { name: 'Show more' }).click();
    await waitForRows(page, 'more', student.name);
    await expect.poll(() => page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // His name is plain text here, not a link back to the page already shown.
    await expect.poll(() => rows.first().getByRole('link').count()).toBe(0);
    await checkPage(page, 'audit: one student');
    const studentId = new URL(page.url()).searchParams.get('studentId');

    // Back to everyone: the cursor goes to the search box.
    await page.getByRole('button', { name: 'Show all students' }).click();
    await page.waitForURL((address) => !address.searchParams.has('studentId'));
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    // A name in the list narrows to that student too.
    await rows.filter({ hasText: student.name }).first().getByRole('link', { name: `${student.name} (show only their entries)` }).click();
    await page.waitForURL((address) => address.searchParams.get('studentId') === studentId);
    await page.getByText(`Showing only ${student.name}’s records.`).waitFor();
  }, 120_000);

  // Uses the student the test above added but no one opened.
  test('from Users, a student nobody has looked at has an empty trail that says what gets recorded', async () => {
    const { page } = admin;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expectPath(page, '/office/users');
    await page.getByLabel('Search by name or email').fill(quiet.email);
    const row = page.getByRole('row', { name: new RegExp(quiet.name) });
    await row.waitFor();
    await row.getByRole('link', { name: `Audit trail of ${quiet.name}` }).click();
    await expectPath(page, '/office/audit');
    await page.getByText(`Nothing recorded for ${quiet.name} yet`).waitFor();
    await page.getByText('Students looking at their own appointments are not recorded.').waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
    await checkPage(page, 'audit: an empty trail');

    // The trail of the student the advisor saw, from the same place, names him at once.
    await page.goBack();
    await expectPath(page, '/office/users');
    await page.getByLabel('Search by name or email').fill(student.email);
    await page.getByRole('row', { name: new RegExp(student.name) }).getByRole('link', { name: `Audit trail of ${student.name}` }).click();
    await expectPath(page, '/office/audit');
    await page.getByText(`Showing only ${student.name}’s records.`).waitFor();
    await waitForRows(page, 25, student.name);

    // An address that names no student says so and shows everyone.
    await page.goto(url('/office/audit?studentId=not-a-student'));
    await page.getByText('That link does not name a student').waitFor();
    await waitForRows(page, 25);
    await checkPage(page, 'audit: a bad link');
  });
});
