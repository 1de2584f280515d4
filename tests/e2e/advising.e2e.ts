import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dayParts, formatWeekRange, weekStart } from '../../src/web/features/appointments/week';
import { addDays } from '../../src/web/features/appointments/zoned-time';
import { agendaCard, bodyOf, callApi, dateIn, expectFieldError, setUpAdvisor, signedIn, wallClock } from './advising-pages';
import { checkPage, createAccounts, expectPath, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url, type NewAccount, type Session } from './browser';

/**
 * The advisor's and the office's side of appointments, and the student's week view: forms that check as the
 * server does, the calendar subscription, cancelling for a student, and lifting a no-show block (APPT-05).
 */

const ADVISOR_ZONE = 'Europe/Berlin';
const STUDENT_ZONE = 'America/New_York';
/** The first open time is two weeks and a day out: the week view must skip the empty weeks before it. */
const NOTICE_HOURS = 15 * 24;

const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
const WEEK_CODE = `E2E_WEEK_${suffix}`;
const WEEK_LABEL = `Week view check ${suffix}`;
const NOSHOW_CODE = `E2E_NOSHOW_${suffix}`;

const advisor: NewAccount = { email: uniqueEmail('ines'), name: `Ines Weekly ${suffix}`, role: 'advisor', password: passphrase() };
const noShowAdvisor: NewAccount = { email: uniqueEmail('omar'), name: `Omar Dropin ${suffix}`, role: 'advisor', password: passphrase() };
const student: NewAccount = { email: uniqueEmail('kofi'), name: `Kofi Mensah ${suffix}`, role: 'student', password: passphrase() };

let browser: Browser;
let admin: Session;
/** The appointment booked with Omar that starts a minute or two after the setup, to be marked a no-show. */
let noShowStart = '';
/** Omar's zone: UTC, or Tokyo when UTC is too close to midnight for a half hour on one date. */
let noShowZone = 'UTC';
/** The appointment the student books with Ines through the week view, which Ines then cancels. */
let bookedStart = '';


/** The focused element's id, for "the cursor went there" checks. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** A field shows its error in the accessible way: aria-invalid, and the message in its description. */
type OutboxMail = { to: string; subject: string; text: string };

/** The newest mails in the office outbox, as an admin reads them. */
async function outbox(): Promise<OutboxMail[]> {
  return bodyOf<{ items: OutboxMail[] }>(await callApi(admin.page, 'GET', '/api/v1/admin/outbox?limit=50'), 200).items;
}

/** The address after `label:` in the mail to `to` with this subject. */
function mailLink(mails: readonly OutboxMail[], to: string, subject: string, label: string): string {
  const mail = mails.find((item) => item.to === to && item.subject === subject);
  const link = new RegExp(`${label}: (\\S+)`).exec(mail?.text ?? '')?.[1];
  if (!link) throw new Error(`no “${label}” link in the mail “${subject}” to ${to}`);
  return link;
}


beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openSession(browser);
  await admin.page.goto(url('/sign-in'));
  await signIn(admin.page, inject('adminEmail'), inject('adminPassword'));
  await expectPath(admin.page, '/office/users');
  await createAccounts(admin.page, [advisor, noShowAdvisor, student]);
  const code = { description: 'A reason made for the browser tests.', defaultMinutes: 30, allowedMinutes: [30], audience: ['student', 'alumni'] };
  bodyOf(await callApi(admin.page, 'POST', '/api/v1/admin/reason-codes', { ...code, code: WEEK_CODE, label: WEEK_LABEL, modes: ['in_person', 'video'], needsDocument: 'resume' }), 201);
  bodyOf(await callApi(admin.page, 'POST', '/api/v1/admin/reason-codes', { ...code, code: NOSHOW_CODE, label: `No-show check ${suffix}`, modes: ['in_person'] }), 201);

  // Omar takes drop-ins: extra hours that begin a minute or two from now, so an appointment starts during this file.
  const omar = await signedIn(browser, noShowAdvisor, '/agenda', 'UTC');
  const soon = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
  // Far from midnight in one of these zones, so the half hour stays on one date.
  noShowZone = soon.getUTCHours() < 22 ? 'UTC' : 'Asia/Tokyo';
  const zone = noShowZone;
  const start = wallClock(soon, zone);
  const end = wallClock(new Date(soon.getTime() + 30 * 60_000), zone);
  await setUpAdvisor(omar.page, { timezone: zone, weekly: [], minimumNoticeMinutes: 0, horizonDays: 30, codes: [NOSHOW_CODE] });
  bodyOf(await callApi(omar.page, 'POST', '/api/v1/advisors/me/exceptions', { kind: 'extra_hours', date: start.date, start: start.time, end: end.time, note: '' }), 201);
  await omar.close();

  const kofi = await signedIn(browser, student, '/network', STUDENT_ZONE);
  const slots = bodyOf<{ items: { advisorId: string; start: string }[] }>(await callApi(kofi.page, 'GET', `/api/v1/slots?reasonCode=${NOSHOW_CODE}&limit=1`), 200);
  const slot = slots.items[0];
  if (!slot) throw new Error('Omar has no open time for the no-show check');
  const booked = await callApi(kofi.page, 'POST', '/api/v1/appointments', { advisorId: slot.advisorId, reasonCode: NOSHOW_CODE, start: slot.start, mode: 'in_person', note: '' }, { 'idempotency-key': crypto.randomUUID() });
  noShowStart = bodyOf<{ appointment: { start: string } }>(booked, 201).appointment.start;
  await kofi.close();
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

