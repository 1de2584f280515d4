import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signInAgain, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { appointments } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * A reschedule is a new booking for the student: inside its transaction it checks the no-show block (APPT-05)
 * and the term cap (APPT-06) like a booking does, counting in the term of the new time and never counting the
 * appointment being moved against itself.
 */

let t: TestApp;
let advisor: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z.
const NOW = new Date('2026-03-02T12:00:00Z');
const TERMS = [
  { name: 'Spring 2026', startsOn: '2026-01-12', endsOn: '2026-05-08' },
  { name: 'Summer 2026', startsOn: '2026-05-18', endsOn: '2026-08-14' },
];

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  advisor = await bookableAdvisor(t.app);
  admin = await signedInUser(t.app, { role: 'admin' });
});
beforeEach(async () => {
  t.clock.set(NOW);
  await saveOfficePolicy(t.app, admin, { terms: TERMS });
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in 2026 (EDT, UTC−4, from 8 March to 1 November). */
const ny = (date: string, time: string) => new Date(`2026-${date}T${time}:00-04:00`).toISOString();

async function booked(student: SignedInUser, start: string): Promise<string> {
  const response = await as(t.app, student.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'phone' },
  });
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
  return response.json().appointment.id;
}

function move(student: SignedInUser, id: string, start: string) {
  return as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start } });
}

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await t.app.services.db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, id));
  return row?.status;
}

async function activeOf(student: SignedInUser): Promise<number> {
  const rows = await t.app.services.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.studentId, student.id), eq(appointments.status, 'booked')));
  return rows.length;
}

describe('APPT-06: the term cap on reschedule', () => {
  it('APPT-06: at the cap (2 of 2), moving one within the term is allowed: the moved appointment does not count against itself', async () => {
    await saveOfficePolicy(t.app, admin, { terms: TERMS, termCap: 2 });
    const student = await signedInUser(t.app);
    const first = await booked(student, ny('03-16', '09:00'));
    await booked(student, ny('03-16', '09:30'));
    const moved = await move(student, first, ny('03-17', '10:00'));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().appointment).toMatchObject({ status: 'booked', rescheduledFromId: first, bookedById: student.id });
    expect(await activeOf(student)).toBe(2);
  });

  it('APPT-06: moving into another term counts there — a full summer → 409 TERM_CAP_REACHED and the original stays booked', async () => {
    await saveOfficePolicy(t.app, admin, { terms: TERMS, termCap: 2 });
    const student = await signedInUser(t.app);
    const spring = await booked(student, ny('03-18', '09:00'));
    await booked(student, ny('06-01', '09:00'));
    await booked(student, ny('06-01', '09:30'));
    const refused = await move(student, spring, ny('06-02', '09:00'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'TERM_CAP_REACHED', message: expect.stringContaining('2 appointments allowed this term') });
    expect(await statusOf(spring)).toBe('booked');
    expect(await activeOf(student)).toBe(3);
  });

  it('APPT-06: a full spring does not stop a move into a summer with room', async () => {
    await saveOfficePolicy(t.app, admin, { terms: TERMS, termCap: 2 });
    const student = await signedInUser(t.app);
    const spring = await booked(student, ny('03-19', '09:00'));
    await booked(student, ny('03-19', '09:30'));
    const moved = await move(student, spring, ny('06-03', '09:00'));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await statusOf(spring)).toBe('cancelled');
    // Spring now has one place again.
    expect((await as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/appointments', payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny('03-20', '09:00'), mode: 'phone' } })).statusCode).toBe(201);
  });
});

describe('APPT-05: the no-show block on reschedule', () => {
  it('APPT-05: a student blocked by three no-shows cannot move an appointment (403 BOOKING_BLOCKED, nothing changes); after a staff meeting they can', async () => {
    const student = await signedInUser(t.app);
    const future = await booked(student, ny('03-24', '09:00'));
    // Tuesday 3 March 09:00, 09:30 and 10:00 New York (EST, UTC−5), all missed.
    const missed = [await booked(student, '2026-03-03T14:00:00Z'), await booked(student, '2026-03-03T14:30:00Z'), await booked(student, '2026-03-03T15:00:00Z')];
    t.clock.set(new Date('2026-03-03T16:00:00Z'));
    const [advisorLater, studentLater] = await Promise.all([signInAgain(t.app, advisor), signInAgain(t.app, student)]);
    for (const id of missed) {
      const marked = await as(t.app, advisorLater.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/attendance`, payload: { arrivedAt: null } });
      expect(marked.json().appointment.status).toBe('no_show');
    }
    const blocked = await move(studentLater, future, ny('03-25', '09:00'));
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('BOOKING_BLOCKED');
    expect(await statusOf(future)).toBe('booked');

    const cleared = await as(t.app, advisorLater.cookie)({ method: 'POST', url: `/api/v1/students/${student.id}/no-show-clearance`, payload: { note: 'Met' } });
    expect(cleared.statusCode).toBe(201);
    const moved = await move(studentLater, future, ny('03-25', '09:00'));
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

describe('POST /api/v1/appointments/:id/reschedule: the usual refusals', () => {
  it('400 for a bad body, 401 anonymous, 403 for an advisor, 404 for someone else’s appointment', async () => {
    const [student, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const id = await booked(student, ny('03-26', '09:00'));
    expect((await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: 'tomorrow' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny('03-26', '10:00') } })).statusCode).toBe(401);
    expect((await as(t.app, advisor.cookie)({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, payload: { start: ny('03-26', '10:00') } })).statusCode).toBe(403);
    expect((await move(other, id, ny('03-26', '10:00'))).statusCode).toBe(404);
    expect(await statusOf(id)).toBe('booked');
  });
});
