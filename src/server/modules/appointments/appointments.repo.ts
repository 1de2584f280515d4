import { and, asc, desc, eq, exists, getTableColumns, gt, gte, inArray, lt, lte, max, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { TIME_HOLDING_STATUSES, type AppointmentStatus } from '../../../shared/domain/appointment-policy';
import type { Db } from '../../db/client';
import type { DocumentMeta } from '../documents/documents.repo';
import { advisorSettings, appointments, documents, noShowClearances, reasonCodes, users } from '../../db/schema/index';

/**
 * Appointments. A student's queries are scoped by student_id, an advisor's by advisor_id; every status change
 * is a compare-and-swap update that names the status it expects, so a lost race changes nothing.
 */

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointment = Omit<typeof appointments.$inferInsert, 'id' | 'studentId'>;

const students = alias(users, 'student');
const advisors = alias(users, 'advisor');
const { advisorNotes: _private, ...studentColumns } = getTableColumns(appointments);

/** An uploaded document as an appointment shows it: what it is, never its bytes. */
export type DocumentFileMeta = DocumentMeta;

/** An appointment as its student sees it: without the advisor's private notes, with names and the code's label. */
export type StudentAppointment = Omit<AppointmentRow, 'advisorNotes'> & {
  advisorName: string;
  reasonLabel: string;
  documentRequired: AppointmentRow['documentKind'];
  studentProgram: string | null;
  documentFile: DocumentFileMeta | null;
};
/** An appointment as its advisor sees it: everything, with the student's name, email and program. */
export type AdvisorAppointment = AppointmentRow & {
  advisorName: string;
  reasonLabel: string;
  documentRequired: AppointmentRow['documentKind'];
  studentName: string;
  studentEmail: string;
  studentProgram: string | null;
  /** For audit rows (ADR 014); never sent to the browser. */
  studentPseudonym: string;
  documentFile: DocumentFileMeta | null;
};

/** An instant as a typed SQL value inside raw fragments (drivers differ in how they pass a Date). */
const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

const holdsTime = inArray(appointments.status, [...TIME_HOLDING_STATUSES]);

// The uploaded file's description (left join: most appointments have none); the bytes stay in the table.
const documentFile = { id: documents.id, filename: documents.filename, contentType: documents.contentType, size: documents.size };

function studentView(db: Db) {
  return db
    .select({
      ...studentColumns,
      advisorName: advisors.name,
      reasonLabel: reasonCodes.label,
      documentRequired: reasonCodes.needsDocument,
      studentProgram: students.program,
      documentFile,
    })
    .from(appointments)
    .innerJoin(advisors, eq(advisors.id, appointments.advisorId))
    .innerJoin(students, eq(students.id, appointments.studentId))
    .innerJoin(reasonCodes, eq(reasonCodes.code, appointments.reasonCode))
    .leftJoin(documents, eq(documents.id, appointments.documentFileId));
}

function advisorView(db: Db) {
  return db
    .select({
      ...getTableColumns(appointments),
      advisorName: advisors.name,
      reasonLabel: reasonCodes.label,
      documentRequired: reasonCodes.needsDocument,
      studentName: students.name,
      studentEmail: students.email,
      studentProgram: students.program,
      studentPseudonym: students.auditPseudonym,
      documentFile,
    })
    .from(appointments)
    .innerJoin(advisors, eq(advisors.id, appointments.advisorId))
    .innerJoin(students, eq(students.id, appointments.studentId))
    .innerJoin(reasonCodes, eq(reasonCodes.code, appointments.reasonCode))
    .leftJoin(documents, eq(documents.id, appointments.documentFileId));
}

/** Inserts a booking. The exclusion constraint refuses an overlap (23P01); the idempotency index a repeat (23505). */
export async function insertAppointment(db: Db, studentId: string, values: NewAppointment): Promise<AppointmentRow> {
  const rows = await db
    .insert(appointments)
    .values({ ...values, studentId })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('appointments insert returned no row');
  return row;
}

/**
 * Inserts a booking made with an Idempotency-Key; undefined when the student already has a booking with that key.
 * The key is the conflict arbiter, checked before the exclusion constraint, so 23P01 from here always means
 * that another booking holds the time, never that this request is a repeat.
 */
export async function insertKeyedAppointment(db: Db, studentId: string, key: string, values: NewAppointment): Promise<AppointmentRow | undefined> {
  const rows = await db
    .insert(appointments)
    .values({ ...values, studentId, idempotencyKey: key })
    .onConflictDoNothing({ target: [appointments.studentId, appointments.idempotencyKey], where: sql`${appointments.idempotencyKey} is not null` })
    .returning();
  return rows[0];
}

export function findForStudent(db: Db, studentId: string, id: string): Promise<StudentAppointment | undefined> {
  return studentView(db)
    .where(and(eq(appointments.studentId, studentId), eq(appointments.id, id)))
    .limit(1)
    .then((rows) => rows[0]);
}

/** The id of the student's booking made with this Idempotency-Key: one index probe, no joins (the hot path). */
export function findIdByIdempotencyKey(db: Db, studentId: string, key: string): Promise<string | undefined> {
  return db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.studentId, studentId), eq(appointments.idempotencyKey, key)))
    .limit(1)
    .then((rows) => rows[0]?.id);
}

