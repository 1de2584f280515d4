import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { appointments, mailOutbox } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/** A student's side of advising appointments: slots, booking, cancelling, rescheduling (DOMAIN.md §6). */

let t: TestApp;
let advisor: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z (07:00 in New York). The advisor works Monday–Friday 09:00–17:00 New York.
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  advisor = await bookableAdvisor(t.app, { codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION', 'RESUME_REVIEW', 'ALUMNI_CAREER_CHANGE'] });
  admin = await signedInUser(t.app, { role: 'admin' });
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in March 2026 after the DST switch on the 8th (EDT, UTC−4). */
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

/**
 * Moves the clock to `at` and signs these people in again: sessions idle for more than a day end (the
 * longest idle time the config allows), and these tests jump days ahead.
 */
async function later<T extends SignedInUser[]>(at: Date | string, ...users: T): Promise<T> {
  t.clock.set(new Date(at));
  return (await Promise.all(users.map((user) => signInAgain(t.app, user)))) as T;
}

function bookingBody(start: string, overrides: Record<string, unknown> = {}) {
  return { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'video', note: 'Looking for weekend work', ...overrides };
}

async function book(student: SignedInUser, start: string, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/appointments', headers, payload: bookingBody(start, overrides) });
}

async function booked(student: SignedInUser, start: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await book(student, start, overrides);
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
  return response.json().appointment.id;
}

async function slots(user: SignedInUser, query: string) {
  return as(t.app, user.cookie)({ method: 'GET', url: `/api/v1/slots?${query}` });
}

/** The office policy of these tests (tests/factories.ts: a spring term 2026 in New York) with the overrides. */
const setPolicy = (overrides: Record<string, unknown>) => saveOfficePolicy(t.app, admin, overrides);

function firstEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('GET /api/v1/slots', () => {
  it('lists the open slots of the advisors who offer the code, in the viewer’s zone', async () => {
    const student = await signedInUser(t.app);
    const response = await slots(student, 'reasonCode=PART_TIME_JOB_SEARCH&from=2026-03-09&to=2026-03-09&timeZone=Europe/Berlin');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ reasonCode: 'PART_TIME_JOB_SEARCH', minutes: 30, timeZone: 'Europe/Berlin', truncated: false });
    const mine = body.items.filter((s: { advisorId: string }) => s.advisorId === advisor.id);
    // 09:00–17:00 New York in 30-minute slots: 16 starts, from 13:00Z (14:00 in Berlin, still on winter time).
    expect(mine).toHaveLength(16);
    expect(mine[0]).toEqual({
      advisorId: advisor.id,
      advisorName: 'Maya Castillo',
      start: '2026-03-09T13:00:00.000Z',
      end: '2026-03-09T13:30:00.000Z',
      startLocal: '2026-03-09T14:00:00+01:00',
      label: 'Mon 9 Mar, 14:00',
    });
    // A code the advisor does not offer has no slots from them.
    const other = await slots(student, 'reasonCode=STUDENT_EMPLOYMENT&from=2026-03-09&to=2026-03-09');
    expect(other.json().items.filter((s: { advisorId: string }) => s.advisorId === advisor.id)).toEqual([]);
  });

  it('answers 400 for a missing (APPT-01) or unknown reason code, a bad zone, a bad or too wide range; 401 anonymous', async () => {
    const student = await signedInUser(t.app);
    const bad = [
      'from=2026-03-09',
      'reasonCode=NO_SUCH_REASON',
      'reasonCode=PART_TIME_JOB_SEARCH&timeZone=Mars/Base',
      'reasonCode=PART_TIME_JOB_SEARCH&from=2026-03-10&to=2026-03-09',
      'reasonCode=PART_TIME_JOB_SEARCH&from=2026-03-01&to=2026-06-01',
      'reasonCode=PART_TIME_JOB_SEARCH&from=yesterday',
      'reasonCode=PART_TIME_JOB_SEARCH&minutes=50',
      'reasonCode=PART_TIME_JOB_SEARCH&surprise=1',
    ];
    for (const query of bad) {
      const response = await slots(student, query);
      expect(response.statusCode, query).toBe(400);
    }
    expect((await slots(student, 'reasonCode=NO_SUCH_REASON')).json().error.code).toBe('REASON_CODE_UNAVAILABLE');
    // ALUMNI_CAREER_CHANGE is for alumni only.
    expect((await slots(student, 'reasonCode=ALUMNI_CAREER_CHANGE')).json().error.code).toBe('REASON_CODE_UNAVAILABLE');
    const alumnus = await signedInUser(t.app, { role: 'alumni' });
    expect((await slots(alumnus, 'reasonCode=ALUMNI_CAREER_CHANGE&from=2026-03-09&to=2026-03-09')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/slots?reasonCode=PART_TIME_JOB_SEARCH' })).statusCode).toBe(401);
  });

  it('never offers the past, a slot inside the minimum notice or beyond the horizon, nor one overlapping an appointment + buffer', async () => {
    // Now: Tuesday 3 March, 10:10 New York (EST, UTC−5).
    t.clock.set(new Date('2026-03-03T15:10:00Z'));
    const careful = await bookableAdvisor(t.app, { name: 'Careful Advisor', codes: ['NETWORKING_STRATEGY'], bufferMinutes: 15, minimumNoticeMinutes: 24 * 60, horizonDays: 14 });
    const student = await signedInUser(t.app);
    const starts = async (from: string, to: string) =>
      (await slots(student, `reasonCode=NETWORKING_STRATEGY&advisorId=${careful.id}&from=${from}&to=${to}&timeZone=America/New_York`)).json().items.map(
        (s: { startLocal: string }) => s.startLocal.slice(0, 16),
      );
    // Today and tomorrow before 10:10 are inside the 24-hour notice.
    const early = await starts('2026-03-03', '2026-03-04');
    expect(early[0]).toBe('2026-03-04T10:30');
    expect(early).not.toContain('2026-03-04T10:00');
    // The horizon ends 14 days on, at the same wall time: Tuesday 17 March 10:10.
    const late = await starts('2026-03-17', '2026-03-18');
    expect(late.at(-1)).toBe('2026-03-17T10:00');

    // A booked 10:00–10:30 on Thursday 5 March with a 15-minute buffer: 09:30 and 10:30 go too.
    const other = await signedInUser(t.app);
    const response = await as(t.app, other.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: careful.id, reasonCode: 'NETWORKING_STRATEGY', start: '2026-03-05T15:00:00Z', mode: 'phone' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const thursday = await starts('2026-03-05', '2026-03-05');
    expect(thursday.slice(0, 3)).toEqual(['2026-03-05T09:00', '2026-03-05T11:00', '2026-03-05T11:30']);
    // The buffer is kept at booking too: 10:30 (touching, inside 15 minutes) is refused as taken.
    const tooClose = await as(t.app, student.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: careful.id, reasonCode: 'NETWORKING_STRATEGY', start: '2026-03-05T15:30:00Z', mode: 'phone' },
    });
    expect(tooClose.statusCode).toBe(409);
    expect(tooClose.json().error.code).toBe('APPOINTMENT_SLOT_TAKEN');
  });
});

describe('POST /api/v1/appointments', () => {
  it('books a slot (201) and mails the student a confirmation with the .ics attached', async () => {
    const student = await signedInUser(t.app, { name: 'Aisha Bello' });
    const response = await book(student, ny(10, '13:00'), { timeZone: 'Europe/Berlin' });
    expect(response.statusCode, response.body).toBe(201);
    const appointment = response.json().appointment;
    expect(appointment).toMatchObject({
      advisorId: advisor.id,
      advisorName: 'Maya Castillo',
      studentId: student.id,
      reasonCode: 'PART_TIME_JOB_SEARCH',
      reasonLabel: 'Part-Time Job Search Strategies',
      mode: 'video',
      start: '2026-03-10T17:00:00.000Z',
      end: '2026-03-10T17:30:00.000Z',
      minutes: 30,
      status: 'booked',
      note: 'Looking for weekend work',
      document: null,
      lateCancellation: false,
    });
    expect(appointment).not.toHaveProperty('advisorNotes');

    const mails = await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, student.email));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('no mail');
    expect(mail).toMatchObject({ kind: 'appointment_confirmation', subject: 'Appointment booked: Part-Time Job Search Strategies', userId: student.id });
    expect(mail.textBody).toContain('Hello Aisha Bello,');
    // Written for the student in Berlin: 13:00 in New York is 18:00 there (Berlin switches on the 29th).
    expect(mail.textBody).toContain('When: Tue 10 Mar, 18:00 (Europe/Berlin)');
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0];
    expect(attachment?.filename).toBe('appointment.ics');
    expect(attachment?.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    const { event, calendar } = firstEvent(attachment?.content ?? '');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.uid).toBe(`${appointment.id}@rapport`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-10T17:30:00.000Z');
    expect(event.summary).toBe('Advising: Part-Time Job Search Strategies with Maya Castillo');
  });

  it('refuses bad input with 400: no reason code (APPT-01), a mode or length the code does not offer, unknown fields, a bad start', async () => {
    const student = await signedInUser(t.app);
    const start = ny(10, '14:00');
    const cases: [Record<string, unknown>, string][] = [
      [{ reasonCode: undefined }, 'VALIDATION_FAILED'],
      [{ reasonCode: '' }, 'VALIDATION_FAILED'],
      [{ mode: 'carrier_pigeon' }, 'VALIDATION_FAILED'],
      [{ reasonCode: 'RESUME_REVIEW', mode: 'phone', document: { text: 'My résumé' } }, 'VALIDATION_FAILED'],
      [{ minutes: 60 }, 'VALIDATION_FAILED'],
      [{ studentId: advisor.id }, 'VALIDATION_FAILED'],
      [{ status: 'attended' }, 'VALIDATION_FAILED'],
      [{ start: 'next tuesday' }, 'VALIDATION_FAILED'],
      [{ advisorId: 'not-a-uuid' }, 'VALIDATION_FAILED'],
      [{ reasonCode: 'NO_SUCH_REASON' }, 'REASON_CODE_UNAVAILABLE'],
      [{ reasonCode: 'ALUMNI_CAREER_CHANGE' }, 'REASON_CODE_UNAVAILABLE'],
      [{ document: { url: 'javascript:alert(1)' } }, 'VALIDATION_FAILED'],
    ];
    for (const [overrides, code] of cases) {
      const response = await book(student, start, overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().error.code, JSON.stringify(overrides)).toBe(code);
    }
    // The refusals say what the code does offer, in words.
    const byPhone = (await book(student, start, { reasonCode: 'RESUME_REVIEW', mode: 'phone', document: { text: 'My résumé' } })).json().error;
    expect(byPhone.issues).toEqual([{ path: 'mode', message: expect.stringMatching(/^Choose (in person|by video)( or (in person|by video))*\.$/) }]);
    expect(byPhone.message).toMatch(/^Résumé.* is offered (in person|by video)/);
    expect((await book(student, start, { minutes: 60 })).json().error.issues).toEqual([{ path: 'minutes', message: expect.stringMatching(/^Choose [\d or]+ minutes\.$/) }]);
    expect(await t.app.services.db.select().from(appointments).where(eq(appointments.studentId, student.id))).toEqual([]);
  });

  it('401 anonymous; 403 for an advisor or an admin (an advisor cannot book for a student)', async () => {
    const payload = bookingBody(ny(10, '14:30'));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/appointments', payload })).statusCode).toBe(401);
    for (const user of [advisor, admin]) {
      const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/appointments', payload });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('404 for an advisor that does not exist or is not an advisor', async () => {
    const student = await signedInUser(t.app);
    for (const advisorId of ['3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11', student.id]) {
      const response = await book(student, ny(10, '15:00'), { advisorId });
      expect(response.statusCode, response.body).toBe(404);
    }
  });

  it('409 SLOT_NOT_AVAILABLE for a time the advisor does not offer: off the grid, outside hours, past, or a code they do not offer', async () => {
    const student = await signedInUser(t.app);
    for (const [start, overrides] of [
      [ny(10, '15:10'), {}],
      [ny(10, '18:00'), {}],
      [ny(14, '10:00'), {}],
      ['2026-03-01T15:00:00Z', {}],
      [ny(10, '15:00'), { reasonCode: 'INTERVIEW_PREP' }],
    ] as const) {
      const response = await book(student, start, overrides);
      expect(response.statusCode, `${start} ${response.body}`).toBe(409);
      expect(response.json().error.code).toBe('SLOT_NOT_AVAILABLE');
    }
  });

  it('409 APPOINTMENT_SLOT_TAKEN when the time overlaps another booking, partly or wholly', async () => {
    const [first, second] = [await signedInUser(t.app), await signedInUser(t.app)];
    await booked(first, ny(11, '10:00'), { reasonCode: 'CAREER_EXPLORATION' });
    for (const start of [ny(11, '10:00'), ny(11, '10:30')]) {
      const response = await book(second, start);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toEqual({ code: 'APPOINTMENT_SLOT_TAKEN', message: expect.any(String) });
    }
    // Touching is fine: 11:00 starts when the hour ends.
    expect((await book(second, ny(11, '11:00'))).statusCode).toBe(201);
  });

  it('Idempotency-Key: a retry returns the same appointment (one row); the key on another booking → 422; a bad key → 400', async () => {
    const student = await signedInUser(t.app);
    const headers = { 'idempotency-key': '6f1c2a4e-retry-1' };
    const first = await book(student, ny(11, '14:00'), {}, headers);
    const retry = await book(student, ny(11, '14:00'), {}, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await t.app.services.db.select().from(appointments).where(eq(appointments.studentId, student.id))).toHaveLength(1);

    // Concurrent retries of one request: still one booking, every answer the same appointment.
    const racing = await Promise.all(Array.from({ length: 5 }, () => book(student, ny(11, '15:00'), {}, { 'idempotency-key': 'race-key' })));
    expect(racing.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.json().appointment.id)).size).toBe(1);

    // Even once the time has passed, the retry gets its answer rather than "not available".
    const [student12] = await later('2026-03-12T12:00:00Z', student);
    expect((await book(student12, ny(11, '14:00'), {}, headers)).json().appointment.id).toBe(first.json().appointment.id);

    t.clock.set(NOW);
    const reused = await book(student, ny(11, '16:00'), {}, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const badKey = await book(student, ny(11, '16:00'), {}, { 'idempotency-key': 'x'.repeat(201) });
    expect(badKey.statusCode).toBe(400);
    // Another student may use the same key value: keys are per student.
    expect((await book(await signedInUser(t.app), ny(11, '16:00'), {}, headers)).statusCode).toBe(201);
  });

  it('APPT-02: a code that needs a document → 400 DOCUMENT_REQUIRED without one, 409 inside the 24-hour lead, 201 with one in time', async () => {
    const student = await signedInUser(t.app);
    const resume = { reasonCode: 'RESUME_REVIEW', mode: 'in_person' };
    const missing = await book(student, ny(12, '09:00'), resume);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('DOCUMENT_REQUIRED');

    // At 11:00 New York on Monday, Tuesday 09:00 is 22 hours away: too late for the document.
    t.clock.set(new Date('2026-03-02T16:00:00Z'));
    const tooSoon = await book(student, '2026-03-03T14:00:00Z', { ...resume, document: { url: 'https://docs.example.edu/resume.pdf' } });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.code).toBe('DOCUMENT_DEADLINE_PASSED');
    // And such slots are not offered for the code.
    // Slots of such a code start 24 hours from now at the earliest: Tuesday 11:00 New York.
    const offered = await slots(student, `reasonCode=RESUME_REVIEW&advisorId=${advisor.id}&from=2026-03-03&to=2026-03-03&timeZone=America/New_York`);
    expect(offered.json().items[0].startLocal).toBe('2026-03-03T11:00:00-05:00');

    t.clock.set(NOW);
    const ok = await book(student, ny(12, '09:00'), { ...resume, document: { url: 'https://docs.example.edu/resume.pdf' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().appointment).toMatchObject({
      documentRequired: 'resume',
      document: { kind: 'resume', url: 'https://docs.example.edu/resume.pdf', text: null, submittedAt: NOW.toISOString() },
    });
    const id = ok.json().appointment.id;
    const replaced = await as(t.app, student.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { text: 'Updated résumé text' } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().appointment.document).toMatchObject({ url: null, text: 'Updated résumé text' });
    expect((await as(t.app, student.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { url: 'https://a.example', text: 'both' } })).statusCode).toBe(400);
    const [student11] = await later('2026-03-11T14:00:00Z', student);
    const late = await as(t.app, student11.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { text: 'Too late' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('DOCUMENT_DEADLINE_PASSED');
  });

  it('APPT-02: every appointment says when documents stop being taken, and the date follows the office’s lead time', async () => {
    const student = await signedInUser(t.app);
    const start = ny(13, '10:00');
    const booked = (await book(student, start, { reasonCode: 'RESUME_REVIEW', mode: 'in_person', document: { text: 'My résumé' } })).json().appointment;
    expect(booked.documentDueAt).toBe(new Date(Date.parse(start) - 24 * 3_600_000).toISOString());
    try {
      await setPolicy({ documentLeadHours: 48 });
      const mine = (await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${booked.id}` })).json().appointment;
      expect(mine.documentDueAt).toBe(new Date(Date.parse(start) - 48 * 3_600_000).toISOString());
      const agenda = (await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${booked.id}` })).json().appointment;
      expect(agenda.documentDueAt).toBe(mine.documentDueAt);
    } finally {
      await setPolicy({});
    }
  });
});

