import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { agendaCard, bodyOf, callApi, dateIn, expectFieldError, setUpAdvisor, signedIn } from './advising-pages';
import { checkPage, createAccounts, expectPath, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url, type NewAccount, type Session } from './browser';

/**
 * Documents for appointments (APPT-02) as files: checked in the browser, uploaded with the booking, replaced
 * later, downloaded by the student and by the advisor; and an advisor booking for a student once the office allows it.
 */

const ZONE = 'UTC';
const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
const CODE = `E2E_DOCS_${suffix}`;
// Not "review": the booking journey (appointments.e2e.ts) narrows the shared list to one reason with "resume review".
const LABEL = `Résumé feedback ${suffix}`;
const PROGRAM = `BSc Computer Science, class of 2027 (${suffix})`;

const advisor: NewAccount = { email: uniqueEmail('dana'), name: `Dana Reviewer ${suffix}`, role: 'advisor', password: passphrase() };
const student: NewAccount = { email: uniqueEmail('lena'), name: `Lena Upload ${suffix}`, role: 'student', password: passphrase() };

/** A small, valid PDF built here. */
const pdf = (title: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

let browser: Browser;
let admin: Session;
/** When the student's booking starts (the advisor's agenda opens on its date). */
let bookedStart = '';


/** The first open time of the panel shown, with this advisor. */
async function pickFirstTime(page: Page): Promise<void> {
  const slot = page.getByRole('tabpanel').getByRole('button', { name: new RegExp(`· ${advisor.name}$`) }).first();
  await slot.click();
  await expect.poll(() => slot.getAttribute('aria-pressed')).toBe('true');
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openSession(browser);
  await admin.page.goto(url('/sign-in'));
  await signIn(admin.page, inject('adminEmail'), inject('adminPassword'));
  await expectPath(admin.page, '/office/users');
  await createAccounts(admin.page, [advisor, student]);
  bodyOf(
    await callApi(admin.page, 'POST', '/api/v1/admin/reason-codes', {
      code: CODE,
      label: LABEL,
      description: 'A reason made for the document tests.',
      defaultMinutes: 30,
      allowedMinutes: [30],
      audience: ['student', 'alumni'],
      modes: ['in_person', 'video'],
      needsDocument: 'resume',
    }),
    201,
  );
  // The office starts with advisors not booking for students; the last test turns it on.
  const policy = bodyOf<{ policy: Record<string, unknown> }>(await callApi(admin.page, 'GET', '/api/v1/admin/office-policy'), 200).policy;
  const { updatedAt: _updatedAt, ...rest } = policy;
  bodyOf(await callApi(admin.page, 'PUT', '/api/v1/admin/office-policy', { ...rest, advisorsMayBook: false }), 200);

  // Dana is open every day, three days out at the earliest: well before the document deadline.
  const dana = await signedIn(browser, advisor, '/agenda', ZONE);
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  await setUpAdvisor(dana.page, { timezone: ZONE, weekly, minimumNoticeMinutes: 3 * 24 * 60, horizonDays: 30, codes: [CODE] });
  await dana.close();

  const lena = await signedIn(browser, student, '/network', ZONE);
  bodyOf(await callApi(lena.page, 'PATCH', '/api/v1/me', { program: PROGRAM }), 200);
  await lena.close();
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

describe('appointment documents and booking by advisors', () => {
  test('a student uploads a résumé with the booking (wrong type, too large and refused files say so beside the field), then replaces and downloads it', async () => {
    const lena = await signedIn(browser, student, '/network', ZONE);
    const page = lena.page;
    await page.goto(url(`/appointments/book?reason=${CODE}`));
    await pickFirstTime(page);
    await page.getByRole('heading', { name: '3. Details' }).waitFor();
    const file = page.getByLabel('Upload your résumé');
    await expect.poll(() => page.getByText('PDF, Word (.docx or .doc), OpenDocument (.odt) or plain text, up to 5 MB.').first().isVisible()).toBe(true);

    // Checked here before anything is sent: the type, then the size.
    await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not a document') });
    await expectFieldError(file, '“photo.png” is not a type we take.');
    await checkPage(page, 'book: a file of the wrong type');
    await file.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20) });
    await expectFieldError(file, /the limit is 5 MB/);

    // The server looks inside: a "PDF" that is not one is refused, and its message stays beside the field.
    await file.setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some words') });
    await expectFieldError(file, /The file is not .* as its type says/);
    await checkPage(page, 'book: a file the server refused');

    await file.setInputFiles({ name: 'lena-resume.pdf', mimeType: 'application/pdf', buffer: pdf('first') });
    await page.getByRole('button', { name: 'Remove lena-resume.pdf' }).waitFor();
    await expect.poll(() => file.getAttribute('aria-invalid')).toBeNull();
    await checkPage(page, 'book: a résumé attached');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Appointment booked', level: 1 }).waitFor();

    // Listed with its name and size; the student downloads it.
    await page.getByRole('link', { name: 'See my appointments' }).click();
    const card = page.getByRole('region', { name: 'Upcoming' }).locator('li.appt-card').filter({ hasText: LABEL });
    await card.getByRole('link', { name: `lena-resume.pdf (${LABEL})` }).waitFor();
    await card.getByText(/\(\d+ bytes\)/).waitFor();
    bookedStart = (await card.locator('time').getAttribute('datetime')) ?? '';
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: `lena-resume.pdf (${LABEL})` }).click()]);
    expect(download.suggestedFilename()).toBe('lena-resume.pdf');
    await checkPage(page, 'my appointments: the résumé listed');

    // Replaced before the deadline.
    await card.getByRole('button', { name: `Replace résumé for ${LABEL}` }).click();
    const form = card.getByRole('form', { name: `Replace the résumé for ${LABEL}` });
    await form.getByLabel('Upload your résumé').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
    await expectFieldError(form.getByLabel('Upload your résumé'), '“notes.txt” is empty.');
    await form.getByLabel('Upload your résumé').setInputFiles({ name: 'lena-resume-v2.pdf', mimeType: 'application/pdf', buffer: pdf('second') });
    await form.getByRole('button', { name: 'Remove lena-resume-v2.pdf' }).waitFor();
    await checkPage(page, 'my appointments: replacing the résumé');
    await form.getByRole('button', { name: 'Replace résumé' }).click();
    await card.getByRole('link', { name: `lena-resume-v2.pdf (${LABEL})` }).waitFor();
    await page.getByText(`Saved the résumé for ${LABEL}.`).waitFor();
    await checkPage(page, 'my appointments: résumé replaced');
    await lena.close();
  }, 240_000);

  test('the advisor sees the student’s program and downloads the résumé from the agenda', async () => {
    expect(bookedStart).not.toBe('');
    const dana = await signedIn(browser, advisor, '/agenda', ZONE);
    const page = dana.page;
    // Not allowed yet: no way to book for a student.
    await expect.poll(() => page.getByRole('link', { name: 'Book for a student' }).count()).toBe(0);
    const card = await agendaCard(page, dateIn(bookedStart, ZONE), student.name);
    await card.getByRole('heading', { name: new RegExp(`${student.name} · ${PROGRAM.replace(/[()]/g, '\\$&')}`) }).waitFor();
    const link = card.getByRole('link', { name: `lena-resume-v2.pdf (${student.name})` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('lena-resume-v2.pdf');
    await expect(download.path().then((path) => path !== null)).resolves.toBe(true);
    await checkPage(page, 'agenda: program and résumé');
    await dana.close();
  }, 120_000);

  test('the admin lets advisors book; the advisor books for the student, who sees it', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await expectPath(page, '/office/policy');
    const form = page.getByRole('form', { name: 'Office policy' });
    const box = form.getByRole('checkbox', { name: 'Advisors may book for students' });
    await box.waitFor();
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.check();
    await checkPage(page, 'office policy: advisors may book');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Office policy saved.').waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);

    const dana = await signedIn(browser, advisor, '/agenda', ZONE);
    const advisorPage = dana.page;
    await advisorPage.getByRole('link', { name: 'Book for a student' }).click();
    await expectPath(advisorPage, '/agenda/book');
    const booking = advisorPage.getByRole('form', { name: 'Book for a student' });
    const email = booking.getByLabel('Student’s email');
    await email.waitFor();
    await expect.poll(() => booking.getByLabel('Reason', { exact: true }).inputValue()).toBe(CODE);
    await pickFirstTime(advisorPage);

    // Someone who is not a student: said beside the email.
    await email.fill(uniqueEmail('nobody'));
    await booking.getByRole('button', { name: 'Book and email the student' }).click();
    await expectFieldError(email, 'No student has that email.');
    await checkPage(advisorPage, 'book for a student: unknown email');

    await email.fill(student.email);
    await booking.getByLabel('How you will meet').selectOption('video');
    await booking.getByLabel('Note (optional)').fill('Booked after our hallway chat about internships.');
    await booking.getByRole('button', { name: 'Book and email the student' }).click();
    await advisorPage.getByRole('heading', { name: 'Booked', level: 2 }).waitFor();
    await advisorPage.getByText(`We emailed ${student.name} (${student.email}) with the details.`).waitFor();
    await checkPage(advisorPage, 'book for a student: booked');
    await dana.close();

    const lena = await signedIn(browser, student, '/network', ZONE);
    await lena.page.goto(url('/appointments'));
    const upcoming = lena.page.getByRole('region', { name: 'Upcoming' }).locator('li.appt-card').filter({ hasText: LABEL });
    await expect.poll(() => upcoming.count()).toBe(2);
    const byAdvisor = upcoming.filter({ hasText: 'Video' });
    await byAdvisor.getByRole('button', { name: `Add résumé for ${LABEL}` }).waitFor();
    await checkPage(lena.page, 'my appointments: booked by the advisor');
    await lena.close();

    const mail = bodyOf<{ items: { to: string; subject: string }[] }>(await callApi(admin.page, 'GET', '/api/v1/admin/outbox?limit=50'), 200).items.find(
      (item) => item.to === student.email && item.subject.includes(LABEL) && !/cancel/i.test(item.subject),
    );
    expect(mail).toBeDefined();

    // Back as it was for the other files.
    await box.uncheck();
    await form.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.getByText('Office policy saved.').count()).toBeGreaterThan(0);
  }, 240_000);
});
