import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signedInUser, signedInUsers, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { appointments } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';
import { findKeyedOrHolders } from './appointments.repo';

/**
 * L1 (ADR 016): a booking looks before its transaction. A used Idempotency-Key is a repeat (the first answer
 * again), a time already held is 409 at once; everything else is still decided by the exclusion constraint.
 */

let t: TestApp;
let advisor: SignedInUser;
// Monday 2 March 2026, noon UTC; the slots below are in the week after.
const NOW = new Date('2026-03-02T12:00:00Z');
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
  advisor = await bookableAdvisor(t.app, { name: 'First Look Advisor' });
});
afterAll(async () => {
  await t.close();
});

function book(student: SignedInUser, start: string, key?: string, advisorId = advisor.id) {
  return as(t.app, student.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    headers: key ? { 'idempotency-key': key } : {},
    payload: { advisorId, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'in_person' },
  });
}

describe('the look before a booking (ADR 016)', () => {
  it('a replayed Idempotency-Key after the slot is taken still returns the original appointment', async () => {
    const [first, second] = await signedInUsers(t, 2);
    if (!first || !second) throw new Error('no students');
    const original = await book(first, ny(9, '10:00'), 'first-look-1');
    expect(original.statusCode).toBe(201);

    const taken = await book(second, ny(9, '10:00'), 'first-look-2');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('APPOINTMENT_SLOT_TAKEN');

    const replay = await book(first, ny(9, '10:00'), 'first-look-1');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().appointment.id).toBe(original.json().appointment.id);

    // The refused student's retry is refused again and leaves nothing behind.
    const retry = await book(second, ny(9, '10:00'), 'first-look-2');
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('APPOINTMENT_SLOT_TAKEN');
    expect(await t.app.services.db.select().from(appointments).where(eq(appointments.studentId, second.id))).toHaveLength(0);
  });

  it('a replay while the original is still being booked gets the original, never 409', async () => {
    const [student] = await signedInUsers(t, 1);
    if (!student) throw new Error('no student');
    const answers = await Promise.all(Array.from({ length: 6 }, () => book(student, ny(9, '11:00'), 'first-look-race')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().appointment.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
  });

  it('when the booking under way is refused, one that waited behind it gets the slot', async () => {
    const admin = await signedInUser(t.app, { role: 'admin' });
    await saveOfficePolicy(t.app, admin, { termCap: 1 });
    try {
      const [capped, free] = await signedInUsers(t, 2);
      if (!capped || !free) throw new Error('no students');
      expect((await book(capped, ny(10, '09:00'))).statusCode).toBe(201);
      // The capped student's booking is refused inside its transaction (APPT-06); the other's must still win.
      const [refused, won] = await Promise.all([book(capped, ny(10, '14:00'), 'capped'), book(free, ny(10, '14:00'), 'free')]);
      expect(won.statusCode, won.body).toBe(201);
      expect(refused.statusCode).toBe(409);
      expect(['TERM_CAP_REACHED', 'APPOINTMENT_SLOT_TAKEN']).toContain(refused.json().error.code);
      const rows = await t.app.services.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.advisorId, advisor.id), eq(appointments.startsAt, new Date(ny(10, '14:00')))));
      expect(rows.map((r) => r.studentId)).toEqual([free.id]);
    } finally {
      await saveOfficePolicy(t.app, admin, { termCap: null });
    }
  });

  it('bookings of different advisors at once do not wait for each other to succeed', async () => {
    const others = await Promise.all([bookableAdvisor(t.app, { name: 'Other One' }), bookableAdvisor(t.app, { name: 'Other Two' })]);
    const students = await signedInUsers(t, 4);
    const answers = await Promise.all(students.map((student, i) => book(student, ny(11, i < 2 ? '09:00' : '09:30'), `other-${i}`, others[i % 2]?.id)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
  });

  it('answers every look of one statement in the order asked, from one snapshot', async () => {
    const [student] = await signedInUsers(t, 1);
    if (!student) throw new Error('no student');
    const booked = await book(student, ny(12, '10:00'), 'look-key');
    expect(booked.statusCode).toBe(201);
    const at = (time: string) => ({ start: new Date(ny(12, time)), end: new Date(new Date(ny(12, time)).getTime() + 30 * 60_000) });
    const answers = await findKeyedOrHolders(t.app.services.db, [
      { studentId: student.id, key: 'look-key', advisorId: advisor.id, ...at('10:00') },
      { studentId: student.id, key: undefined, advisorId: advisor.id, ...at('10:15') },
      { studentId: student.id, key: 'other-key', advisorId: advisor.id, ...at('10:30') },
      { studentId: advisor.id, key: 'look-key', advisorId: advisor.id, ...at('09:30') },
    ]);
    expect(answers).toEqual([
      { keyedId: booked.json().appointment.id, taken: true },
      { keyedId: null, taken: true },
      { keyedId: null, taken: false },
      { keyedId: null, taken: false },
    ]);
    expect(await findKeyedOrHolders(t.app.services.db, [])).toEqual([]);
  });
});