describe('no-show ladder (APPT-05) and term cap (APPT-06)', () => {
  it('APPT-05: three no-shows this term → 403 BOOKING_BLOCKED and the standing explains it; a staff meeting lifts the block', async () => {
    await setPolicy({});
    const student = await signedInUser(t.app);
    // Tuesday 3 March 11:00, 11:30 and 12:00 New York (EST); marked after noon.
    const ids = [await booked(student, '2026-03-03T16:00:00Z'), await booked(student, '2026-03-03T16:30:00Z'), await booked(student, '2026-03-03T17:00:00Z')];
    const [advisorLater, studentLater] = await later('2026-03-03T18:00:00Z', advisor, student);
    const asAdvisor = as(t.app, advisorLater.cookie);
    const standings: string[] = [];
    for (const id of ids) {
      const marked = await asAdvisor({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/attendance`, payload: { arrivedAt: null } });
      expect(marked.json().appointment.status, marked.body).toBe('no_show');
      const standing = await as(t.app, studentLater.cookie)({ method: 'GET', url: '/api/v1/appointments/standing' });
      standings.push(standing.json().standing);
    }
    expect(standings).toEqual(['notice', 'warning', 'blocked']);
    const standing = (await as(t.app, studentLater.cookie)({ method: 'GET', url: '/api/v1/appointments/standing' })).json();
    expect(standing).toMatchObject({ term: { name: 'Spring 2026', startsOn: '2026-01-12', endsOn: '2026-05-08' }, noShows: 3, standing: 'blocked', termCap: null });
    expect(standing.message).toMatch(/paused until you meet with career services staff/);

    const blocked = await book(studentLater, ny(16, '09:00'));
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('BOOKING_BLOCKED');

    // Only staff lift it, and an advisor only for their own students.
    const stranger = await bookableAdvisor(t.app, { name: 'Stranger Advisor' });
    const clearUrl = `/api/v1/students/${student.id}/no-show-clearance`;
    expect((await as(t.app, stranger.cookie)({ method: 'POST', url: clearUrl, payload: {} })).statusCode).toBe(404);
    expect((await as(t.app, studentLater.cookie)({ method: 'POST', url: clearUrl, payload: {} })).statusCode).toBe(403);
    const cleared = await asAdvisor({ method: 'POST', url: clearUrl, payload: { note: 'Met on 3 March' } });
    expect(cleared.statusCode).toBe(201);
    expect((await book(studentLater, ny(16, '09:00'))).statusCode).toBe(201);
    expect((await as(t.app, studentLater.cookie)({ method: 'GET', url: '/api/v1/appointments/standing' })).json()).toMatchObject({ noShows: 0, standing: 'none' });
  });

  it('APPT-06: with a cap of 2 per term the third booking → 409 TERM_CAP_REACHED; an on-time cancellation frees a place, a late one does not', async () => {
    await setPolicy({ termCap: 2 });
    try {
      const student = await signedInUser(t.app);
      const first = await booked(student, ny(17, '09:00'));
      await booked(student, ny(17, '09:30'));
      const third = await book(student, ny(17, '10:00'));
      expect(third.statusCode).toBe(409);
      expect(third.json().error.code).toBe('TERM_CAP_REACHED');
      // Two at once cannot both take the last place.
      await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${first}/cancel`, payload: {} });
      const racing = await Promise.all([book(student, ny(17, '10:00')), book(student, ny(17, '10:30'))]);
      expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);

      // A late cancellation still counts toward the cap.
      const late = await signedInUser(t.app);
      const soon = await booked(late, '2026-03-03T19:00:00Z');
      await booked(late, ny(18, '09:00'));
      const [lateAgain] = await later('2026-03-03T12:00:00Z', late);
      const cancelled = await as(t.app, lateAgain.cookie)({ method: 'POST', url: `/api/v1/appointments/${soon}/cancel`, payload: {} });
      expect(cancelled.json().appointment.status).toBe('late_cancelled');
      expect((await book(lateAgain, ny(18, '09:30'))).json().error.code).toBe('TERM_CAP_REACHED');
    } finally {
      t.clock.set(NOW);
      await setPolicy({});
    }
  });
});

