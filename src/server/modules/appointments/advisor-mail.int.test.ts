import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signInAgain, signedInUser, signedInUsers, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { mailOutbox, users } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * The advisor is told by email, with the .ics in their own zone, when a student books, cancels (on time or
 * late, APPT-03) or moves an appointment with them; the mail is written in the same transaction as the change.
 */

let t: TestApp;
let advisor: SignedInUser;
let berlinAdvisor: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z. The advisor works Monday–Friday 09:00–17:00 New York (EST until the 8th).
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  advisor = await bookableAdvisor(t.app, { name: 'Maya Castillo' });
  berlinAdvisor = await bookableAdvisor(t.app, { name: 'Daniel Okonkwo', timezone: 'Europe/Berlin' });
  admin = await signedInUser(t.app, { role: 'admin' });
  await saveOfficePolicy(t.app, admin);
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in March 2026 after the DST switch on the 8th (EDT, UTC−4). */
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

function book(student: SignedInUser, start: string, overrides: Record<string, unknown> = {}) {
  return as(t.app, student.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'video', note: 'Weekend café work', ...overrides },
  });
}

async function booked(student: SignedInUser, start: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await book(student, start, overrides);
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
  return response.json().appointment.id;
}

async function mailsTo(user: SignedInUser, kind: string) {
  return t.app.services.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, user.email), eq(mailOutbox.kind, kind)))
    .orderBy(mailOutbox.createdAt);
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