/** The statuses that hold time, as SQL literals: the planner then sees the no-overlap index's own predicate. */
const HOLDS_TIME_LITERALS = sql.raw(`(${TIME_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/** What a student's booking asks before its transaction (ADR 016). */
export type FirstLook = { studentId: string; key: string | undefined; advisorId: string; start: Date; end: Date };

/**
 * For each booking about to start: the id of the student's booking made with its Idempotency-Key (null without a
 * key or when there is none), and whether a time-holding appointment of the advisor already overlaps [start, end)
 * (APPT-07, through the no-overlap constraint's index). One statement for any number of bookings, so all answers
 * come from one snapshot; answers in the order asked. The exclusion constraint stays the guard for what follows.
 */
export async function findKeyedOrHolders(db: Db, looks: readonly FirstLook[]): Promise<{ keyedId: string | null; taken: boolean }[]> {
  if (looks.length === 0) return [];
  const column = <T>(pick: (look: FirstLook) => T) => sql.param(looks.map(pick));
  const result = (await db.execute(sql`
    select (select a.id from ${appointments} a
             where a.student_id = q.student_id and a.idempotency_key = q.key limit 1) as keyed_id,
           exists (select 1 from ${appointments} a
                    where a.advisor_id = q.advisor_id
                      and a.status in ${HOLDS_TIME_LITERALS}
                      and tstzrange(a.starts_at, a.ends_at) && tstzrange(q.starts_at, q.ends_at)) as taken
      from unnest(${column((l) => l.studentId)}::uuid[], ${column((l) => l.key ?? null)}::text[], ${column((l) => l.advisorId)}::uuid[],
                  ${column((l) => l.start.toISOString())}::timestamptz[], ${column((l) => l.end.toISOString())}::timestamptz[])
           with ordinality as q(student_id, key, advisor_id, starts_at, ends_at, n)
     order by q.n`)) as unknown as { rows: { keyed_id: string | null; taken: boolean }[] };
  return result.rows.map((row) => ({ keyedId: row.keyed_id ?? null, taken: row.taken === true }));
}

/** The appointment a reschedule of `fromId` created, if any. */
export function findRescheduledFrom(db: Db, studentId: string, fromId: string): Promise<StudentAppointment | undefined> {
  return studentView(db)
    .where(and(eq(appointments.studentId, studentId), eq(appointments.rescheduledFromId, fromId)))
    .orderBy(desc(appointments.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
}

export function listForStudent(db: Db, studentId: string, scope: 'upcoming' | 'past' | 'all', now: Date, limit: number): Promise<StudentAppointment[]> {
  const conditions: SQL[] = [eq(appointments.studentId, studentId)];
  if (scope === 'upcoming') conditions.push(gt(appointments.endsAt, now));
  if (scope === 'past') conditions.push(lte(appointments.endsAt, now));
  return studentView(db)
    .where(and(...conditions))
    .orderBy(scope === 'past' ? desc(appointments.startsAt) : asc(appointments.startsAt), asc(appointments.id))
    .limit(limit);
}

export function findForAdvisor(db: Db, advisorId: string, id: string): Promise<AdvisorAppointment | undefined> {
  return advisorView(db)
    .where(and(eq(appointments.advisorId, advisorId), eq(appointments.id, id)))
    .limit(1)
    .then((rows) => rows[0]);
}

/** The advisor's appointments starting in [from, to), cancelled ones only when asked for. */
export function listForAdvisor(db: Db, advisorId: string, from: Date, to: Date, includeCancelled: boolean): Promise<AdvisorAppointment[]> {
  return advisorView(db)
    .where(and(eq(appointments.advisorId, advisorId), gte(appointments.startsAt, from), lt(appointments.startsAt, to), includeCancelled ? undefined : holdsTime))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}

/** Time-holding appointments of these advisors that overlap [from, to): the busy time of a slot search. */
export function listBusy(db: Db, advisorIds: string[], from: Date, to: Date) {
  if (advisorIds.length === 0) return Promise.resolve([]);
  return db
    .select({ advisorId: appointments.advisorId, start: appointments.startsAt, end: appointments.endsAt })
    .from(appointments)
    .where(and(inArray(appointments.advisorId, advisorIds), holdsTime, lt(appointments.startsAt, to), gt(appointments.endsAt, from)));
}

/**
 * Whether another time-holding appointment of the advisor lies within `bufferMinutes` of [start, end)
 * (`self` is the booking being made; overlaps themselves are the exclusion constraint's to refuse).
 */
export async function hasBufferConflict(db: Db, advisorId: string, self: string, start: Date, end: Date, bufferMinutes: number): Promise<boolean> {
  if (bufferMinutes <= 0) return false;
  const buffer = bufferMinutes * 60_000;
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.advisorId, advisorId),
        ne(appointments.id, self),
        holdsTime,
        lt(appointments.startsAt, new Date(end.getTime() + buffer)),
        gt(appointments.endsAt, new Date(start.getTime() - buffer)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Queues the transactions that change which time these advisors hold (book, reschedule, cancel, attendance),
 * in id order, until commit. Correctness stays with the exclusion constraint (APPT-07); the lock only stops
 * bookings that wait on each other's uncommitted rows from forming a cycle, which PostgreSQL would break after
 * its deadlock timeout (1 s) by aborting one of them. PGlite runs one transaction at a time anyway.
 */
export async function lockAdvisorTime(db: Db, advisorIds: string[]): Promise<void> {
  for (const id of [...new Set(advisorIds)].sort()) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`advisor-time:${id}`}, 0))`);
  }
}

