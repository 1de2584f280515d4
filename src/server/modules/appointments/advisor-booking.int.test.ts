import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signInAgain, signedInUser, uploadedDocumentId, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { appointments, auditEvents, mailOutbox } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * An advisor books for a student (POST /api/v1/advisors/me/appointments) when the office policy allows it: with
 * themself, on their own grid, under the student's no-show standing (APPT-05) and term cap (APPT-06), never
 * over another booking (APPT-07); the booking records who made it, the student is mailed, and it is audited.
 */

let t: TestApp;
let advisor: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z. The advisor works Monday–Friday 09:00–17:00 New York.
const NOW = new Date('2026-03-02T12:00:00Z');
const URL = '/api/v1/advisors/me/appointments';

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  advisor = await bookableAdvisor(t.app, { name: 'Maya Castillo', codes: ['PART_TIME_JOB_SEARCH', 'RESUME_REVIEW', 'ALUMNI_CAREER_CHANGE'] });
  admin = await signedInUser(t.app, { role: 'admin' });
});
beforeEach(async () => {
  t.clock.set(NOW);
  await saveOfficePolicy(t.app, admin, { advisorsMayBook: true });
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in March 2026 after the DST switch on the 8th (EDT, UTC−4). */
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

function bookFor(who: SignedInUser, payload: Record<string, unknown>) {
  return as(t.app, who.cookie)({ method: 'POST', url: URL, payload: { reasonCode: 'PART_TIME_JOB_SEARCH', mode: 'in_person', note: 'Booked at the front desk', ...payload } });
}

async function policy() {
  return (await as(t.app, admin.cookie)({ method: 'GET', url: '/api/v1/admin/office-policy' })).json().policy;
}

describe('the office option “advisors may book for students”', () => {
  it('is off by default: 403 ADVISOR_BOOKING_DISABLED; a policy saved without the field keeps it as it was', async () => {
    const fresh = await createTestApp({ clock: manualClock(NOW) });
    try {
      const freshAdmin = await signedInUser(fresh.app, { role: 'admin' });
      const freshAdvisor = await bookableAdvisor(fresh.app);
      const student = await signedInUser(fresh.app);
      const get = async () => (await as(fresh.app, freshAdmin.cookie)({ method: 'GET', url: '/api/v1/admin/office-policy' })).json().policy;
      expect((await get()).advisorsMayBook).toBe(false);
      const refused = await as(fresh.app, freshAdvisor.cookie)({
        method: 'POST',
        url: URL,
        payload: { studentId: student.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny(10, '10:00'), mode: 'video' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({ code: 'ADVISOR_BOOKING_DISABLED', message: expect.stringContaining('does not let advisors book') });
      const mayBook = async () => (await as(fresh.app, freshAdvisor.cookie)({ method: 'GET', url: '/api/v1/advisors/me/settings' })).json().settings.mayBookForStudents;
      expect(await mayBook()).toBe(false);
      await saveOfficePolicy(fresh.app, freshAdmin, { advisorsMayBook: true });
      expect((await get()).advisorsMayBook).toBe(true);
      // Advisors cannot read the office policy; their settings say whether they may book for students.
      expect(await mayBook()).toBe(true);
      // The web's form (written before the option) sends the policy without it: the saved value stays.
      await saveOfficePolicy(fresh.app, freshAdmin, { termCap: 4 });
      expect(await get()).toMatchObject({ advisorsMayBook: true, termCap: 4 });
      await saveOfficePolicy(fresh.app, freshAdmin, { advisorsMayBook: false });
      expect((await get()).advisorsMayBook).toBe(false);
      expect((await as(fresh.app, freshAdmin.cookie)({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: { ...(await get()), advisorsMayBook: 'yes' } })).statusCode).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});

describe('POST /api/v1/advisors/me/appointments', () => {
  it('201: books with the advisor for a student found by id, records who booked it, mails the student the confirmation with the .ics, and audits it', async () => {
    const student = await signedInUser(t.app, { name: 'Aisha Bello', program: 'BA Economics, class of 2027' });
    const response = await bookFor(advisor, { studentId: student.id, start: ny(10, '10:00') });
    expect(response.statusCode, response.body).toBe(201);
    const appointment = response.json().appointment;
    expect(appointment).toMatchObject({
      advisorId: advisor.id,
      studentId: student.id,
      student: { id: student.id, name: 'Aisha Bello', email: student.email },
      studentProgram: 'BA Economics, class of 2027',
      bookedById: advisor.id,
      reasonCode: 'PART_TIME_JOB_SEARCH',
      start: ny(10, '10:00'),
      status: 'booked',
      note: 'Booked at the front desk',
      advisorNotes: '',
    });
    const [row] = await t.app.services.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row?.bookedBy).toBe(advisor.id);

    const mails = await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, student.email));
    expect(mails.map((m) => m.kind)).toEqual(['appointment_confirmation']);
    expect(mails[0]?.textBody).toContain('Maya Castillo booked an advising appointment for you.');
    expect(mails[0]?.attachments[0]?.content).toContain(`UID:${appointment.id}@rapport`);
    // The advisor made the booking: no mail to themself.
    expect(await t.app.services.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, advisor.email), eq(mailOutbox.kind, 'advisor_appointment_booked')))).toEqual([]);

    const audit = await t.app.services.db.select().from(auditEvents).where(and(eq(auditEvents.studentId, student.id), eq(auditEvents.action, 'appointment_booked_for_student')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: advisor.id, actorRole: 'advisor', targetType: 'appointment', targetId: appointment.id });

    // The student sees it among their own, booked by the advisor.
    const mine = await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${appointment.id}` });
    expect(mine.json().appointment).toMatchObject({ bookedById: advisor.id, studentProgram: 'BA Economics, class of 2027' });
  });

  it('finds the student by email (any case); an alumnus is booked with an alumni code (APPT-01 audience)', async () => {
    const student = await signedInUser(t.app, { name: 'Mei Tanaka' });
    const byEmail = await bookFor(advisor, { studentEmail: student.email.toUpperCase(), start: ny(10, '11:00'), mode: 'video' });
    expect(byEmail.statusCode, byEmail.body).toBe(201);
    expect(byEmail.json().appointment.studentId).toBe(student.id);
    const alumnus = await signedInUser(t.app, { role: 'alumni' });
    const career = await bookFor(advisor, { studentId: alumnus.id, reasonCode: 'ALUMNI_CAREER_CHANGE', start: ny(10, '13:00'), mode: 'video' });
    expect(career.statusCode, career.body).toBe(201);
    // APPT-01: the code must be one the student may book.
    const wrong = await bookFor(advisor, { studentId: student.id, reasonCode: 'ALUMNI_CAREER_CHANGE', start: ny(10, '15:00'), mode: 'video' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('REASON_CODE_UNAVAILABLE');
  });

  it('APPT-02: a code that needs a document is booked without one; the student adds it later, before the deadline', async () => {
    const student = await signedInUser(t.app);
    const response = await bookFor(advisor, { studentId: student.id, reasonCode: 'RESUME_REVIEW', start: ny(11, '10:00') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().appointment).toMatchObject({ documentRequired: 'resume', document: null });
    const id = response.json().appointment.id;
    const [mail] = await t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, student.email));
    expect(mail?.textBody).toContain('This appointment needs your document (resume)');
    const fileId = await uploadedDocumentId(t.app, student);
    const added = await as(t.app, student.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { fileId } });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().appointment.document).toMatchObject({ kind: 'resume', file: { id: fileId, filename: 'resume.pdf' } });
    // APPT-02 lead time: within 24 hours of the start the code is not offered, for an advisor either.
    const soon = await bookFor(advisor, { studentId: student.id, reasonCode: 'RESUME_REVIEW', start: '2026-03-02T19:00:00Z' });
    expect(soon.statusCode).toBe(409);
    expect(soon.json().error.code).toBe('DOCUMENT_DEADLINE_PASSED');
  });

  it('APPT-07: a time another booking holds → 409 APPOINTMENT_SLOT_TAKEN; off the advisor’s grid → 409 SLOT_NOT_AVAILABLE', async () => {
    const [student, other] = [await signedInUser(t.app), await signedInUser(t.app)];
    const own = await as(t.app, other.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny(12, '10:00'), mode: 'video' },
    });
    expect(own.statusCode).toBe(201);
    const taken = await bookFor(advisor, { studentId: student.id, start: ny(12, '10:00') });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('APPOINTMENT_SLOT_TAKEN');
    const offGrid = await bookFor(advisor, { studentId: student.id, start: ny(12, '19:00') });
    expect(offGrid.statusCode).toBe(409);
    expect(offGrid.json().error.code).toBe('SLOT_NOT_AVAILABLE');
    // Nothing was written for the student, nor audited.
    expect(await t.app.services.db.select().from(appointments).where(eq(appointments.studentId, student.id))).toEqual([]);
    expect(await t.app.services.db.select().from(auditEvents).where(eq(auditEvents.studentId, student.id))).toEqual([]);
  });

  it('APPT-06: the student’s term cap applies → 409 TERM_CAP_REACHED, worded for the advisor', async () => {
    await saveOfficePolicy(t.app, admin, { advisorsMayBook: true, termCap: 1 });
    const student = await signedInUser(t.app);
    expect((await bookFor(advisor, { studentId: student.id, start: ny(13, '09:00') })).statusCode).toBe(201);
    const second = await bookFor(advisor, { studentId: student.id, start: ny(13, '10:00') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({ code: 'TERM_CAP_REACHED', message: 'The student has the 1 appointments allowed this term.' });
  });

  it('APPT-05: a student blocked by no-shows → 403 BOOKING_BLOCKED until the advisor records the staff meeting', async () => {
    const student = await signedInUser(t.app);
    // Wednesday 4 March 09:00, 09:30 and 10:00 New York (EST, UTC−5), all missed.
    const starts = ['2026-03-04T14:00:00Z', '2026-03-04T14:30:00Z', '2026-03-04T15:00:00Z'];
    const ids = [];
    for (const start of starts) {
      const response = await bookFor(advisor, { studentId: student.id, start });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json().appointment.id as string);
    }
    t.clock.set(new Date('2026-03-04T16:00:00Z'));
    const later = await signInAgain(t.app, advisor);
    for (const id of ids) {
      await as(t.app, later.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${id}/attendance`, payload: { arrivedAt: null } });
    }
    const blocked = await bookFor(later, { studentId: student.id, start: ny(16, '09:00') });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('BOOKING_BLOCKED');
    expect(blocked.json().error.message).toMatch(/^The student missed 3 appointments this term/);
    await as(t.app, later.cookie)({ method: 'POST', url: `/api/v1/students/${student.id}/no-show-clearance`, payload: {} });
    expect((await bookFor(later, { studentId: student.id, start: ny(16, '09:00') })).statusCode).toBe(201);
  });

  it('404 for an unknown student, an advisor’s or an admin’s id, or an email nobody has', async () => {
    const otherAdvisor = await signedInUser(t.app, { role: 'advisor' });
    for (const payload of [
      { studentId: '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11' },
      { studentId: otherAdvisor.id },
      { studentId: admin.id },
      { studentId: advisor.id },
      { studentEmail: 'nobody@example.edu' },
      { studentEmail: admin.email },
    ]) {
      const response = await bookFor(advisor, { ...payload, start: ny(17, '09:00') });
      expect(response.statusCode, JSON.stringify(payload)).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('400 for both or neither of studentId and studentEmail, a bad start, an advisorId (the advisor is the caller) or other unknown fields', async () => {
    const student = await signedInUser(t.app);
    for (const payload of [
      { start: ny(17, '10:00') },
      { studentId: student.id, studentEmail: student.email, start: ny(17, '10:00') },
      { studentId: student.id, start: 'monday' },
      { studentId: student.id, start: ny(17, '10:00'), advisorId: advisor.id },
      { studentId: student.id, start: ny(17, '10:00'), document: { text: 'résumé' } },
      { studentId: 'not-a-uuid', start: ny(17, '10:00') },
    ]) {
      const response = await bookFor(advisor, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('401 anonymous; 403 for a student, an alumnus or an admin', async () => {
    const student = await signedInUser(t.app);
    const payload = { studentId: student.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny(17, '11:00'), mode: 'video' };
    expect((await t.app.inject({ method: 'POST', url: URL, payload })).statusCode).toBe(401);
    for (const user of [student, await signedInUser(t.app, { role: 'alumni' }), admin]) {
      const response = await as(t.app, user.cookie)({ method: 'POST', url: URL, payload });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await policy()).advisorsMayBook).toBe(true);
  });
});