describe('advising: the advisor, the office and the week view', () => {
  test('availability forms check as the server does, and the calendar subscription is made, replaced and turned off', async () => {
    const ines = await signedIn(browser, advisor, '/agenda', ADVISOR_ZONE);
    const page = ines.page;
    await ines.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('') });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Availability' }).click();
    await expectPath(page, '/availability');
    const weekly = page.getByRole('form', { name: 'Weekly hours' });
    await weekly.getByLabel('Time zone').waitFor();

    // Two mistakes: the summary takes the cursor and lists both; each field says what is wrong.
    await weekly.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await weekly.getByRole('button', { name: 'Add hours' }).click();
    const first = weekly.getByRole('group', { name: 'Hours 1', exact: true });
    await expect.poll(() => first.getByLabel('Day').evaluate((element) => element === document.activeElement)).toBe(true);
    await first.getByLabel('From').fill('10:00');
    await first.getByLabel('Until').fill('09:00');
    await weekly.getByRole('button', { name: 'Save weekly hours' }).click();
    const summary = weekly.getByRole('group', { name: '2 things to fix' });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectFieldError(weekly.getByLabel('Time zone'), 'Use an IANA time zone such as Europe/Berlin or America/New_York.');
    await expectFieldError(first.getByLabel('Until'), 'The end must be after the start');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Time zone: Use an IANA time zone such as Europe/Berlin or America/New_York.',
      'Hours 1, Until: The end must be after the start (a range across midnight is two rules).',
    ]);
    await checkPage(page, 'availability: two problems');
    // A link in the summary takes the cursor to its field.
    await summary.getByRole('link', { name: /^Hours 1, Until/ }).click();
    await expect.poll(() => first.getByLabel('Until').evaluate((element) => element === document.activeElement)).toBe(true);
    // Fixing a field clears its line at once; the summary follows.
    await first.getByLabel('Until').fill('12:00');
    await expect.poll(() => first.getByLabel('Until').getAttribute('aria-invalid')).toBeNull();
    await weekly.getByRole('group', { name: 'One thing to fix' }).waitFor();
    // This device's zone is one tap away.
    await weekly.getByRole('button', { name: `Use this device’s zone (${ADVISOR_ZONE})` }).click();
    await expect.poll(() => weekly.getByLabel('Time zone').inputValue()).toBe(ADVISOR_ZONE);
    await expect.poll(() => weekly.locator('.error-summary').count()).toBe(0);
    // The next range starts as a copy of the one above, a day later: every day 10:00–12:00 in six clicks.
    for (let day = 2; day <= 7; day += 1) await weekly.getByRole('button', { name: 'Add hours' }).click();
    await expect.poll(() => weekly.getByRole('group', { name: 'Hours 7', exact: true }).getByLabel('Day').inputValue()).toBe('7');
    await weekly.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText(`Weekly hours saved (7 ranges, ${ADVISOR_ZONE}).`).waitFor();

    // One mistake: the field itself takes the cursor (its message is read with it); the summary lists it.
    const rules = page.getByRole('form', { name: 'Booking rules' });
    await rules.getByLabel('Buffer (minutes)').fill('500');
    await rules.getByRole('button', { name: 'Save booking rules' }).click();
    await rules.getByRole('group', { name: 'One thing to fix' }).waitFor();
    await expect.poll(() => rules.getByLabel('Buffer (minutes)').evaluate((element) => element === document.activeElement)).toBe(true);
    await expectFieldError(rules.getByLabel('Buffer (minutes)'), 'Use a whole number from 0 to 120.');
    await checkPage(page, 'availability: buffer out of range');
    await rules.getByLabel('Buffer (minutes)').fill('0');
    await rules.getByLabel('Minimum notice (hours)').fill(String(NOTICE_HOURS));
    await rules.getByLabel('Horizon (days)').fill('60');
    await rules.getByRole('button', { name: 'Save booking rules' }).click();
    await page.getByText('Booking rules saved.').waitFor();
    await page.getByRole('checkbox', { name: WEEK_LABEL, exact: true }).check();
    await page.getByRole('button', { name: 'Save reasons' }).click();
    await page.getByText(/You offer 1 reason\./).waitFor();

    // Exceptions: a missing date and an inverted range are caught before anything is sent.
    const exceptions = page.getByRole('form', { name: 'Add an exception' });
    await exceptions.getByRole('button', { name: 'Add exception' }).click();
    await expectFieldError(exceptions.getByLabel('Date'), 'Choose the date.');
    await expect.poll(() => exceptions.getByLabel('Date').evaluate((element) => element === document.activeElement)).toBe(true);
    await exceptions.getByLabel('Kind').selectOption('extra_hours');
    await exceptions.getByLabel('Date').fill('2027-06-15');
    await exceptions.getByLabel('From').fill('15:00');
    await exceptions.getByLabel('Until').fill('14:00');
    await exceptions.getByRole('button', { name: 'Add exception' }).click();
    await expectFieldError(exceptions.getByLabel('Until'), 'The end must be after the start');
    await exceptions.getByLabel('Until').fill('16:00');
    await exceptions.getByRole('button', { name: 'Add exception' }).click();
    await page.getByText('Extra hours on 2027-06-15, 15:00–16:00 added.').waitFor();

    // The calendar subscription: made, copied, and it answers an iCalendar file.
    const feed = page.getByRole('region', { name: 'Calendar subscription' });
    await feed.getByRole('button', { name: 'Make a calendar address' }).click();
    const address = feed.getByLabel('Your private calendar address');
    await address.waitFor();
    await expect.poll(() => address.evaluate((element) => element === document.activeElement)).toBe(true);
    const firstUrl = await address.inputValue();
    expect(firstUrl).toMatch(/\/api\/v1\/calendar-feeds\/\S+$/);
    await feed.getByRole('button', { name: 'Copy your private calendar address' }).click();
    await feed.getByText('Address copied. Paste it into your calendar app.').waitFor();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);
    await feed.getByText('Google Calendar', { exact: true }).click();
    await feed.getByText('Beside “Other calendars”').waitFor();
    const calendarAt = (address: string) => page.evaluate(async (path) => {
      const response = await fetch(path);
      return { status: response.status, text: await response.text() };
    }, new URL(address).pathname);
    const calendar = await calendarAt(firstUrl);
    expect(calendar.status).toBe(200);
    expect(calendar.text).toContain('BEGIN:VCALENDAR');
    await checkPage(page, 'availability: calendar address');

    // A new address: asked first, the old one stops working.
    await feed.getByRole('button', { name: 'Make a new address' }).click();
    const rotate = page.getByRole('dialog', { name: 'Make a new calendar address?' });
    await rotate.getByText('stops working at once').waitFor();
    await checkPage(page, 'availability: confirm new address');
    await rotate.getByRole('button', { name: 'Make a new address' }).click();
    await rotate.waitFor({ state: 'hidden' });
    await expect.poll(() => address.inputValue()).not.toBe(firstUrl);
    const secondUrl = await address.inputValue();
    await expect(calendarAt(firstUrl).then((answer) => answer.status)).resolves.toBe(404);
    await expect(calendarAt(secondUrl).then((answer) => answer.status)).resolves.toBe(200);

    // After a reload the address is not shown again (it is a secret); the subscription is still on.
    await page.reload();
    await feed.getByText('Your calendar subscription is on.').waitFor();
    await feed.getByRole('button', { name: 'Turn off' }).click();
    const revoke = page.getByRole('dialog', { name: 'Turn off the calendar subscription?' });
    await checkPage(page, 'availability: confirm turning off');
    await revoke.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('Calendar subscription turned off. The address no longer works.').waitFor();
    await expect.poll(() => feed.getByRole('button', { name: 'Make a calendar address' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await expect(calendarAt(secondUrl).then((answer) => answer.status)).resolves.toBe(404);
    await checkPage(page, 'availability: subscription off');
    await ines.close();
  }, 240_000);

  test('the student finds a time a week at a time, by keyboard too; the details are checked in the browser and by the server', async () => {
    const kofi = await signedIn(browser, student, '/network', STUDENT_ZONE);
    const page = kofi.page;
    const first = bodyOf<{ items: { startLocal: string }[] }>(
      await callApi(page, 'GET', `/api/v1/slots?reasonCode=${WEEK_CODE}&timeZone=${encodeURIComponent(STUDENT_ZONE)}&limit=1&to=${dateIn(new Date(Date.now() + 40 * 86_400_000).toISOString(), STUDENT_ZONE)}`),
      200,
    ).items[0];
    if (!first) throw new Error('Ines has no open time');
    const firstDay = first.startLocal.slice(0, 10);
    const firstWeek = weekStart(firstDay);

    await page.goto(url('/appointments/book'));
    // A click settles the reason: the list folds away and the cursor moves to the times, which open on the
    // first week that has any.
    await page.getByRole('radio', { name: new RegExp(WEEK_LABEL) }).click();
    await page.getByRole('button', { name: 'Change reason' }).waitFor();
    const timeHeading = page.getByRole('heading', { name: '2. Time' });
    await expect.poll(() => timeHeading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByText(`Times are shown in your time zone, ${STUDENT_ZONE}.`).waitFor();
    await page.getByText(formatWeekRange(firstWeek), { exact: true }).waitFor();
    const days = page.getByRole('tablist', { name: `Days of ${formatWeekRange(firstWeek)}` });
    // Once the week has loaded, the first day with open times is chosen.
    await page.getByRole('tabpanel').getByRole('heading', { name: dayParts(firstDay).long }).waitFor();
    const chosenDay = days.getByRole('tab', { selected: true });
    await expect.poll(() => chosenDay.textContent()).toMatch(new RegExp(`^${dayParts(firstDay).short}${dayParts(firstDay).day} ${dayParts(firstDay).month}\\d+ open times?$`));
    await expect.poll(() => chosenDay.getAttribute('id')).toContain(firstDay);
    await checkPage(page, 'book: first open week');

    // Back to the reasons: the cursor is on the one chosen; Enter settles it again, as "Show open times" does.
    await page.getByRole('button', { name: 'Change reason' }).click();
    const chosenReason = page.getByRole('radio', { name: new RegExp(WEEK_LABEL) });
    await expect.poll(() => chosenReason.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => chosenReason.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => timeHeading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole('tabpanel').getByRole('heading', { name: dayParts(firstDay).long }).waitFor();

    // Arrow keys move between the days; the panel follows.
    await chosenDay.focus();
    await page.keyboard.press('End');
    const sunday = days.getByRole('tab', { selected: true });
    await expect.poll(() => sunday.textContent()).toContain('Sun');
    await expect(focusedId(page)).resolves.toBe(await sunday.getAttribute('id'));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => days.getByRole('tab', { selected: true }).textContent()).toContain('Sat');
    await page.getByRole('tabpanel').getByRole('heading', { name: /^Saturday/ }).waitFor();

    // The week before is empty; it offers the next open time, which brings the cursor back to that day.
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByText(formatWeekRange(addDays(firstWeek, -7)), { exact: true }).waitFor();
    await page.getByText('No open times in this week.').waitFor();
    const next = page.getByRole('button', { name: `Show the next open time (${dayParts(firstDay).short} ${dayParts(firstDay).day} ${dayParts(firstDay).month})` });
    await next.waitFor();
    await checkPage(page, 'book: an empty week');
    await next.click();
    await page.getByText(formatWeekRange(firstWeek), { exact: true }).waitFor();
    await expect.poll(() => focusedId(page)).toContain(firstDay);

    // A later week, and the way back to the first open time.
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('tablist', { name: `Days of ${formatWeekRange(addDays(firstWeek, 7))}` }).waitFor();
    await page.getByRole('button', { name: /^Back to the first open time/ }).click();
    await page.getByRole('tablist', { name: `Days of ${formatWeekRange(firstWeek)}` }).waitFor();

    // A time; the cursor moves on to the details.
    const slot = page.getByRole('tabpanel').getByRole('button', { name: new RegExp(`· ${advisor.name}$`) }).first();
    await slot.click();
    await expect.poll(() => slot.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('heading', { name: '3. Details' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByLabel('How would you like to meet?').selectOption('video');

    // The résumé is missing: one problem, so its field takes the cursor; a bad link is refused as the server would.
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const link = page.getByLabel('Link to your résumé');
    await expectFieldError(link, 'Upload your résumé, add a link to it, or paste its text below.');
    await expect.poll(() => link.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole('group', { name: 'One thing to fix' }).waitFor();
    await checkPage(page, 'book: document missing');
    await link.fill('ftp://files.example.edu/resume.pdf');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expectFieldError(link, 'Use a web address starting with https://');
    await link.fill('https://files.example.edu/kofi-resume.pdf');
    await expect.poll(() => link.getAttribute('aria-invalid')).toBeNull();

    // The office stops offering video meanwhile: the server's answer lands on the field it is about.
    bodyOf(await callApi(admin.page, 'PATCH', `/api/v1/admin/reason-codes/${WEEK_CODE}`, { modes: ['in_person'] }), 200);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const mode = page.getByLabel('How would you like to meet?');
    await expectFieldError(mode, 'Choose in person.');
    await expect.poll(() => mode.evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(page, 'book: refused by the server');
    await mode.selectOption('in_person');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Appointment booked', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'See my appointments' }).click();
    const card = page.locator('li.appt-card').filter({ hasText: WEEK_LABEL });
    bookedStart = (await card.locator('time').getAttribute('datetime')) ?? '';
    expect(dateIn(bookedStart, STUDENT_ZONE) >= firstDay).toBe(true);
    await kofi.close();
  }, 240_000);

  test('the agenda opens on today in the advisor’s zone, steps by day and week, keeps its view in the address, and Today comes back', async () => {
    expect(bookedStart).not.toBe('');
    const ines = await signedIn(browser, advisor, '/agenda', ADVISOR_ZONE);
    const page = ines.page;
    const today = dateIn(new Date().toISOString(), ADVISOR_ZONE);
    const day = dateIn(bookedStart, ADVISOR_ZONE);
    const answered = (key: string) => page.locator(`[data-agenda-for="${key}"]`).waitFor({ state: 'attached' });
    await answered(`${today}|day|false`);
    await expect.poll(() => page.getByLabel('Date', { exact: true }).inputValue()).toBe(today);
    await expect.poll(() => page.getByRole('button', { name: 'Today' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Next day' }).click();
    await answered(`${addDays(today, 1)}|day|false`);
    expect(new URL(page.url()).searchParams.get('date')).toBe(addDays(today, 1));
    await page.getByRole('button', { name: 'Today' }).click();
    await answered(`${today}|day|false`);
    expect(new URL(page.url()).search).toBe('');

    // The booked day by the date field, then the week around it; a reload keeps both.
    await page.getByLabel('Date', { exact: true }).fill(day);
    await answered(`${day}|day|false`);
    const card = page.locator('li.appt-card').filter({ hasText: student.name });
    await card.waitFor();
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Week' }).click();
    await answered(`${day}|week|false`);
    await card.waitFor();
    await page.reload();
    await answered(`${day}|week|false`);
    await card.waitFor();
    await expect.poll(() => page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Week' }).getAttribute('aria-pressed')).toBe('true');
    await checkPage(page, 'agenda: a week with a booking');
    await ines.close();
  }, 120_000);

  test('the advisor cancels from the agenda, and the student sees it cancelled and is emailed', async () => {
    expect(bookedStart).not.toBe('');
    const ines = await signedIn(browser, advisor, '/agenda', ADVISOR_ZONE);
    const page = ines.page;
    // The link in the advisor's "New appointment" email opens the agenda on that day, the cursor on the booking.
    const link = mailLink(await outbox(), advisor.email, `New appointment: ${student.name}, ${WEEK_LABEL}`, 'Your agenda');
    expect(link).toMatch(/\/agenda\/[0-9a-f-]{36}$/);
    await page.goto(url(new URL(link).pathname));
    await page.waitForURL((address) => address.pathname === '/agenda' && address.searchParams.get('date') === dateIn(bookedStart, ADVISOR_ZONE));
    const card = page.locator('li.appt-card').filter({ hasText: student.name });
    await expect.poll(() => card.getByRole('heading', { level: 3 }).evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(page, 'agenda: opened from the email');
    await card.getByRole('button', { name: `Cancel appointment with ${student.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel ${student.name}’s appointment?` });
    await dialog.waitFor();
    const described = (await dialog.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '', described);
    expect(description).toContain(WEEK_LABEL);
    expect(description).toContain(`(${ADVISOR_ZONE})`);
    expect(description).toContain(`We email ${student.name} at ${student.email}`);
    await expect.poll(() => dialog.getByRole('button', { name: 'Keep appointment' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(page, 'agenda: confirm cancel');
    await dialog.getByLabel('Reason (optional)').fill('Called away to a faculty meeting');
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByText(new RegExp(`Cancelled ${student.name}’s appointment at \\d\\d:\\d\\d\\. We emailed ${student.name}\\.`)).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await checkPage(page, 'agenda: after cancelling');
    const shown = await agendaCard(page, dateIn(bookedStart, ADVISOR_ZONE), student.name, true);
    await shown.getByText('Cancelled', { exact: true }).waitFor();
    await ines.close();

    // The student follows the link in their confirmation: their list, the cursor on that appointment, now cancelled.
    const kofi = await signedIn(browser, student, '/network', STUDENT_ZONE);
    const own = mailLink(await outbox(), student.email, `Appointment booked: ${WEEK_LABEL}`, 'To cancel or reschedule');
    await kofi.page.goto(url(new URL(own).pathname));
    const linked = kofi.page.locator('li.appt-card').filter({ hasText: WEEK_LABEL });
    await expect.poll(() => linked.getByRole('heading', { level: 3 }).evaluate((element) => element === document.activeElement)).toBe(true);
    const upcoming = kofi.page.getByRole('region', { name: 'Upcoming' });
    await upcoming.waitFor();
    await expect.poll(() => upcoming.locator('li.appt-card').filter({ hasText: WEEK_LABEL }).count()).toBe(0);
    const past = kofi.page.getByRole('region', { name: 'Past and cancelled' }).locator('li.appt-card').filter({ hasText: WEEK_LABEL });
    await past.getByText('Cancelled', { exact: true }).waitFor();
    await past.getByText('Cancelled by your advisor: “Called away to a faculty meeting”').waitFor();
    await checkPage(kofi.page, 'my appointments: cancelled by the advisor');
    await kofi.close();

    const mail = (await outbox()).find((item) => item.to === student.email && item.subject === `Appointment cancelled: ${WEEK_LABEL}`);
    expect(mail?.text).toContain(`${advisor.name} had to cancel your appointment`);
  }, 180_000);

  test('office forms: the policy and a reason code check as the server does', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await expectPath(page, '/office/policy');
    const form = page.getByRole('form', { name: 'Office policy' });
    const lead = form.getByLabel('Document lead time (hours)');
    await lead.waitFor();
    const before = { lead: await lead.inputValue(), notice: await form.getByLabel('Notice at').inputValue(), holidays: await form.getByLabel('Holidays').inputValue() };
    await lead.fill('1000');
    await form.getByLabel('Notice at').fill('5');
    await form.getByText('In a term: 5th no-show → a friendly notice').waitFor();
    await form.getByLabel('Holidays').fill('2026-12-24\n2026-13-01');
    await form.getByRole('button', { name: 'Save policy' }).click();
    const summary = form.getByRole('group', { name: '3 things to fix' });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectFieldError(lead, 'Use a whole number from 0 to 336.');
    await expectFieldError(form.getByLabel('Warning at'), 'Keep the steps in order');
    await expectFieldError(form.getByLabel('Holidays'), '“2026-13-01”: This date does not exist.');
    await checkPage(page, 'office policy: three problems');
    await lead.fill(before.lead);
    await form.getByLabel('Notice at').fill(before.notice);
    await form.getByLabel('Holidays').fill(before.holidays);
    await form.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Office policy saved.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reason codes' }).click();
    await expectPath(page, '/office/reason-codes');
    const row = page.getByRole('row', { name: new RegExp(WEEK_LABEL) });
    await row.getByRole('button', { name: `Edit ${WEEK_LABEL}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${WEEK_CODE}` });
    await dialog.getByLabel('Label').fill('   ');
    await dialog.getByRole('button', { name: 'Save reason' }).click();
    await expectFieldError(dialog.getByLabel('Label'), 'Give the reason a label students will recognise.');
    await expect.poll(() => dialog.getByLabel('Label').evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(page, 'edit reason code: label missing');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }, 180_000);

  test('a no-show on the agenda, and the meeting that lifts the block (APPT-05)', async () => {
    expect(noShowStart).not.toBe('');
    // The drop-in starts a couple of minutes after the setup; attendance can be marked once it has.
    const wait = Date.parse(noShowStart) - Date.now() + 1_000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

    const omar = await signedIn(browser, noShowAdvisor, '/agenda', 'UTC');
    const page = omar.page;
    const card = await agendaCard(page, dateIn(noShowStart, noShowZone), student.name);
    await card.waitFor();
    await card.getByRole('group', { name: `Mark ${student.name}` }).getByRole('button', { name: 'No-show' }).click();
    await page.getByText(`${student.name}: no-show.`).waitFor();
    // The card says where the student stands now (APPT-05): one no-show, not blocked.
    await card.getByText(`${student.name.split(' ')[0]} has 1 no-show this term. Repeated no-shows block booking`).waitFor();
    await checkPage(page, 'agenda: a no-show');

    // The student now stands at the first step of the ladder.
    const kofi = await signedIn(browser, student, '/network', STUDENT_ZONE);
    const standing = () => callApi(kofi.page, 'GET', '/api/v1/appointments/standing').then((answer) => bodyOf<{ noShows: number; standing: string }>(answer, 200));
    await expect(standing()).resolves.toMatchObject({ noShows: 1 });

    await card.getByRole('button', { name: `Record no-show meeting with ${student.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Record your no-show meeting with ${student.name}?` });
    await dialog.getByText('stop counting toward a notice, a warning or a booking block').waitFor();
    await checkPage(page, 'agenda: confirm no-show meeting');
    await dialog.getByLabel('Note (optional)').fill('Talked about reminders; Kofi will cancel ahead next time.');
    await dialog.getByRole('button', { name: 'Record meeting' }).click();
    await page.getByText(`Meeting with ${student.name} recorded. They can book again; their earlier no-shows no longer count.`).waitFor();
    await card.getByText('Meeting recorded.').waitFor();
    await checkPage(page, 'agenda: meeting recorded');
    await expect(standing()).resolves.toMatchObject({ noShows: 0, standing: 'none' });
    await kofi.close();
    await omar.close();

    // The office can record one too, from the student's row.
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await admin.page.getByLabel('Search by name or email').fill(student.email);
    await admin.page.getByText(`Showing 1 account matching “${student.email}”.`).waitFor();
    const row = admin.page.getByRole('row', { name: new RegExp(student.name) });
    await row.getByRole('button', { name: `Record no-show meeting with ${student.name}` }).click();
    const officeDialog = admin.page.getByRole('dialog', { name: `Record your no-show meeting with ${student.name}?` });
    await officeDialog.getByRole('button', { name: 'Record meeting' }).click();
    await admin.page.getByText(`Meeting with ${student.name} recorded.`).waitFor();
    await checkPage(admin.page, 'users: meeting recorded');
  }, 300_000);
});
