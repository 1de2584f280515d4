import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { agendaCard, dateIn, signedIn as openAs } from './advising-pages';
import { checkPage, createAccounts, expectNoSeriousA11yIssues, expectPath, expectTitle, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url, type NewAccount, type Session } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const STUDENT_ZONE = 'America/New_York';
const ADVISOR_ZONE = 'Europe/Berlin';
const REASON = 'Part-Time Job Search Strategies';

function signedIn(account: { email: string; password: string }, landing: string, timezoneId: string): Promise<Session> {
  return openAs(browser, account, landing, timezoneId);
}

describe('advising appointments', () => {
  test('admin checks reasons, advisor sets hours, student books Part-Time Job Search, downloads the .ics and cancels', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const advisorAccount: NewAccount = { email: uniqueEmail('advisor'), name: `Ines Advisor ${suffix}`, role: 'advisor', password: passphrase() };
    const studentAccount: NewAccount = { email: uniqueEmail('student'), name: `Kofi Student ${suffix}`, role: 'student', password: passphrase() };
    const rivalAccount: NewAccount = { email: uniqueEmail('rival'), name: `Rosa Rival ${suffix}`, role: 'student', password: passphrase() };

    // The admin: the reason codes are there, Part-Time Job Search among them, active.
    const admin = await openSession(browser);
    await admin.page.goto(url('/sign-in'));
    await signIn(admin.page, inject('adminEmail'), inject('adminPassword'));
    await expectPath(admin.page, '/office/users');
    await createAccounts(admin.page, [advisorAccount, studentAccount, rivalAccount]);
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reason codes' }).click();
    await expectPath(admin.page, '/office/reason-codes');
    await expectTitle(admin.page, 'Reason codes · Rapport');
    const row = admin.page.getByRole('row', { name: new RegExp(REASON) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('PART_TIME_JOB_SEARCH');
    await expect.poll(() => row.getByText('Active', { exact: true }).isVisible()).toBe(true);
    await row.getByRole('button', { name: `Edit ${REASON}` }).click();
    const edit = admin.page.getByRole('dialog', { name: 'Edit PART_TIME_JOB_SEARCH' });
    await edit.waitFor();
    await expect.poll(() => edit.getByLabel('Label').inputValue()).toBe(REASON);
    await expectNoSeriousA11yIssues(admin.page, 'edit reason code');
    await admin.page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });
    await checkPage(admin.page, 'reason codes');
    // The policy page explains each rule beside its field.
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await expectPath(admin.page, '/office/policy');
    await expectTitle(admin.page, 'Office policy · Rapport');
    await admin.page.getByLabel('Cancellation cutoff').waitFor();
    await admin.page.getByText('recorded as a late cancellation').waitFor();
    await checkPage(admin.page, 'office policy');
    await admin.close();

    // The advisor (in Berlin): weekly hours every day 09:00–12:00, offers the reason, books at least 2 hours ahead.
    const advisor = await signedIn(advisorAccount, '/agenda', ADVISOR_ZONE);
    const ap = advisor.page;
    await expectTitle(ap, 'Agenda · Rapport');
    await ap.getByText('No appointments today').waitFor();
    await ap.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Availability' }).click();
    await expectPath(ap, '/availability');
    await expect.poll(() => ap.getByLabel('Time zone').inputValue()).toBe(ADVISOR_ZONE);
    for (let day = 1; day <= 7; day += 1) {
      await ap.getByRole('button', { name: 'Add hours' }).click();
      const hours = ap.getByRole('group', { name: `Hours ${day}`, exact: true });
      await hours.getByLabel('Day').selectOption(String(day));
      await hours.getByLabel('From').fill('09:00');
      await hours.getByLabel('Until').fill('12:00');
    }
    await ap.getByRole('button', { name: 'Save weekly hours' }).click();
    await ap.getByText(`Weekly hours saved (7 ranges, ${ADVISOR_ZONE}).`).waitFor();
    await ap.getByRole('checkbox', { name: REASON, exact: true }).check();
    await ap.getByRole('button', { name: 'Save reasons' }).click();
    await ap.getByText(/You offer 1 reason\./).waitFor();
    await ap.getByLabel('Buffer (minutes)').fill('0');
    await ap.getByLabel('Minimum notice (hours)').fill('2');
    await ap.getByLabel('Horizon (days)').fill('14');
    await ap.getByRole('button', { name: 'Save booking rules' }).click();
    await ap.getByText('Booking rules saved.').waitFor();
    await checkPage(ap, 'availability');

    // The student (in New York) books: reason first, then a time in their zone, then details.
    const student = await signedIn(studentAccount, '/network', STUDENT_ZONE);
    const sp = student.page;
    await sp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
    await expectPath(sp, '/appointments');
    await sp.getByText('Nothing booked yet').waitFor();
    await checkPage(sp, 'my appointments (empty)');
    await sp.getByRole('main').getByRole('link', { name: 'Book advising' }).first().click();
    await expectPath(sp, '/appointments/book');
    await expectTitle(sp, 'Book advising · Rapport');
    // Twenty reasons: a word or two narrows the list (accents optional), and Enter takes the one left.
    const radios = sp.getByRole('group', { name: 'What would you like help with?' }).getByRole('radio');
    // The reasons arrive after the page: wait for them rather than count what is there at this instant.
    await expect.poll(() => radios.count()).toBeGreaterThan(8);
    const find = sp.getByLabel('Find a reason');
    await find.fill('resume review');
    await expect.poll(() => radios.count()).toBe(1);
    await find.fill('no such help');
    await sp.getByText('No reason matches “no such help”.').waitFor();
    await checkPage(sp, 'book: no reason matches');
    await find.fill('part-time job');
    await expect.poll(() => radios.count()).toBe(1);
    await expect.poll(() => sp.getByRole('radio', { name: new RegExp(REASON) }).count()).toBe(1);
    await find.press('Enter');
    await sp.getByText(`Times are shown in your time zone, ${STUDENT_ZONE}.`).waitFor();
    await sp.getByText(REASON, { exact: true }).first().waitFor();
    const mySlots = sp.getByRole('button', { name: new RegExp(`· ${advisorAccount.name}$`) });
    await mySlots.first().waitFor();
    await checkPage(sp, 'book: times');
    await mySlots.first().click();
    await expect.poll(() => mySlots.first().getAttribute('aria-pressed')).toBe('true');
    await sp.getByLabel('How would you like to meet?').selectOption('video');
    await sp.getByLabel('Note for your advisor (optional)').fill('Looking for weekend work near campus');
    await checkPage(sp, 'book: details');

    // Someone else takes that time first: the student is told and sees the times still open.
    const rival = await signedIn(rivalAccount, '/network', STUDENT_ZONE);
    const taken = await rival.page.evaluate(
      async ({ advisorName }) => {
        const answer = (await (await fetch('/api/v1/slots?reasonCode=PART_TIME_JOB_SEARCH&timeZone=UTC')).json()) as { items: { advisorId: string; advisorName: string; start: string }[] };
        const slot = answer.items.find((item) => item.advisorName === advisorName);
        if (!slot) throw new Error('no slot for the advisor');
        const response = await fetch('/api/v1/appointments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ advisorId: slot.advisorId, reasonCode: 'PART_TIME_JOB_SEARCH', start: slot.start, mode: 'phone', note: '' }),
        });
        if (response.status !== 201) throw new Error(`rival booking: ${response.status}`);
        return slot.start;
      },
      { advisorName: advisorAccount.name },
    );
    await rival.close();
    await sp.getByRole('button', { name: 'Confirm booking' }).click();
    await sp.getByRole('alert').getByText('Someone booked that time a moment ago').waitFor();
    await mySlots.first().waitFor();
    await mySlots.first().click();
    await sp.getByLabel('Note for your advisor (optional)').fill('Looking for weekend work near campus');
    await sp.getByRole('button', { name: 'Confirm booking' }).click();
    await sp.getByRole('heading', { name: 'Appointment booked', level: 1 }).waitFor();
    await expect.poll(() => sp.getByRole('main').textContent()).toContain(REASON);
    await checkPage(sp, 'booking confirmation');

    // The .ics: a calendar with the event at the booked instant (UTC).
    const [download] = await Promise.all([sp.waitForEvent('download'), sp.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');

    await sp.getByRole('link', { name: 'See my appointments' }).click();
    await expectPath(sp, '/appointments');
    const card = sp.locator('li.appt-card').filter({ hasText: REASON });
    await card.waitFor();
    const start = (await card.locator('time').getAttribute('datetime')) ?? '';
    expect(Date.parse(start)).toBeGreaterThan(Date.parse(taken));
    const dtstart = `DTSTART:${new Date(start).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
    expect(ics).toContain(dtstart);
    await expect.poll(() => card.getByText('Booked', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => card.textContent()).toContain(advisorAccount.name);
    await checkPage(sp, 'my appointments');

    // The advisor's agenda shows the booking with the student's name, the reason and the note.
    const day = dateIn(start, ADVISOR_ZONE);
    const booked = await agendaCard(ap, day, studentAccount.name);
    await booked.waitFor();
    await expect.poll(() => booked.textContent()).toContain(REASON);
    await expect.poll(() => booked.textContent()).toContain('Looking for weekend work near campus');
    await expect.poll(() => booked.getByText('Booked', { exact: true }).isVisible()).toBe(true);
    // Private notes stay a single button until the advisor writes some; then a line, editable again.
    await booked.getByRole('button', { name: `Add private notes on ${studentAccount.name}` }).click();
    await expect.poll(() => booked.getByLabel('Private notes').evaluate((element) => element === document.activeElement)).toBe(true);
    await booked.getByLabel('Private notes').fill('Bring list of campus employers');
    await booked.getByRole('button', { name: 'Save notes' }).click();
    await ap.getByText(`Notes on ${studentAccount.name} saved.`).waitFor();
    await booked.getByText('Bring list of campus employers').waitFor();
    await expect.poll(() => booked.getByRole('button', { name: `Edit private notes on ${studentAccount.name}` }).evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(ap, 'agenda');

    // The student cancels; the page says whether it counts as late.
    await card.getByRole('button', { name: `Cancel ${REASON}` }).click();
    await expect.poll(() => card.textContent()).toContain('counts as a late cancellation');
    await card.getByRole('button', { name: 'Yes, cancel it' }).click();
    await sp.getByText(`Cancelled ${REASON}.`).waitFor();
    await card.getByText(/^Cancelled/).waitFor();
    await checkPage(sp, 'my appointments (cancelled)');

    // The agenda no longer lists it, and shows it as cancelled when asked to.
    await ap.reload();
    const gone = await agendaCard(ap, day, studentAccount.name);
    await expect.poll(() => gone.count()).toBe(0);
    const cancelled = await agendaCard(ap, day, studentAccount.name, true);
    await cancelled.waitFor();
    await expect.poll(() => cancelled.getByText(/^Cancelled( late)?$/).isVisible()).toBe(true);

    // Advisors and students see only their own pages.
    await sp.goto(url('/agenda'));
    await sp.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
    await ap.goto(url('/appointments/book'));
    await ap.getByRole('heading', { name: 'We can’t find that page' }).waitFor();

    await student.close();
    await advisor.close();
  }, 240_000);
});
