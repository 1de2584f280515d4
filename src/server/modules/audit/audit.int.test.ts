import { eq, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signInAgain, signedInUser, uploadedDocumentId, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { auditEvents, users } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * SECURITY.md audit-and-logs (ASVS 16.2.x): every staff access to a student's records writes an audit row in
 * the same request; admins read them per student with cursor pagination; privacy-export-delete: after an
 * account is erased its audit rows stay, pseudonymised (ADR 014).
 */

let t: TestApp;
let advisor: SignedInUser;
let admin: SignedInUser;
// Monday 2 March 2026, 12:00Z. The advisor works Monday–Friday 09:00–17:00 New York.
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  advisor = await bookableAdvisor(t.app, { name: 'Maya Castillo', codes: ['PART_TIME_JOB_SEARCH', 'RESUME_REVIEW'] });
  admin = await signedInUser(t.app, { role: 'admin', name: 'Grace Whitfield' });
  await saveOfficePolicy(t.app, admin, { advisorsMayBook: true });
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in March 2026 after the DST switch on the 8th (EDT, UTC−4). */
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

async function booked(student: SignedInUser, start: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await as(t.app, student.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'video', ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
  return response.json().appointment.id;
}

async function rowsOf(studentId: string) {
  return t.app.services.db.select().from(auditEvents).where(eq(auditEvents.studentId, studentId)).orderBy(auditEvents.at, auditEvents.action);
}

const asAdvisor = () => as(t.app, advisor.cookie);

describe('audit-and-logs: staff access writes an audit row in the same request', () => {
  it('audit-and-logs: the agenda writes one row per student shown (not per appointment); an empty agenda writes none', async () => {
    const [aisha, mei] = [await signedInUser(t.app, { name: 'Aisha Bello' }), await signedInUser(t.app, { name: 'Mei Tanaka' })];
    await booked(aisha, ny(10, '09:00'));
    await booked(aisha, ny(10, '10:00'));
    await booked(mei, ny(10, '11:00'));
    const agenda = await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-10' });
    expect(agenda.json().items).toHaveLength(3);
    for (const student of [aisha, mei]) {
      const rows = await rowsOf(student.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'agenda_viewed', actorId: advisor.id, actorRole: 'advisor', targetType: 'agenda', targetId: null, at: NOW });
    }
    const before = (await t.app.services.db.select().from(auditEvents)).length;
    expect((await asAdvisor()({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-15' })).json().items).toEqual([]);
    expect((await t.app.services.db.select().from(auditEvents)).length).toBe(before);
  });

  it('audit-and-logs: reading an appointment, marking attendance, writing notes and cancelling each write a row naming the appointment', async () => {
    const student = await signedInUser(t.app);
    const attended = await booked(student, '2026-03-03T15:00:00Z');
    const cancelled = await booked(student, ny(11, '09:00'));
    expect((await asAdvisor()({ method: 'GET', url: `/api/v1/advisors/me/appointments/${attended}` })).statusCode).toBe(200);
    expect((await asAdvisor()({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${attended}/notes`, payload: { notes: 'Follow up on CV' } })).statusCode).toBe(200);
    expect((await asAdvisor()({ method: 'POST', url: `/api/v1/advisors/me/appointments/${cancelled}/cancel`, payload: {} })).statusCode).toBe(200);
    t.clock.set(new Date('2026-03-03T15:20:00Z'));
    const later = await signInAgain(t.app, advisor);
    const marked = await as(t.app, later.cookie)({ method: 'POST', url: `/api/v1/advisors/me/appointments/${attended}/attendance`, payload: { outcome: 'attended' } });
    expect(marked.statusCode).toBe(200);
    const rows = await rowsOf(student.id);
    expect(rows.map((r) => [r.action, r.targetType, r.targetId])).toEqual(
      expect.arrayContaining([
        ['appointment_viewed', 'appointment', attended],
        ['notes_written', 'appointment', attended],
        ['appointment_cancelled', 'appointment', cancelled],
        ['attendance_marked', 'appointment', attended],
      ]),
    );
    expect(rows).toHaveLength(4);
  });

  it('audit-and-logs: booking for a student, downloading their document and clearing no-shows (advisor or admin) write rows', async () => {
    const student = await signedInUser(t.app);
    const byAdvisor = await asAdvisor()({ method: 'POST', url: '/api/v1/advisors/me/appointments', payload: { studentId: student.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: ny(12, '09:00'), mode: 'video' } });
    expect(byAdvisor.statusCode, byAdvisor.body).toBe(201);
    const fileId = await uploadedDocumentId(t.app, student);
    const withFile = await booked(student, ny(12, '10:00'), { reasonCode: 'RESUME_REVIEW', document: { fileId } });
    expect((await asAdvisor()({ method: 'GET', url: `/api/v1/advisors/me/appointments/${withFile}/document` })).statusCode).toBe(200);
    expect((await asAdvisor()({ method: 'POST', url: `/api/v1/students/${student.id}/no-show-clearance`, payload: { note: 'Met' } })).statusCode).toBe(201);
    expect((await as(t.app, admin.cookie)({ method: 'POST', url: `/api/v1/students/${student.id}/no-show-clearance`, payload: {} })).statusCode).toBe(201);
    const rows = await rowsOf(student.id);
    const described = rows.map((r) => [r.action, r.actorRole, r.targetType, r.targetId].join(' ')).sort();
    expect(described).toEqual([
      `appointment_booked_for_student advisor appointment ${byAdvisor.json().appointment.id}`,
      `document_downloaded advisor document ${fileId}`,
      'no_shows_cleared admin student ',
      'no_shows_cleared advisor student ',
    ]);
  });

  it('audit-and-logs: a student’s own reads and refused staff requests (404, 403) write nothing', async () => {
    const student = await signedInUser(t.app);
    const id = await booked(student, ny(13, '09:00'));
    await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}` });
    await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/appointments' });
    const stranger = await bookableAdvisor(t.app, { name: 'Stranger' });
    expect((await as(t.app, stranger.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` })).statusCode).toBe(404);
    expect((await as(t.app, stranger.cookie)({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${id}/notes`, payload: { notes: 'x' } })).statusCode).toBe(404);
    expect((await as(t.app, stranger.cookie)({ method: 'POST', url: `/api/v1/students/${student.id}/no-show-clearance`, payload: {} })).statusCode).toBe(404);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` })).statusCode).toBe(403);
    expect(await rowsOf(student.id)).toEqual([]);
  });
});

describe('GET /api/v1/admin/audit', () => {
  it('200: newest first, with names, roles and pseudonyms; ?studentId= gives one student’s rows', async () => {
    const student = await signedInUser(t.app, { name: 'Jonas Becker' });
    const id = await booked(student, ny(16, '09:00'));
    await asAdvisor()({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` });
    t.clock.set(new Date(NOW.getTime() + 60_000));
    await asAdvisor()({ method: 'PUT', url: `/api/v1/advisors/me/appointments/${id}/notes`, payload: { notes: 'n' } });
    const response = await as(t.app, admin.cookie)({ method: 'GET', url: `/api/v1/admin/audit?studentId=${student.id}` });
    expect(response.statusCode).toBe(200);
    const [pseudonym] = await t.app.services.db.select({ p: users.auditPseudonym }).from(users).where(eq(users.id, student.id));
    expect(response.json()).toEqual({
      items: [
        {
          id: expect.any(String),
          at: new Date(NOW.getTime() + 60_000).toISOString(),
          actor: { id: advisor.id, name: 'Maya Castillo', role: 'advisor', pseudonym: expect.any(String) },
          action: 'notes_written',
          student: { id: student.id, name: 'Jonas Becker', pseudonym: pseudonym?.p },
          target: { type: 'appointment', id },
        },
        expect.objectContaining({ action: 'appointment_viewed', at: NOW.toISOString() }),
      ],
      nextCursor: null,
    });
    const all = await as(t.app, admin.cookie)({ method: 'GET', url: '/api/v1/admin/audit?limit=100' });
    const students = new Set(all.json().items.map((i: { student: { id: string } }) => i.student.id));
    expect(students.size).toBeGreaterThan(1);
  });

  it('pages with limit and an opaque cursor: every row once, in order', async () => {
    const student = await signedInUser(t.app);
    const id = await booked(student, ny(17, '09:00'));
    for (let i = 0; i < 5; i += 1) await asAdvisor()({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/audit?studentId=${student.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await as(t.app, admin.cookie)({ method: 'GET', url })).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const rows = await rowsOf(student.id);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('400 for a bad studentId, cursor or limit, or an unknown parameter; 401 anonymous; 403 for an advisor or a student', async () => {
    for (const query of ['studentId=nope', 'cursor=garbage', 'limit=0', 'limit=101', 'actor=me']) {
      const response = await as(t.app, admin.cookie)({ method: 'GET', url: `/api/v1/admin/audit?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode).toBe(401);
    for (const user of [advisor, await signedInUser(t.app)]) {
      expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode).toBe(403);
    }
  });
});

describe('privacy-export-delete: audit rows outlive an erased account, pseudonymised', () => {
  it('privacy-export-delete: deleting the student and the advisor keeps their rows with ids set to null and stable pseudonyms; no row refers to them', async () => {
    const leaving = await signedInUser(t.app, { name: 'Leaving Student' });
    const staying = await signedInUser(t.app, { name: 'Staying Student' });
    const advisorLeaving = await bookableAdvisor(t.app, { name: 'Leaving Advisor' });
    const book = async (who: SignedInUser, start: string) => {
      const response = await as(t.app, who.cookie)({ method: 'POST', url: '/api/v1/appointments', payload: { advisorId: advisorLeaving.id, reasonCode: 'PART_TIME_JOB_SEARCH', start, mode: 'video' } });
      return response.json().appointment.id as string;
    };
    const first = await book(leaving, ny(18, '09:00'));
    await book(leaving, ny(18, '10:00'));
    await book(staying, ny(18, '11:00'));
    await as(t.app, advisorLeaving.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-18' });
    await as(t.app, advisorLeaving.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${first}` });
    const before = await t.app.services.db.select().from(auditEvents).where(eq(auditEvents.actorId, advisorLeaving.id));
    expect(before).toHaveLength(3);
    const leavingPseudonym = before.find((r) => r.studentId === leaving.id)?.studentPseudonym;
    const advisorPseudonym = before[0]?.actorPseudonym;

    await t.app.services.db.delete(users).where(or(eq(users.id, leaving.id), eq(users.id, advisorLeaving.id)));

    const ids = before.map((r) => r.id);
    const after = await t.app.services.db.select().from(auditEvents).where(sql`${auditEvents.id} in ${ids}`);
    expect(after).toHaveLength(3);
    for (const row of after) {
      expect(row.actorId).toBeNull();
      expect(row.actorPseudonym).toBe(advisorPseudonym);
      expect(row.actorRole).toBe('advisor');
    }
    const leavingRows = after.filter((r) => r.studentPseudonym === leavingPseudonym);
    expect(leavingRows).toHaveLength(2);
    expect(leavingRows.every((r) => r.studentId === null)).toBe(true);
    expect(after.find((r) => r.studentId === staying.id)).toBeDefined();
    // No column of any audit row holds an erased person's id any more.
    const referring = await t.app.services.db
      .select()
      .from(auditEvents)
      .where(sql`${leaving.id}::uuid in (${auditEvents.actorId}, ${auditEvents.studentId}, ${auditEvents.targetId}) or ${advisorLeaving.id}::uuid in (${auditEvents.actorId}, ${auditEvents.studentId}, ${auditEvents.targetId})`);
    expect(referring).toEqual([]);
    // The admin's view shows the pseudonym where the name was.
    const view = await as(t.app, admin.cookie)({ method: 'GET', url: '/api/v1/admin/audit?limit=100' });
    const erased = view.json().items.filter((i: { student: { pseudonym: string } }) => i.student.pseudonym === leavingPseudonym);
    expect(erased).toHaveLength(2);
    expect(erased[0]).toMatchObject({ student: { id: null, name: null }, actor: { id: null, name: null, role: 'advisor', pseudonym: advisorPseudonym } });
  });

  it('privacy-export-delete: pseudonyms are one per person and differ between people', async () => {
    const rows = await t.app.services.db.select({ id: users.id, p: users.auditPseudonym }).from(users);
    expect(new Set(rows.map((r) => r.p)).size).toBe(rows.length);
  });
});
