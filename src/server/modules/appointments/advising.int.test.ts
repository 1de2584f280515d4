import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { mailOutbox } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/** The advisor's side (issue 4): availability, exceptions, settings, codes offered, agenda, attendance, feed. */

let t: TestApp;
let advisor: SignedInUser;
let student: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z.
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
  advisor = await bookableAdvisor(t.app, { name: 'Daniel Okonkwo', timezone: 'Europe/Berlin', codes: ['PART_TIME_JOB_SEARCH', 'RESUME_REVIEW'] });
  student = await signedInUser(t.app, { name: 'Mei Tanaka' });
  admin = await signedInUser(t.app, { role: 'admin' });
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

const asAdvisor = () => as(t.app, advisor.cookie);
/** An instant at a Berlin wall time in March 2026 before the switch on the 29th (CET, UTC+1). */
const berlin = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00+01:00`).toISOString();

async function bookWith(who: SignedInUser, start: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await as(t.app, who.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'in_person', note: 'Cafe jobs near campus', ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
  return response.json().appointment.id;
}

async function slotStarts(day: string): Promise<string[]> {
  const response = await as(t.app, student.cookie)({
    method: 'GET',
    url: `/api/v1/slots?reasonCode=PART_TIME_JOB_SEARCH&advisorId=${advisor.id}&from=${day}&to=${day}&timeZone=Europe/Berlin`,
  });
  return response.json().items.map((s: { startLocal: string }) => s.startLocal.slice(11, 16));
}

describe('PUT /api/v1/advisors/me/availability', () => {
  it('saves weekly wall-clock hours in an IANA zone (DESIGN.md body); GET returns them', async () => {
    const fresh = await signedInUser(t.app, { role: 'advisor' });
    const before = await as(t.app, fresh.cookie)({ method: 'GET', url: '/api/v1/advisors/me/availability' });
    expect(before.json().availability).toEqual({ timezone: null, weekly: [] });
    const weekly = [
      { weekday: 2, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '24:00' },
    ];
    const saved = await as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/availability', payload: { timezone: 'australia/sydney', weekly } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().availability).toEqual({
      timezone: 'Australia/Sydney',
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '24:00' },
        { weekday: 2, start: '13:00', end: '17:00' },
      ],
    });
    // Replaced as a whole.
    await as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/availability', payload: { timezone: 'Australia/Sydney', weekly: [] } });
    expect((await as(t.app, fresh.cookie)({ method: 'GET', url: '/api/v1/advisors/me/availability' })).json().availability.weekly).toEqual([]);
  });

  it('400 for a zone that is not IANA, a range that ends before it starts, a bad weekday or time, unknown fields', async () => {
    const bad = [
      { timezone: 'Mars/Base', weekly: [] },
      { timezone: '+02:00', weekly: [] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 1, start: '17:00', end: '09:00' }] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 0, start: '09:00', end: '10:00' }] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 1, start: '9:00', end: '10:00' }] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 1, start: '09:00', end: '24:30' }] },
      { timezone: 'Europe/Berlin', weekly: [{ weekday: 1, start: '24:00', end: '24:00' }] },
      { timezone: 'Europe/Berlin', weekly: [], advisorId: student.id },
      { weekly: [] },
    ];
    for (const payload of bad) {
      const response = await asAdvisor()({ method: 'PUT', url: '/api/v1/advisors/me/availability', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a student, alumni or admin cannot set availability (403); anonymous → 401', async () => {
    const payload = { timezone: 'Europe/Berlin', weekly: [{ weekday: 1, start: '09:00', end: '17:00' }] };
    for (const user of [student, admin, await signedInUser(t.app, { role: 'alumni' })]) {
      const response = await as(t.app, user.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/availability', payload });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/advisors/me/availability', payload })).statusCode).toBe(401);
  });
});

describe('settings, exceptions and codes offered', () => {
  it('GET/PUT settings: buffer, notice, horizon; 400 out of range; 403 for a student', async () => {
    const fresh = await signedInUser(t.app, { role: 'advisor' });
    expect((await as(t.app, fresh.cookie)({ method: 'GET', url: '/api/v1/advisors/me/settings' })).json().settings).toEqual({
      timezone: null,
      bufferMinutes: 0,
      minimumNoticeMinutes: 120,
      horizonDays: 56,
      calendarFeed: false,
      mayBookForStudents: false,
    });
    const payload = { timezone: 'America/Chicago', bufferMinutes: 10, minimumNoticeMinutes: 60, horizonDays: 30 };
    const saved = await as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/settings', payload });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings).toEqual({ ...payload, calendarFeed: false, mayBookForStudents: false });
    for (const bad of [{ ...payload, bufferMinutes: -5 }, { ...payload, horizonDays: 0 }, { ...payload, timezone: 'Nowhere' }, { bufferMinutes: 5 }]) {
      expect((await as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/settings', payload: bad })).statusCode).toBe(400);
    }
    // The 400 speaks as the page does: the same words as the browser's own check of the shared contract.
    const tooBig = await as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/settings', payload: { ...payload, bufferMinutes: 500 } });
    expect(tooBig.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Check bufferMinutes: Use a whole number from 0 to 120.',
      issues: [{ path: 'bufferMinutes', message: 'Use a whole number from 0 to 120.' }],
    });
    const badView = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?view=month' });
    expect(badView.json().error.issues).toEqual([{ path: 'view', message: 'Choose one of: day, week.' }]);
    expect((await as(t.app, student.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/settings', payload })).statusCode).toBe(403);
  });

  it('exceptions: a day off removes the weekly hours, extra hours add some, time off blocks an interval; DELETE → 204 then 404', async () => {
    expect(await slotStarts('2026-03-10')).toHaveLength(16);
    const add = (payload: object) => asAdvisor()({ method: 'POST', url: '/api/v1/advisors/me/exceptions', payload });
    const dayOff = await add({ kind: 'day_off', date: '2026-03-10', note: 'Conference' });
    expect(dayOff.statusCode, dayOff.body).toBe(201);
    expect(dayOff.json().exception).toMatchObject({ kind: 'day_off', date: '2026-03-10', note: 'Conference', start: null });
    const extra = await add({ kind: 'extra_hours', date: '2026-03-10', start: '18:00', end: '19:00' });
    expect(extra.statusCode).toBe(201);
    expect(await slotStarts('2026-03-10')).toEqual(['18:00', '18:30']);

    const timeOff = await add({ kind: 'time_off', start: berlin(11, '10:00'), end: berlin(11, '12:00'), note: 'Dentist' });
    expect(timeOff.statusCode).toBe(201);
    const wednesday = await slotStarts('2026-03-11');
    expect(wednesday).not.toContain('10:00');
    expect(wednesday).not.toContain('11:30');
    expect(wednesday).toContain('12:00');

    const list = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/exceptions' });
    expect(list.json().items.map((e: { kind: string }) => e.kind).sort()).toEqual(['day_off', 'extra_hours', 'time_off']);

    for (const bad of [
      { kind: 'time_off', start: berlin(12, '12:00'), end: berlin(12, '10:00') },
      { kind: 'day_off', date: '2026-02-30' },
      { kind: 'extra_hours', date: '2026-03-12', start: '19:00', end: '18:00' },
      { kind: 'vacation', date: '2026-03-12' },
    ]) {
      expect((await add(bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }

    const id = dayOff.json().exception.id;
    expect((await asAdvisor()({ method: 'DELETE', url: `/api/v1/advisors/me/exceptions/${id}` })).statusCode).toBe(204);
    expect((await asAdvisor()({ method: 'DELETE', url: `/api/v1/advisors/me/exceptions/${id}` })).statusCode).toBe(404);
    expect(await slotStarts('2026-03-10')).toHaveLength(18);
    expect((await as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/advisors/me/exceptions', payload: { kind: 'day_off', date: '2026-03-13' } })).statusCode).toBe(403);
  });

  it('PUT reason-codes sets the codes offered; an unknown or retired code → 400', async () => {
    const fresh = await signedInUser(t.app, { role: 'advisor' });
    const put = (codes: string[]) => as(t.app, fresh.cookie)({ method: 'PUT', url: '/api/v1/advisors/me/reason-codes', payload: { codes } });
    const saved = await put(['PART_TIME_JOB_SEARCH', 'INTERVIEW_PREP', 'INTERVIEW_PREP']);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().codes).toEqual(['INTERVIEW_PREP', 'PART_TIME_JOB_SEARCH']);
    expect((await put(['NOT_A_CODE'])).statusCode).toBe(400);
    await as(t.app, admin.cookie)({ method: 'PATCH', url: '/api/v1/admin/reason-codes/CAREER_FAIR_PREP', payload: { active: false } });
    expect((await put(['CAREER_FAIR_PREP'])).statusCode).toBe(400);
    expect((await as(t.app, fresh.cookie)({ method: 'GET', url: '/api/v1/advisors/me/reason-codes' })).json().codes).toEqual(['INTERVIEW_PREP', 'PART_TIME_JOB_SEARCH']);
  });
});

describe('agenda, attendance and private notes', () => {
  it('without a date the agenda is today in the advisor’s zone, not the server’s: at 23:30 UTC Berlin is already on the next day', async () => {
    t.clock.set(new Date('2026-03-02T23:30:00Z'));
    // Signed in at that hour (the sessions made at noon have idled out by then).
    const late = await bookableAdvisor(t.app, { name: 'Ines Late', timezone: 'Europe/Berlin', codes: ['PART_TIME_JOB_SEARCH'] });
    const owl = await signedInUser(t.app, { name: 'Night Owl' });
    const id = await bookWith(owl, berlin(3, '09:00'), { advisorId: late.id });
    const today = await as(t.app, late.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda' });
    expect(today.statusCode).toBe(200);
    expect(today.json()).toMatchObject({ timezone: 'Europe/Berlin', date: '2026-03-03', from: '2026-03-02T23:00:00.000Z' });
    expect(today.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    const week = await as(t.app, late.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda?view=week' });
    expect(week.json()).toMatchObject({ date: '2026-03-03', from: '2026-03-01T23:00:00.000Z', to: '2026-03-08T23:00:00.000Z' });
  });

  it('the agenda (day and week, in the advisor’s zone) shows the student’s name, the reason, the note and the document', async () => {
    const id = await bookWith(student, berlin(16, '09:00'));
    const resume = await bookWith(student, berlin(18, '09:00'), { reasonCode: 'RESUME_REVIEW', document: { url: 'https://docs.example.edu/mei.pdf' }, note: '' });
    const day = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-16' });
    expect(day.statusCode).toBe(200);
    expect(day.json()).toMatchObject({ timezone: 'Europe/Berlin', date: '2026-03-16', from: '2026-03-15T23:00:00.000Z', to: '2026-03-16T23:00:00.000Z' });
    expect(day.json().items).toHaveLength(1);
    expect(day.json().items[0]).toMatchObject({
      id,
      student: { id: student.id, name: 'Mei Tanaka', email: student.email },
      reasonCode: 'PART_TIME_JOB_SEARCH',
      reasonLabel: 'Part-Time Job Search Strategies',
      note: 'Cafe jobs near campus',
      status: 'booked',
      advisorNotes: '',
    });
    const week = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-18&view=week' });
    expect(week.json().items.map((a: { id: string }) => a.id)).toEqual([id, resume]);
    expect(week.json().items[1].document).toMatchObject({ kind: 'resume', url: 'https://docs.example.edu/mei.pdf' });

    await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} });
    expect((await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-16' })).json().items).toEqual([]);
    const withCancelled = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-16&includeCancelled=true' });
    expect(withCancelled.json().items[0].status).toBe('cancelled');

    expect((await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=16-03-2026' })).statusCode).toBe(400);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/advisors/me/agenda' })).statusCode).toBe(401);
  });

  it('APPT-04: attendance is marked once started — on time → attended, ≤10 min late → late, later or absent → no-show; corrections allowed', async () => {
    const other = await signedInUser(t.app);
    const ids = [await bookWith(other, berlin(3, '09:00')), await bookWith(other, berlin(3, '09:30')), await bookWith(other, berlin(3, '10:00'))];
    const mark = (who: SignedInUser, id: string, payload: object) => as(t.app, who.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/attendance`, payload });

    const early = await mark(advisor, ids[0] ?? '', { outcome: 'attended' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('APPOINTMENT_NOT_STARTED');

    t.clock.set(new Date(berlin(3, '10:05')));
    const day = await signInAgain(t.app, advisor);
    expect((await mark(day, ids[0] ?? '', { arrivedAt: berlin(3, '08:58') })).json().appointment).toMatchObject({ status: 'attended', arrivedAt: berlin(3, '08:58') });
    expect((await mark(day, ids[1] ?? '', { arrivedAt: berlin(3, '09:38') })).json().appointment.status).toBe('late');
    // Not there five minutes in: too early to call a no-show.
    const pending = await mark(day, ids[2] ?? '', { arrivedAt: null });
    expect(pending.statusCode).toBe(409);
    t.clock.set(new Date(berlin(3, '10:11')));
    const absent = (await mark(day, ids[2] ?? '', { arrivedAt: null })).json().appointment;
    expect(absent).toMatchObject({ status: 'no_show', student: { id: other.id, noShows: 1, standing: 'notice' } });
    // APPT-05 on the agenda: every card of that student says where they stand now; a recorded meeting resets it.
    const standings = async () =>
      (await as(t.app, day.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-03' })).json().items.map((item: { student: { noShows: number; standing: string } }) => item.student);
    expect(await standings()).toEqual(Array(3).fill(expect.objectContaining({ noShows: 1, standing: 'notice' })));
    expect((await as(t.app, day.cookie)({ method: 'POST', url: `/api/v1/students/${other.id}/no-show-clearance`, payload: {} })).statusCode).toBe(201);
    expect(await standings()).toEqual(Array(3).fill(expect.objectContaining({ noShows: 0, standing: 'none' })));
    // A mis-click corrected; the same outcome twice is not a transition.
    expect((await mark(day, ids[1] ?? '', { outcome: 'attended' })).json().appointment.status).toBe('attended');
    const same = await mark(day, ids[1] ?? '', { outcome: 'attended' });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('INVALID_STATUS_TRANSITION');
    expect((await mark(day, ids[1] ?? '', {})).statusCode).toBe(400);
    expect((await mark(day, ids[1] ?? '', { outcome: 'cancelled' })).statusCode).toBe(400);
  });

  it('a cancelled appointment cannot get an outcome (409, never 500); someone else’s → 404', async () => {
    const other = await signedInUser(t.app);
    const id = await bookWith(other, berlin(4, '09:00'));
    await as(t.app, other.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, payload: {} });
    t.clock.set(new Date(berlin(4, '09:30')));
    const day = await signInAgain(t.app, advisor);
    const response = await as(t.app, day.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/attendance`, payload: { outcome: 'attended' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_STATUS_TRANSITION');
    const stranger = await bookableAdvisor(t.app, { name: 'Stranger' });
    expect((await as(t.app, stranger.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` })).statusCode).toBe(404);
  });

  it('private notes are the advisor’s alone: never in the student’s view, the .ics or the feed', async () => {
    const id = await bookWith(student, berlin(19, '11:00'));
    const saved = await asAdvisor()({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${id}/notes`, payload: { notes: 'Seemed anxious about visa rules' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().appointment.advisorNotes).toBe('Seemed anxious about visa rules');
    expect((await asAdvisor()({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` })).json().appointment.advisorNotes).toBe('Seemed anxious about visa rules');
    for (const url of [`/api/v1/appointments/${id}`, '/api/v1/appointments', `/api/v1/appointments/${id}/ics`]) {
      const response = await as(t.app, student.cookie)({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('visa');
    }
    expect((await asAdvisor()({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${id}/notes`, payload: { notes: 5 } })).statusCode).toBe(400);
    const stranger = await bookableAdvisor(t.app, { name: 'Nosy Advisor' });
    expect((await as(t.app, stranger.cookie)({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${id}/notes`, payload: { notes: 'x' } })).statusCode).toBe(404);
  });

  it('the advisor cancels (never a late cancellation) and the student is emailed; twice → 409', async () => {
    const other = await signedInUser(t.app);
    const id = await bookWith(other, berlin(3, '11:00'));
    const cancel = () => asAdvisor()({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/cancel`, payload: { reason: 'Ill' } });
    const first = await cancel();
    expect(first.statusCode).toBe(200);
    expect(first.json().appointment).toMatchObject({ status: 'cancelled', lateCancellation: false, cancelledBy: 'advisor', cancelReason: 'Ill' });
    expect((await cancel()).statusCode).toBe(409);
    // The student's own view says who cancelled and why.
    const seen = (await as(t.app, other.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}` })).json().appointment;
    expect(seen).toMatchObject({ status: 'cancelled', cancelledBy: 'advisor', cancelReason: 'Ill' });
    const mails = await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, other.email));
    const mail = mails.find((m) => m.kind === 'appointment_cancelled');
    expect(mail?.textBody).toContain('Daniel Okonkwo had to cancel your appointment');
    expect(mail?.textBody).toContain('Daniel Okonkwo wrote: Ill');
  });
});