/** Serialises one student's bookings (term cap, APPT-06) for the rest of the transaction; PGlite runs one at a time anyway. */
export async function lockStudentBookings(db: Db, studentId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`appointments:${studentId}`}, 0))`);
}

/**
 * APPT-05/06 counters in one statement: bookings counting toward the cap in one period (leaving out `exceptId`,
 * the booking being made), no-shows since the latest staff clearance in another.
 */
export async function countTermActivity(
  db: Db,
  studentId: string,
  cap: { from: Date; to: Date },
  noShows: { from: Date; to: Date },
  exceptId = '00000000-0000-0000-0000-000000000000',
): Promise<{ appointments: number; noShows: number }> {
  const cleared = db
    .select({ at: max(noShowClearances.clearedAt) })
    .from(noShowClearances)
    .where(eq(noShowClearances.studentId, studentId));
  const rows = await db
    .select({
      appointments: sql<number>`count(*) filter (where ${appointments.status} <> 'cancelled' and ${appointments.id} <> ${exceptId}::uuid and ${appointments.startsAt} >= ${iso(cap.from)} and ${appointments.startsAt} < ${iso(cap.to)})`.mapWith(Number),
      noShows: sql<number>`count(*) filter (where ${appointments.status} = 'no_show' and ${appointments.startsAt} >= ${iso(noShows.from)} and ${appointments.startsAt} < ${iso(noShows.to)} and ${appointments.startsAt} > coalesce((${cleared}), '-infinity'::timestamptz))`.mapWith(Number),
    })
    .from(appointments)
    .where(eq(appointments.studentId, studentId));
  return rows[0] ?? { appointments: 0, noShows: 0 };
}

export type CancelValues = { status: 'cancelled' | 'late_cancelled'; now: Date; cancelledBy: string; reason: string | null };

function cancelSet(values: CancelValues) {
  return {
    status: values.status,
    cancelledAt: values.now,
    cancelledBy: values.cancelledBy,
    cancelReason: values.reason,
    lateCancellation: values.status === 'late_cancelled',
    sequence: sql`${appointments.sequence} + 1`,
    updatedAt: values.now,
  };
}

/** Student cancels: booked → cancelled | late_cancelled, only while booked and not started. */
export async function cancelAsStudent(db: Db, studentId: string, id: string, values: CancelValues): Promise<AppointmentRow | undefined> {
  const rows = await db
    .update(appointments)
    .set(cancelSet(values))
    .where(and(eq(appointments.studentId, studentId), eq(appointments.id, id), eq(appointments.status, 'booked'), gt(appointments.startsAt, values.now)))
    .returning();
  return rows[0];
}

/** Advisor cancels: booked → cancelled, only while booked and not started. */
export async function cancelAsAdvisor(db: Db, advisorId: string, id: string, values: CancelValues): Promise<AppointmentRow | undefined> {
  const rows = await db
    .update(appointments)
    .set(cancelSet(values))
    .where(and(eq(appointments.advisorId, advisorId), eq(appointments.id, id), eq(appointments.status, 'booked'), gt(appointments.startsAt, values.now)))
    .returning();
  return rows[0];
}

/** APPT-04: records an outcome, only from the status the caller read and once the appointment has started. */
export async function markOutcome(
  db: Db,
  advisorId: string,
  id: string,
  expected: AppointmentStatus,
  values: { status: AppointmentStatus; arrivedAt: Date | null; now: Date },
): Promise<AppointmentRow | undefined> {
  const rows = await db
    .update(appointments)
    .set({ status: values.status, arrivedAt: values.arrivedAt, outcomeMarkedAt: values.now, updatedAt: values.now })
    .where(and(eq(appointments.advisorId, advisorId), eq(appointments.id, id), eq(appointments.status, expected), lte(appointments.startsAt, values.now)))
    .returning();
  return rows[0];
}

export async function saveAdvisorNotes(db: Db, advisorId: string, id: string, notes: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ advisorNotes: notes, updatedAt: now })
    .where(and(eq(appointments.advisorId, advisorId), eq(appointments.id, id)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** APPT-02: replaces the document while the appointment is booked and the deadline (start − lead) has not passed. */
export async function saveDocument(
  db: Db,
  studentId: string,
  id: string,
  document: { url: string | null; text: string | null; fileId: string | null },
  now: Date,
  leadHours: number,
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ documentUrl: document.url, documentText: document.text, documentFileId: document.fileId, documentSubmittedAt: now, updatedAt: now })
    .where(
      and(
        eq(appointments.studentId, studentId),
        eq(appointments.id, id),
        eq(appointments.status, 'booked'),
        gte(appointments.startsAt, new Date(now.getTime() + leadHours * 3_600_000)),
      ),
    )
    .returning({ id: appointments.id });
  return rows.length > 0;
}

export async function insertClearance(db: Db, actorId: string, studentId: string, note: string, now: Date): Promise<Date> {
  const rows = await db.insert(noShowClearances).values({ studentId, clearedBy: actorId, note, clearedAt: now }).returning({ at: noShowClearances.clearedAt });
  return rows[0]?.at ?? now;
}

/** A student (or alumnus) who may book, found by id or email: whom an advisor books for, whom staff clear. */
export type BookingUser = { id: string; name: string; email: string; role: 'student' | 'alumni'; program: string | null; auditPseudonym: string };

const bookingRoles = inArray(users.role, ['student', 'alumni']);

export async function findBookingUser(db: Db, by: { id: string } | { email: string }): Promise<BookingUser | undefined> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, program: users.program, auditPseudonym: users.auditPseudonym })
    .from(users)
    .where(and('id' in by ? eq(users.id, by.id) : sql`lower(${users.email}) = ${by.email.toLowerCase()}`, bookingRoles))
    .limit(1);
  const row = rows[0];
  return row && (row.role === 'student' || row.role === 'alumni') ? { ...row, role: row.role } : undefined;
}

/** Whether the student ever had an appointment with the advisor, with the student's audit pseudonym when so. */
export async function findStudentOfAdvisor(db: Db, advisorId: string, studentId: string): Promise<{ auditPseudonym: string } | undefined> {
  const rows = await db
    .select({ auditPseudonym: users.auditPseudonym })
    .from(users)
    .where(
      and(
        eq(users.id, studentId),
        exists(
          db
            .select({ one: sql`1` })
            .from(appointments)
            .where(and(eq(appointments.advisorId, advisorId), eq(appointments.studentId, users.id))),
        ),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Where and in which zone to write to an advisor about their appointments (zone null until they set one). */
export function findAdvisorContact(db: Db, advisorId: string): Promise<{ id: string; name: string; email: string; timeZone: string | null } | undefined> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: advisorSettings.timeZone })
    .from(users)
    .leftJoin(advisorSettings, eq(advisorSettings.advisorId, users.id))
    .where(eq(users.id, advisorId))
    .limit(1)
    .then((rows) => rows[0]);
}

/** The advisor's appointments for a calendar feed: time-holding ones from `from` on. */
export function listFeedAppointments(db: Db, advisorId: string, from: Date, limit: number): Promise<AdvisorAppointment[]> {
  return advisorView(db)
    .where(and(eq(appointments.advisorId, advisorId), holdsTime, gte(appointments.startsAt, from)))
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
}
