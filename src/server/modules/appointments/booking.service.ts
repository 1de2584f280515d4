import type { AdvisorBookingInput, BookAppointmentInput, DocumentInput, RescheduleInput } from '../../../shared/contracts/appointments';
import {
  bookingRefusal,
  cancellationStatus,
  documentDeadline,
  isLateCancellation,
  noShowStanding,
  type NoShowStanding,
} from '../../../shared/domain/appointment-policy';
import { modesInWords } from '../../../shared/domain/reason-codes';
import { sqlConstraint, sqlState, type Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { coalescedLookup } from '../../lib/coalesced-lookup';
import { AppError, errors } from '../../lib/errors';
import { insertAuditEvents, type Actor } from '../audit/audit.repo';
import { findAttachedFile, findOwnedDocument, type AttachedFile, type DocumentMeta } from '../documents/documents.repo';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import {
  advisorBookingMail,
  advisorCancellationMail,
  advisorRescheduleMail,
  cancellationMail,
  confirmationMail,
  rescheduleMail,
  type AdvisorMailRow,
  type MailContext,
  type Recipient,
} from './appointment-mail';
import { buildCalendar } from './appointment-ics';
import { studentEvent } from './appointment-mapping';
import {
  cancelAsStudent,
  countTermActivity,
  findAdvisorContact,
  findBookingUser,
  findForAdvisor,
  findIdByIdempotencyKey,
  findKeyedOrHolders,
  findForStudent,
  findRescheduledFrom,
  hasBufferConflict,
  insertAppointment,
  insertKeyedAppointment,
  listForStudent,
  saveDocument,
  type AdvisorAppointment,
  type FirstLook,
  type StudentAppointment,
} from './appointments.repo';
import { advisorSlots } from './advisor-slots';
import { isAdvisor, listExceptionsOf, listOfferingAdvisors, listRulesOf, type OfferingAdvisor } from './availability.repo';
import { asStudentView, lengthFor, noticeFloor, notAvailable, notBooked, slotTaken, type Caller } from './booking-rules';
import { findReasonCode } from './office.repo';
import { periodAt, type Office, type OfficeService } from './office.service';
import { retryTransient } from './retry-transient';
import type { WriteLocks } from './write-locks';

export type { Caller };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The foreign key of an uploaded file: a violation means the file is gone (swept), not the advisor. */
const DOCUMENT_FILE_FK = 'appointments_document_file_id_documents_id_fk';

/** Who reads a refusal: the student booking, or the advisor booking for them. */
type Voice = 'student' | 'staff';

const STANDING_MESSAGES: Record<NoShowStanding, (n: number) => string> = {
  none: () => '',
  notice: (n) => `You missed ${n === 1 ? 'an appointment' : `${n} appointments`} this term. Cancel ahead when you cannot come, so someone else can use the time.`,
  warning: (n) => `You missed ${n} appointments this term. One more pauses online booking until you meet with career services staff.`,
  blocked: (n) => `You missed ${n} appointments this term, so online booking is paused until you meet with career services staff.`,
};

const REFUSALS: Record<Voice, { blocked: (noShows: number) => string; cap: (cap: number) => string }> = {
  student: {
    blocked: STANDING_MESSAGES.blocked,
    cap: (cap) => `You have booked the ${cap} appointments allowed this term. Cancel one to book another, or contact the office.`,
  },
  staff: {
    blocked: (n) => `The student missed ${n} appointments this term, so booking is paused until they meet with career services staff. Record that meeting first.`,
    cap: (cap) => `The student has the ${cap} appointments allowed this term.`,
  },
};

/** What a booking is made of, whoever makes it (the advisor is named separately). */
type BookingFields = Omit<BookAppointmentInput, 'advisorId'>;

/** One booking: for whom, with which advisor, and — when an advisor books for the student — who acts. */
type Booking = {
  student: Caller;
  advisorId: string;
  input: BookingFields;
  key: string | undefined;
  /** Set when the advisor books for the student (the office allows it): the audit row's actor and the student's pseudonym. */
  byAdvisor?: { actor: Actor; studentPseudonym: string };
};

/** The advisor's email shows the student as the advisor sees them. */
function forAdvisor(view: StudentAppointment, student: Pick<Caller, 'name' | 'email'>): AdvisorMailRow {
  return { ...view, studentName: student.name, studentEmail: student.email };
}

/** A database refusal in words: 23P01 another booking holds the time (APPT-07); 23503 the advisor or the file is gone. */
function bookingError(error: unknown): unknown {
  if (sqlState(error) === '23P01') return slotTaken();
  if (sqlState(error) === '23503') return errors.notFound(sqlConstraint(error) === DOCUMENT_FILE_FK ? 'This document' : 'This advisor');
  return error;
}

function lookKey(look: FirstLook): string {
  return JSON.stringify([look.studentId, look.key ?? null, look.advisorId, look.start.getTime(), look.end.getTime()]);
}

/** Slot search, booking, cancelling and rescheduling for students and alumni, and advisors booking for them (DOMAIN.md §6). */
export function createBookingService(deps: { db: Db; clock: Clock; mailer: Mailer; office: OfficeService; locks: WriteLocks; publicUrl: string }) {
  const { db, clock, mailer, office: officeService, locks, publicUrl } = deps;
  /** The students' booking transactions this process runs, by advisor, until each has ended (ADR 016). */
  const bookingsUnderway = new Map<string, Promise<void>>();
  /** L1: the look before a booking's transaction, shared by the bookings that arrive together (ADR 016). */
  const firstLook = coalescedLookup(
    async (looks: FirstLook[]) => {
      const answers = await findKeyedOrHolders(db, looks);
      return new Map(looks.map((look, i) => [lookKey(look), answers[i] ?? { keyedId: null, taken: false }]));
    },
    lookKey,
  );

  async function offeringAdvisor(tx: Db, reasonCode: string, advisorId: string): Promise<OfferingAdvisor> {
    const [advisor] = await listOfferingAdvisors(tx, reasonCode, advisorId);
    if (advisor) return advisor;
    if (!(await isAdvisor(tx, advisorId))) throw errors.notFound('This advisor');
    throw notAvailable('This advisor does not offer this reason code. Choose a slot from the list of open slots.');
  }

  /** Whether `start` is one of the advisor's offered slot starts (hours, exceptions, notice, horizon) — busy time aside. */
  async function assertOnGrid(tx: Db, advisor: OfferingAdvisor, start: Date, minutes: number, floor: number, now: Date): Promise<void> {
    if (start.getTime() <= now.getTime()) throw notAvailable('This time has passed. Choose a slot from the list of open slots.');
    const window = { from: new Date(start.getTime() - DAY_MS), to: new Date(start.getTime() + DAY_MS) };
    const rules = await listRulesOf(tx, [advisor.advisorId]);
    const exceptions = await listExceptionsOf(tx, [advisor.advisorId], window.from, window.to);
    const slots = advisorSlots({ advisor, rules, exceptions, busy: [], lengthMinutes: minutes, from: start, to: new Date(start.getTime() + 1), now, noticeFloorMinutes: floor });
    if (!slots.some((slot) => slot.start.getTime() === start.getTime())) {
      throw notAvailable('The advisor does not offer this time (outside their hours, too soon, or too far ahead). Choose a slot from the list of open slots.');
    }
  }

  /**
   * APPT-05/06 inside the booking (or reschedule) transaction, the new appointment `self` left out of the count
   * (a moved appointment's old row is cancelled by then, so nothing counts against itself). The cap counts in
   * the period of the new start: moving into another term counts there. With a term cap the student's bookings
   * queue on a lock first, so two at once cannot both take the last place.
   */
  async function assertMayBook(tx: Db, studentId: string, self: string, start: Date, office: Office, now: Date, voice: Voice): Promise<void> {
    if (office.policy.termCap !== null) await locks.studentBookings(tx, studentId);
    const counts = await countTermActivity(tx, studentId, periodAt(start, office), periodAt(now, office), self);
    const refusal = bookingRefusal({ noShowsThisTerm: counts.noShows, appointmentsThisTerm: counts.appointments, policy: office.policy });
    if (refusal === 'no_show_blocked') throw new AppError(403, 'BOOKING_BLOCKED', REFUSALS[voice].blocked(counts.noShows));
    if (refusal === 'term_cap_reached') throw errors.conflict('TERM_CAP_REACHED', REFUSALS[voice].cap(office.policy.termCap ?? 0));
  }

  /** An uploaded file given as the document must be the student's own (404 otherwise); null when none is given. */
  async function attachableFile(tx: Db, studentId: string, document: DocumentInput | undefined): Promise<DocumentMeta | null> {
    if (!document?.fileId) return null;
    const file = await findOwnedDocument(tx, studentId, document.fileId);
    if (!file) throw errors.notFound('This document');
    return file;
  }

  /** Writes to an advisor (inside the caller's transaction) in their own zone, or the office's until they set one. */
  async function mailAdvisor(tx: Db, advisorId: string, fallbackZone: string, now: Date, write: (to: Recipient, context: MailContext) => OutgoingMail): Promise<void> {
    const advisor = await findAdvisorContact(tx, advisorId);
    if (!advisor) return;
    await mailer.send(write(advisor, { publicUrl, now, timeZone: advisor.timeZone ?? fallbackZone }), tx);
  }

  function sameRequest(existing: StudentAppointment, input: BookAppointmentInput): boolean {
    return (
      existing.advisorId === input.advisorId &&
      existing.reasonCode === input.reasonCode &&
      existing.mode === input.mode &&
      existing.startsAt.getTime() === Date.parse(input.start)
    );
  }

  /** The booking an earlier request with this key made, or undefined; the same key for another booking → 422. */
  async function replay(caller: Caller, key: string, input: BookAppointmentInput): Promise<StudentAppointment | undefined> {
    const id = await findIdByIdempotencyKey(db, caller.id, key);
    const existing = id ? await findForStudent(db, caller.id, id) : undefined;
    if (existing && !sameRequest(existing, input)) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different booking. Use a new key for a new request.');
    }
    return existing;
  }

  /**
   * A booking checked as far as it can be without the database: the reason code (APPT-01, from the office's copy,
   * ADR 016), its length and mode, the document a student gives (APPT-02); and the row to insert.
   */
  async function prepare(booking: Booking) {
    const { student, advisorId, input, byAdvisor } = booking;
    const now = clock.now();
    const reason = await officeService.bookableReason(student, input.reasonCode);
    const minutes = lengthFor(reason, input.minutes);
    if (!reason.modes.includes(input.mode)) {
      throw errors.validation(`${reason.label} is offered ${modesInWords(reason.modes)}.`, [{ path: 'mode', message: `Choose ${modesInWords(reason.modes)}.` }]);
    }
    // APPT-02: a student gives the document when booking; an advisor's booking leaves it to the student, who
    // adds it until the deadline (the lead time is kept below, so there is time to).
    if (reason.needsDocument && !input.document && !byAdvisor) {
      throw new AppError(400, 'DOCUMENT_REQUIRED', `${reason.label} needs your document (${reason.needsDocument.replace(/_/g, ' ')}): add a link, paste its text or upload the file.`);
    }
    const start = new Date(input.start);
    const end = new Date(start.getTime() + minutes * MINUTE_MS);
    const values = {
      advisorId,
      reasonCode: reason.code,
      mode: input.mode,
      startsAt: start,
      endsAt: end,
      note: input.note,
      documentKind: reason.needsDocument,
      documentUrl: input.document?.url ?? null,
      documentText: input.document?.text ?? null,
      documentFileId: input.document?.fileId ?? null,
      documentSubmittedAt: input.document ? now : null,
      bookedBy: byAdvisor?.actor.id ?? student.id,
      createdAt: now,
      updatedAt: now,
    };
    return { booking, now, reason, minutes, start, end, values };
  }

  type Prepared = Awaited<ReturnType<typeof prepare>>;

  /**
   * The booking's transaction; undefined when the key shows this request is a repeat. The insert comes first: the
   * exclusion constraint answers a taken slot at once (APPT-07, SQLSTATE 23P01), and the checks after it run only
   * for the booking that holds the time; any refusal rolls it back, mails and audit row included.
   */
  async function insertBooking(prepared: Prepared): Promise<StudentAppointment | undefined> {
    const { booking, now, reason, minutes, start, end, values } = prepared;
    const { student, advisorId, input, key, byAdvisor } = booking;
    return db.transaction(async (tx) => {
      await locks.advisorTime(tx, [advisorId]);
      const row = key ? await insertKeyedAppointment(tx, student.id, key, values) : await insertAppointment(tx, student.id, values);
      if (!row) return undefined;
      const office = await officeService.office(tx);
      if (reason.needsDocument && now.getTime() > documentDeadline(start, office.policy.documentLeadHours).getTime()) {
        throw errors.conflict('DOCUMENT_DEADLINE_PASSED', `${reason.label} needs the document at least ${office.policy.documentLeadHours} hours before the start. Choose a later slot.`);
      }
      const file = await attachableFile(tx, student.id, input.document);
      const advisor = await offeringAdvisor(tx, reason.code, advisorId);
      await assertOnGrid(tx, advisor, start, minutes, noticeFloor(reason, office), now);
      await assertMayBook(tx, student.id, row.id, start, office, now, byAdvisor ? 'staff' : 'student');
      if (await hasBufferConflict(tx, advisor.advisorId, row.id, start, end, advisor.bufferMinutes)) throw slotTaken();
      const view = asStudentView(row, { advisorName: advisor.name, reason, studentProgram: student.program, documentFile: file });
      await mailer.send(
        confirmationMail(student, view, {
          publicUrl,
          now,
          timeZone: input.timeZone ?? advisor.timeZone,
          cutoff: office.policy.cancellationCutoff,
          bookedByAdvisor: Boolean(byAdvisor),
        }),
        tx,
      );
      if (byAdvisor) {
        // SECURITY.md audit-and-logs: staff acting on a student's records, in the same transaction.
        await insertAuditEvents(tx, byAdvisor.actor, now, [
          { action: 'appointment_booked_for_student', student: { id: student.id, pseudonym: byAdvisor.studentPseudonym }, target: { type: 'appointment', id: row.id } },
        ]);
      } else {
        await mailAdvisor(tx, advisor.advisorId, advisor.timeZone, now, (to, context) => advisorBookingMail(to, forAdvisor(view, student), context));
      }
      return view;
    });
  }

  /**
   * L1 (ADR 016): a student's booking looks before its transaction. A used key means a repeat (undefined: the
   * caller answers with the original); a time already held is 'taken', with no transaction, so a storm's losers
   * never queue for the database's writers. The look waits while this process has a booking of the same advisor
   * in its transaction, so it sees how that one ended. The exclusion constraint still decides every booking that
   * gets past the look (APPT-07).
   */
  async function lookThenBook(studentId: string, key: string | undefined, attempt: Prepared): Promise<StudentAppointment | 'taken' | undefined> {
    const { advisorId } = attempt.booking;
    for (;;) {
      const underway = bookingsUnderway.get(advisorId);
      if (underway) {
        await underway;
        continue;
      }
      const seen = await firstLook({ studentId, key, advisorId, start: attempt.start, end: attempt.end });
      if (seen?.keyedId) return undefined;
      if (seen?.taken) return 'taken';
      // Another booking of this advisor began while we looked: look again once it has ended.
      if (bookingsUnderway.has(advisorId)) continue;
      const transaction = retryTransient(() => insertBooking(attempt));
      const ended = transaction.then(
        () => undefined,
        () => undefined,
      );
      bookingsUnderway.set(advisorId, ended);
      void ended.then(() => {
        if (bookingsUnderway.get(advisorId) === ended) bookingsUnderway.delete(advisorId);
      });
      return transaction;
    }
  }

  async function owned(caller: Caller, id: string): Promise<StudentAppointment> {
    const row = await findForStudent(db, caller.id, id);
    if (!row) throw errors.notFound('This appointment');
    return row;
  }

  return {
    /**
     * Books a slot (APPT-01, 02, 05, 06). The exclusion constraint is what refuses a taken slot (APPT-07); an
     * Idempotency-Key makes a retry return the first answer's appointment.
     */
    async book(caller: Caller, input: BookAppointmentInput, key: string | undefined): Promise<{ appointment: StudentAppointment; replayed: boolean }> {
      let refusal: unknown;
      let prepared: Prepared | undefined;
      try {
        prepared = await prepare({ student: caller, advisorId: input.advisorId, input, key });
      } catch (error) {
        if (!key || !(error instanceof AppError)) throw error;
        refusal = error;
      }
      if (prepared) {
        let taken = false;
        try {
          const outcome = await lookThenBook(caller.id, key, prepared);
          if (outcome === 'taken') taken = true;
          else if (outcome) return { appointment: outcome, replayed: false };
        } catch (error) {
          // 23P01: another booking holds the time (a repeat of this request would have met its key first).
          const known = bookingError(error);
          if (known !== error) throw known;
          if (!key || !(error instanceof AppError)) throw error;
          refusal = error;
        }
        // Seen held in the same statement that found no booking with this key: not a repeat.
        if (taken) throw slotTaken();
      }
      // A repeat: the key is taken. Or a refusal that may only mean the first answer was lost (the slot is now
      // past, the code retired): the booking the key made is the answer either way.
      const existing = key ? await replay(caller, key, input) : undefined;
      if (existing) return { appointment: existing, replayed: true };
      throw refusal ?? new Error('booking with an Idempotency-Key found neither a new nor an earlier appointment');
    },

    /**
     * An advisor books for a student, when the office allows it (403 ADVISOR_BOOKING_DISABLED otherwise): with
     * the advisor, on their own grid, under the student's APPT-05/06 standing; the student is mailed the
     * confirmation and the booking is audited. Someone who is not a student or alumnus → 404.
     */
    async bookForStudent(actor: Actor, input: AdvisorBookingInput): Promise<AdvisorAppointment> {
      const office = await officeService.office();
      if (!office.advisorsMayBook) {
        throw new AppError(403, 'ADVISOR_BOOKING_DISABLED', 'Your office does not let advisors book for students. Ask the student to book, or an admin to allow it in the office policy.');
      }
      const student = await findBookingUser(db, input.studentId ? { id: input.studentId } : { email: input.studentEmail ?? '' });
      if (!student) throw errors.notFound('This student');
      const { studentId: _id, studentEmail: _email, ...fields } = input;
      let booked: StudentAppointment | undefined;
      try {
        const prepared = await prepare({ student, advisorId: actor.id, input: fields, key: undefined, byAdvisor: { actor, studentPseudonym: student.auditPseudonym } });
        booked = await retryTransient(() => insertBooking(prepared));
      } catch (error) {
        throw bookingError(error);
      }
      const row = booked ? await findForAdvisor(db, actor.id, booked.id) : undefined;
      if (!row) throw new Error('a booking without an Idempotency-Key returned no appointment');
      return row;
    },

    async list(caller: Caller, scope: 'upcoming' | 'past' | 'all', limit: number): Promise<StudentAppointment[]> {
      return listForStudent(db, caller.id, scope, clock.now(), limit);
    },

    get: owned,

    /** The appointment as an .ics download. */
    async ics(caller: Caller, id: string): Promise<string> {
      const row = await owned(caller, id);
      return buildCalendar([studentEvent(row, publicUrl)], { now: clock.now() });
    },

    /** The file the student uploaded for this appointment (APPT-02); 404 when not theirs or none was uploaded. */
    async documentFile(caller: Caller, id: string): Promise<AttachedFile> {
      const file = await findAttachedFile(db, { studentId: caller.id }, id);
      if (!file) throw errors.notFound('An uploaded document of this appointment');
      return file;
    },

    /**
     * APPT-03: booked → cancelled, or late_cancelled after the cutoff; compare-and-swap, so twice is a 409. The
     * student and the advisor are both told.
     */
    async cancel(caller: Caller, id: string, reason: string | null): Promise<StudentAppointment> {
      const row = await owned(caller, id);
      const now = clock.now();
      if (row.status !== 'booked') throw notBooked(row.status, 'cancelled');
      const office = await officeService.office();
      const status = cancellationStatus({ start: row.startsAt, now, by: 'student', cutoff: office.policy.cancellationCutoff, calendar: office.calendar });
      if (status === null) throw errors.conflict('APPOINTMENT_ALREADY_STARTED', 'This appointment has started; it can no longer be cancelled.');
      return retryTransient(() => db.transaction(async (tx) => {
        await locks.advisorTime(tx, [row.advisorId]);
        const updated = await cancelAsStudent(tx, caller.id, id, { status, now, cancelledBy: caller.id, reason });
        if (!updated) throw errors.conflict('APPOINTMENT_NOT_BOOKED', 'This appointment was changed a moment ago and cannot be cancelled.');
        const view = asStudentView(updated, {
          advisorName: row.advisorName,
          reason: { label: row.reasonLabel, needsDocument: row.documentRequired },
          studentProgram: row.studentProgram,
          documentFile: row.documentFile,
        });
        await mailer.send(cancellationMail(caller, view, { publicUrl, now, timeZone: office.calendar.timeZone, byAdvisor: false }), tx);
        await mailAdvisor(tx, row.advisorId, office.calendar.timeZone, now, (to, context) => advisorCancellationMail(to, forAdvisor(view, caller), context));
        return view;
      }));
    },

    /**
     * Moves a booked appointment before the cancellation cutoff, in one transaction: the old one is cancelled and
     * the new one inserted; a taken slot, a no-show block or the term cap (APPT-05/06) rolls both back. A retry
     * after success returns the same new appointment. The advisor (or both advisors) are told.
     */
    async reschedule(caller: Caller, id: string, input: RescheduleInput): Promise<StudentAppointment> {
      const old = await owned(caller, id);
      const now = clock.now();
      const start = new Date(input.start);
      const advisorId = input.advisorId ?? old.advisorId;
      if (old.status !== 'booked') {
        const moved = await findRescheduledFrom(db, caller.id, old.id);
        if (moved && moved.startsAt.getTime() === start.getTime() && moved.advisorId === advisorId) return moved;
        throw notBooked(old.status, 'rescheduled');
      }
      if (now.getTime() >= old.startsAt.getTime()) throw errors.conflict('APPOINTMENT_ALREADY_STARTED', 'This appointment has started; it can no longer be moved.');
      const office = await officeService.office();
      if (isLateCancellation(old.startsAt, now, office.policy.cancellationCutoff, office.calendar)) {
        throw errors.conflict('RESCHEDULE_TOO_LATE', 'It is past the cancellation cutoff, so this appointment can no longer be moved. You can still cancel it (a late cancellation).');
      }
      const reason = await findReasonCode(db, old.reasonCode);
      if (!reason) throw errors.notFound('This reason code');
      const minutes = Math.round((old.endsAt.getTime() - old.startsAt.getTime()) / MINUTE_MS);
      if (reason.needsDocument && now.getTime() > documentDeadline(start, office.policy.documentLeadHours).getTime()) {
        throw errors.conflict('DOCUMENT_DEADLINE_PASSED', `${reason.label} needs the document at least ${office.policy.documentLeadHours} hours before the start. Choose a later slot.`);
      }
      const advisor = await offeringAdvisor(db, reason.code, advisorId);
      await assertOnGrid(db, advisor, start, minutes, noticeFloor(reason, office), now);
      const end = new Date(start.getTime() + minutes * MINUTE_MS);
      try {
        return await retryTransient(() => db.transaction(async (tx) => {
          await locks.advisorTime(tx, [old.advisorId, advisor.advisorId]);
          const cancelled = await cancelAsStudent(tx, caller.id, id, { status: 'cancelled', now, cancelledBy: caller.id, reason: 'rescheduled' });
          if (!cancelled) throw errors.conflict('APPOINTMENT_NOT_BOOKED', 'This appointment was changed a moment ago and cannot be rescheduled.');
          const row = await insertAppointment(tx, caller.id, {
            advisorId: advisor.advisorId,
            reasonCode: old.reasonCode,
            mode: old.mode,
            startsAt: start,
            endsAt: end,
            note: old.note,
            documentKind: old.documentKind,
            documentUrl: old.documentUrl,
            documentText: old.documentText,
            documentFileId: old.documentFileId,
            documentSubmittedAt: old.documentSubmittedAt,
            rescheduledFromId: old.id,
            bookedBy: caller.id,
            createdAt: now,
            updatedAt: now,
          });
          await assertMayBook(tx, caller.id, row.id, start, office, now, 'student');
          if (await hasBufferConflict(tx, advisor.advisorId, row.id, start, end, advisor.bufferMinutes)) throw slotTaken();
          const extras = { reason, studentProgram: old.studentProgram, documentFile: old.documentFile };
          const previous = asStudentView(cancelled, { ...extras, advisorName: old.advisorName });
          const next = asStudentView(row, { ...extras, advisorName: advisor.name });
          await mailer.send(rescheduleMail(caller, previous, next, { publicUrl, now, timeZone: input.timeZone ?? advisor.timeZone }), tx);
          const zone = office.calendar.timeZone;
          if (old.advisorId === advisor.advisorId) {
            await mailAdvisor(tx, advisor.advisorId, zone, now, (to, context) => advisorRescheduleMail(to, forAdvisor(previous, caller), forAdvisor(next, caller), context));
          } else {
            await mailAdvisor(tx, old.advisorId, zone, now, (to, context) => advisorCancellationMail(to, forAdvisor(previous, caller), context));
            await mailAdvisor(tx, advisor.advisorId, zone, now, (to, context) => advisorBookingMail(to, forAdvisor(next, caller), context));
          }
          return next;
        }));
      } catch (error) {
        throw bookingError(error);
      }
    },

    /** APPT-02: adds or replaces the document (a link, text, or the student's uploaded file) until the deadline (start − lead hours). */
    async saveDocument(caller: Caller, id: string, input: DocumentInput): Promise<StudentAppointment> {
      const row = await owned(caller, id);
      if (row.status !== 'booked') throw notBooked(row.status, 'changed');
      const office = await officeService.office();
      await attachableFile(db, caller.id, input);
      let saved: boolean;
      try {
        saved = await saveDocument(db, caller.id, id, { url: input.url ?? null, text: input.text ?? null, fileId: input.fileId ?? null }, clock.now(), office.policy.documentLeadHours);
      } catch (error) {
        throw bookingError(error);
      }
      if (!saved) throw errors.conflict('DOCUMENT_DEADLINE_PASSED', `Documents are due ${office.policy.documentLeadHours} hours before the start; bring it along instead.`);
      return owned(caller, id);
    },

    /** APPT-05/06: the student's counters this term and what they mean. */
    async standing(caller: Caller) {
      const now = clock.now();
      const office = await officeService.office();
      const term = periodAt(now, office);
      const counts = await countTermActivity(db, caller.id, term, term);
      const standing = noShowStanding(counts.noShows, office.policy.noShowLadder);
      const cap = office.policy.termCap;
      const capMessage = cap !== null && counts.appointments >= cap ? `You have booked the ${cap} appointments allowed this term.` : '';
      return {
        term: { name: term.name, startsOn: term.startsOn, endsOn: term.endsOn },
        noShows: counts.noShows,
        standing,
        appointments: counts.appointments,
        termCap: cap,
        cancellationCutoff: office.policy.cancellationCutoff,
        message: [STANDING_MESSAGES[standing](counts.noShows), capMessage].filter(Boolean).join(' '),
      };
    },
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