describe('calendar feed (ICS subscription with a secret URL)', () => {
  it('POST creates a secret URL; the feed lists the agenda; rotating kills the old URL; DELETE turns it off', async () => {
    const id = await bookWith(student, berlin(20, '14:00'));
    const created = await asAdvisor()({ method: 'POST', url: '/api/v1/advisors/me/calendar-feed', payload: {} });
    expect(created.statusCode).toBe(201);
    const url: string = created.json().url;
    expect(url).toMatch(new RegExp(`^${t.config.publicUrl}/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}$`));
    const path = url.slice(t.config.publicUrl.length);

    // Calendar apps send no cookie: the URL is the credential.
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport advising: Daniel Okonkwo');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const event = events.find((e) => e.uid === `${id}@rapport`);
    expect(event?.summary).toBe('Part-Time Job Search Strategies: Mei Tanaka');
    expect(event?.startDate.toJSDate().toISOString()).toBe(berlin(20, '14:00'));
    expect((await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/settings' })).json().settings.calendarFeed).toBe(true);

    const rotated = await asAdvisor()({ method: 'POST', url: '/api/v1/advisors/me/calendar-feed', payload: {} });
    const newPath = rotated.json().url.slice(t.config.publicUrl.length);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await asAdvisor()({ method: 'DELETE', url: '/api/v1/advisors/me/calendar-feed' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feeds/guess' })).statusCode).toBe(404);
    expect((await as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/advisors/me/calendar-feed', payload: {} })).statusCode).toBe(403);
  });

  it('an advisor without a zone yet cannot create a feed (409)', async () => {
    const fresh = await signedInUser(t.app, { role: 'advisor' });
    const response = await as(t.app, fresh.cookie)({ method: 'POST', url: '/api/v1/advisors/me/calendar-feed', payload: {} });
    expect(response.statusCode).toBe(409);
  });
});