describe('my appointments', () => {
  it('GET lists only my own, by scope; GET /:id of someone else’s → 404; a bad id → 400', async () => {
    const [me, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const mine = await booked(me, ny(19, '09:00'));
    const theirs = await booked(other, ny(19, '09:30'));
    const list = await as(t.app, me.cookie)({ method: 'GET', url: '/api/v1/appointments' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([mine]);
    expect((await as(t.app, me.cookie)({ method: 'GET', url: '/api/v1/appointments?scope=past' })).json().items).toEqual([]);
    expect((await as(t.app, me.cookie)({ method: 'GET', url: '/api/v1/appointments?scope=soon' })).statusCode).toBe(400);
    expect((await as(t.app, me.cookie)({ method: 'GET', url: `/api/v1/appointments/${mine}` })).json().appointment.id).toBe(mine);
    expect((await as(t.app, me.cookie)({ method: 'GET', url: `/api/v1/appointments/${theirs}` })).statusCode).toBe(404);
    expect((await as(t.app, me.cookie)({ method: 'GET', url: '/api/v1/appointments/not-an-id' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/appointments' })).statusCode).toBe(401);
    expect((await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/appointments' })).statusCode).toBe(403);
  });

  it('GET /:id/ics downloads the appointment as iCalendar; someone else’s → 404', async () => {
    const [me, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const id = await booked(me, ny(19, '11:00'), { note: 'Bring: list; of, jobs\nand a pen' });
    const response = await as(t.app, me.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}/ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="appointment.ics"');
    const { event, vevent } = firstEvent(response.body);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-19T15:00:00.000Z');
    expect(event.description).toContain('Your note: Bring: list; of, jobs\nand a pen');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Every physical line fits in 75 octets and ends with CRLF (RFC 5545 §3.1).
    for (const line of response.body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect((await as(t.app, other.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}/ics` })).statusCode).toBe(404);
  });
});

describe('POST /api/v1/appointments/:id/cancel', () => {
  it('cancels (200); twice → 409, never 500; the slot is bookable again; the student gets a cancellation email', async () => {
    const student = await signedInUser(t.app);
    const id = await booked(student, ny(20, '09:00'));
    const cancel = () => as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: { reason: 'Got a shift' } });
    const first = await cancel();
    expect(first.statusCode).toBe(200);
    expect(first.json().appointment).toMatchObject({ status: 'cancelled', lateCancellation: false, cancelledAt: NOW.toISOString(), cancelledBy: 'student' });
    const second = await cancel();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('APPOINTMENT_NOT_BOOKED');
    // Concurrent cancels of one booking: one 200 at most, the rest 409.
    const again = await booked(student, ny(20, '09:00'));
    const racing = await Promise.all(Array.from({ length: 4 }, () => as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${again}/cancel` })));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);

    const mails = await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, student.email));
    const cancellation = mails.find((m) => m.kind === 'appointment_cancelled');
    expect(cancellation?.subject).toBe('Appointment cancelled: Part-Time Job Search Strategies');
    const { vevent } = firstEvent(cancellation?.attachments[0]?.content ?? '');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('APPT-03: a cancellation after the cutoff is recorded as late; business-day cutoffs keep the wall time', async () => {
    const student = await signedInUser(t.app);
    // 24 h cutoff: Wednesday 4 March 10:00 New York, cancelled Tuesday 3 March 12:00 New York → late.
    const soon = await booked(student, '2026-03-04T15:00:00Z');
    const [tuesday] = await later('2026-03-03T17:00:00Z', student);
    const late = await as(t.app, tuesday.cookie)({ method: 'POST', url: `/api/v1/appointments/${soon}/cancel`, payload: {} });
    expect(late.json().appointment).toMatchObject({ status: 'late_cancelled', lateCancellation: true });

    // One business day: Monday 16 March 10:00 → the deadline is Friday 13 March 10:00 New York.
    t.clock.set(NOW);
    await setPolicy({ cancellationCutoff: '1_business_day' });
    try {
      const monday = [await booked(student, ny(16, '10:00')), await booked(student, ny(16, '10:30'))];
      const [friday] = await later(ny(13, '10:00'), student);
      expect((await as(t.app, friday.cookie)({ method: 'POST', url: `/api/v1/appointments/${monday[0]}/cancel` })).json().appointment.status).toBe('cancelled');
      t.clock.set(new Date(ny(13, '10:31')));
      expect((await as(t.app, friday.cookie)({ method: 'POST', url: `/api/v1/appointments/${monday[1]}/cancel` })).json().appointment.status).toBe('late_cancelled');
    } finally {
      t.clock.set(NOW);
      await setPolicy({});
    }
  });

  it('409 once the appointment has started; someone else’s → 404; 400 for a bad id or body', async () => {
    const [student, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const id = await booked(student, '2026-03-03T20:00:00Z');
    expect((await as(t.app, other.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect((await as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/appointments/nope/cancel', payload: {} })).statusCode).toBe(400);
    expect((await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: { status: 'cancelled' } })).statusCode).toBe(400);
    const [afterStart] = await later('2026-03-03T20:05:00Z', student);
    const started = await as(t.app, afterStart.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} });
    expect(started.statusCode).toBe(409);
    expect(started.json().error.code).toBe('APPOINTMENT_ALREADY_STARTED');
  });
});

describe('POST /api/v1/appointments/:id/reschedule', () => {
  it('moves an appointment in one transaction: the old one cancelled, a new one booked; a retry returns the same new one', async () => {
    const student = await signedInUser(t.app);
    const id = await booked(student, ny(23, '09:00'));
    const move = () => as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(23, '09:30') } });
    const moved = await move();
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json().appointment;
    expect(next).toMatchObject({ status: 'booked', start: ny(23, '09:30'), rescheduledFromId: id, note: 'Looking for weekend work' });
    const old = await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}` });
    expect(old.json().appointment).toMatchObject({ status: 'cancelled', lateCancellation: false });
    expect((await move()).json().appointment.id).toBe(next.id);
    const mail = (await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, student.email))).find((m) => m.kind === 'appointment_rescheduled');
    expect(mail?.attachments[0]?.content.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('a taken slot → 409 and the original stays booked; after the cutoff → 409 RESCHEDULE_TOO_LATE; off the grid → 409', async () => {
    const [student, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const id = await booked(student, ny(24, '09:00'));
    await booked(other, ny(24, '10:00'));
    const taken = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(24, '10:00') } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('APPOINTMENT_SLOT_TAKEN');
    expect((await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}` })).json().appointment.status).toBe('booked');
    const offGrid = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(24, '20:00') } });
    expect(offGrid.json().error.code).toBe('SLOT_NOT_AVAILABLE');
    expect((await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: {} })).statusCode).toBe(400);
    expect((await as(t.app, other.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(24, '11:00') } })).statusCode).toBe(404);

    const [monday] = await later(ny(23, '12:00'), student);
    const late = await as(t.app, monday.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny(25, '09:00') } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('RESCHEDULE_TOO_LATE');
  });
});