describe('the advisor is emailed when a student books (issue 4)', () => {
  it('201: the advisor gets a mail with the student’s name, program and note, times in the advisor’s zone, and the .ics of their agenda', async () => {
    const student = await signedInUser(t.app, { name: 'Aisha Bello', program: 'BA Economics, class of 2027' });
    // The student reads Berlin time; the advisor's mail is written in New York time regardless.
    const id = await booked(student, ny(10, '13:00'), { timeZone: 'Europe/Berlin' });
    const [mail, ...more] = await mailsTo(advisor, 'advisor_appointment_booked');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ userId: advisor.id, subject: 'New appointment: Aisha Bello, Part-Time Job Search Strategies' });
    expect(mail?.textBody).toContain('Hello Maya Castillo,');
    expect(mail?.textBody).toContain(`Who:  Aisha Bello (BA Economics, class of 2027), ${student.email}`);
    expect(mail?.textBody).toContain('When: Tue 10 Mar, 13:00 (America/New_York)');
    expect(mail?.textBody).toContain('Note from the student: Weekend café work');
    expect(mail?.textBody).toContain(`${t.config.publicUrl}/agenda/${id}`);
    const attachment = mail?.attachments[0];
    expect(attachment).toMatchObject({ filename: 'appointment.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
    const [first] = events(attachment?.content ?? '');
    expect(first?.event.uid).toBe(`${id}@rapport`);
    expect(first?.event.summary).toBe('Part-Time Job Search Strategies: Aisha Bello');
    expect(first?.event.startDate.toJSDate().toISOString()).toBe(ny(10, '13:00'));
    // The student's own confirmation is unchanged: their zone, their wording.
    const [confirmation] = await mailsTo(student, 'appointment_confirmation');
    expect(confirmation?.textBody).toContain('When: Tue 10 Mar, 18:00 (Europe/Berlin)');
  });

  it('an advisor in Berlin reads Berlin time', async () => {
    const student = await signedInUser(t.app, { name: 'Mei Tanaka' });
    const response = await book(student, '2026-03-10T09:00:00Z', { advisorId: berlinAdvisor.id });
    expect(response.statusCode, response.body).toBe(201);
    const [mail] = await mailsTo(berlinAdvisor, 'advisor_appointment_booked');
    expect(mail?.textBody).toContain('When: Tue 10 Mar, 10:00 (Europe/Berlin)');
  });

  it('a refused booking (400, 409) mails nobody: the mail is part of the booking’s transaction', async () => {
    const [student, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    await booked(other, ny(11, '10:00'));
    const before = (await mailsTo(advisor, 'advisor_appointment_booked')).length;
    expect((await book(student, ny(11, '10:00'))).statusCode).toBe(409);
    expect((await book(student, ny(11, '11:00'), { mode: 'carrier_pigeon' })).statusCode).toBe(400);
    expect((await book(student, ny(11, '20:00'))).statusCode).toBe(409);
    expect((await mailsTo(advisor, 'advisor_appointment_booked')).length).toBe(before);
  });

  it('401 anonymous and 403 for an advisor on the student routes: no mail is written', async () => {
    const before = (await mailsTo(advisor, 'advisor_appointment_booked')).length;
    const payload = { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny(12, '10:00'), mode: 'video' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/appointments', payload })).statusCode).toBe(401);
    expect((await as(t.app, berlinAdvisor.cookie)({ method: 'POST', url: '/api/v1/appointments', payload })).statusCode).toBe(403);
    expect((await mailsTo(advisor, 'advisor_appointment_booked')).length).toBe(before);
  });

  it('CR/LF in a student’s name never reaches a header: the subject stays on one line (ASVS 1.3.11)', async () => {
    // An account made outside the API's name rules (an import, an old row): the subject folds the breaks away.
    const [sneaky] = await signedInUsers(t, 1);
    if (!sneaky) throw new Error('no user');
    await t.app.services.db.update(users).set({ name: 'Eve\r\nBcc: victim@example.com' }).where(eq(users.id, sneaky.id));
    const response = await book(sneaky, ny(12, '14:00'));
    expect(response.statusCode, response.body).toBe(201);
    const mails = await mailsTo(advisor, 'advisor_appointment_booked');
    const mail = mails.find((m) => m.subject.includes('Eve'));
    expect(mail?.subject).toBe('New appointment: Eve Bcc: victim@example.com, Part-Time Job Search Strategies');
    expect(mail?.subject).not.toMatch(/[\r\n]/);
  });
});

describe('the advisor is emailed when a student cancels (APPT-03)', () => {
  it('200: an on-time cancellation mails the advisor a CANCELLED event; someone else’s id → 404 and no mail', async () => {
    const [student, other] = [await signedInUser(t.app, { name: 'Liam O’Connor' }), await signedInUser(t.app)];
    const id = await booked(student, ny(16, '09:00'));
    expect((await as(t.app, other.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect((await mailsTo(advisor, 'advisor_appointment_cancelled')).filter((m) => m.textBody.includes('Liam'))).toEqual([]);
    const cancelled = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: { reason: 'Exam moved' } });
    expect(cancelled.statusCode).toBe(200);
    const mail = (await mailsTo(advisor, 'advisor_appointment_cancelled')).find((m) => m.textBody.includes('Liam'));
    expect(mail?.subject).toBe('Appointment cancelled: Liam O’Connor, Part-Time Job Search Strategies');
    expect(mail?.textBody).toContain('Liam O’Connor cancelled the appointment on Mon 16 Mar, 09:00 (America/New_York); the time is free again.');
    expect(mail?.textBody).not.toContain('late cancellation');
    const [cancelledEvent] = events(mail?.attachments[0]?.content ?? '');
    expect(cancelledEvent?.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelledEvent?.vevent.getFirstPropertyValue('sequence')).toBe(1);
    // Twice → 409, and no second mail.
    expect((await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} })).statusCode).toBe(409);
    expect((await mailsTo(advisor, 'advisor_appointment_cancelled')).filter((m) => m.textBody.includes('Liam'))).toHaveLength(1);
  });

  it('APPT-03: a late cancellation says so in the advisor’s mail', async () => {
    const student = await signedInUser(t.app, { name: 'Jonas Becker' });
    // Wednesday 4 March 10:00 New York (EST), cancelled Tuesday 3 March 12:00: inside the 24-hour cutoff.
    const id = await booked(student, '2026-03-04T15:00:00Z');
    t.clock.set(new Date('2026-03-03T17:00:00Z'));
    const again = await signInAgain(t.app, student);
    const response = await as(t.app, again.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} });
    expect(response.json().appointment.status).toBe('late_cancelled');
    const mail = (await mailsTo(advisor, 'advisor_appointment_cancelled')).find((m) => m.textBody.includes('Jonas'));
    expect(mail?.textBody).toContain('It was cancelled after the office’s cutoff, so it is recorded as a late cancellation.');
    expect(mail?.textBody).toContain('Wed 4 Mar, 10:00 (America/New_York)');
  });

  it('an advisor cancelling their own appointment mails the student, not themself', async () => {
    const student = await signedInUser(t.app);
    const id = await booked(student, ny(16, '11:00'));
    const before = await mailsTo(advisor, 'advisor_appointment_cancelled');
    const response = await as(t.app, advisor.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/cancel`, payload: {} });
    expect(response.statusCode).toBe(200);
    expect(await mailsTo(advisor, 'advisor_appointment_cancelled')).toHaveLength(before.length);
    expect(await mailsTo(student, 'appointment_cancelled')).toHaveLength(1);
  });
});

describe('the advisor is emailed when a student reschedules', () => {
  it('200: a move with the same advisor sends one “moved” mail with both events (old cancelled, new confirmed)', async () => {
    const student = await signedInUser(t.app, { name: 'Priya Raman' });
    const id = await booked(student, ny(17, '09:00'));
    const moved = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(17, '14:00') } });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json().appointment.id;
    const mail = (await mailsTo(advisor, 'advisor_appointment_rescheduled')).find((m) => m.textBody.includes('Priya'));
    expect(mail?.subject).toBe('Appointment moved: Priya Raman, Part-Time Job Search Strategies');
    expect(mail?.textBody).toContain('Priya Raman moved the appointment on Tue 17 Mar, 09:00 (America/New_York) to a new time.');
    expect(mail?.textBody).toContain('When: Tue 17 Mar, 14:00 (America/New_York)');
    const parts = events(mail?.attachments[0]?.content ?? '');
    expect(parts.map((p) => [p.event.uid, p.vevent.getFirstPropertyValue('status')])).toEqual([
      [`${id}@rapport`, 'CANCELLED'],
      [`${next}@rapport`, 'CONFIRMED'],
    ]);
  });

  it('a move to another advisor: the old advisor gets a cancellation, the new one a booking', async () => {
    const student = await signedInUser(t.app, { name: 'Tomás Herrera' });
    const id = await booked(student, ny(18, '09:00'));
    const moved = await as(t.app, student.cookie)({
      method: 'POST',
      url: `/api/v1/appointments/${id}/reschedule`,
      payload: { start: '2026-03-19T09:00:00Z', advisorId: berlinAdvisor.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await mailsTo(advisor, 'advisor_appointment_cancelled')).some((m) => m.textBody.includes('Tomás'))).toBe(true);
    const booking = (await mailsTo(berlinAdvisor, 'advisor_appointment_booked')).find((m) => m.textBody.includes('Tomás'));
    expect(booking?.textBody).toContain('When: Thu 19 Mar, 10:00 (Europe/Berlin)');
  });

  it('a refused move (taken 409, bad body 400, someone else’s 404) mails no advisor', async () => {
    const [student, other] = [await signedInUser(t.app, { name: 'Hannah Lindqvist' }), await signedInUser(t.app)];
    const id = await booked(student, ny(19, '09:00'));
    await booked(other, ny(19, '10:00'));
    const move = (who: SignedInUser, payload: object) => as(t.app, who.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload });
    expect((await move(student, { start: ny(19, '10:00') })).statusCode).toBe(409);
    expect((await move(student, { start: 'soon' })).statusCode).toBe(400);
    expect((await move(other, { start: ny(19, '11:00') })).statusCode).toBe(404);
    expect((await mailsTo(advisor, 'advisor_appointment_rescheduled')).some((m) => m.textBody.includes('Hannah'))).toBe(false);
  });
});
