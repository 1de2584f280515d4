import type { BookAppointmentInput, DocumentInput, RescheduleInput } from '../../../shared/contracts/appointments';
import {
  bookingRefusal,
  cancellationStatus,
  documentDeadline,
  isLateCancellation,
  noShowStanding,
  type NoShowStanding,
} from '../../../shared/domain/appointment-policy';
import { sqlState, type Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError, errors } from '../../lib/errors';
import type { Mailer } from '../mail/mailer';
import { cancellationMail, confirmationMail, rescheduleMail } from './appointment-mail';
import { buildCalendar } from './appointment-ics';
import { studentEvent } from './appointment-mapping';
import {
  cancelAsStudent,
  countTermActivity,
  findIdByIdempotencyKey,
  findForStudent,
  findRescheduledFrom,
  hasBufferConflict,
  insertAppointment,
  insertKeyedAppointment,
  listForStudent,
  saveDocument,
  type StudentAppointment,
} from './appointments.repo';
import { advisorSlots } from './advisor-slots';
import { isAdvisor, listExceptionsOf, listOfferingAdvisors, listRulesOf, type OfferingAdvisor } from './availability.repo';
import { asStudentView, bookableReason, lengthFor, noticeFloor, notAvailable, notBooked, slotTaken, type Caller } from './booking-rules';
import { findReasonCode } from './office.repo';
import { periodAt, type Office, type OfficeService } from './office.service';
import { retryTransient } from './retry-transient';
import type { WriteLocks } from './write-locks';

export type { Caller };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const STANDING_MESSAGES: Record<NoShowStanding, (n: number) => string> = {
  none: () => '',
  notice: (n) => `You missed ${n === 1 ? 'an appointment' : `${n} appointments`} this term. Cancel ahead when you cannot come, so someone else can use the time.`,
  warning: (n) => `You missed ${n} appointments this term. One more pauses online booking until you meet with career services staff.`,
  blocked: (n) => `You missed ${n} appointments this term, so online booking is paused until you meet with career services staff.`,
};

/** Slot search, booking, cancelling and rescheduling for students and alumni (DOMAIN.md §6). */
export function createBookingService(deps: { db: Db; clock: Clock; mailer: Mailer; office: OfficeService; locks: WriteLocks; publicUrl: string }) {
  const { db, clock, mailer, office: officeService, locks, publicUrl } = deps;

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
   * APPT-05/06 inside the booking transaction, the new booking `self` left out of the count. With a term cap
   * the student's bookings queue on a lock first, so two at once cannot both take the last place.
   */
  async function assertMayBook(tx: Db, studentId: string, self: string, start: Date, office: Office, now: Date): Promise<void> {
    if (office.policy.termCap !== null) await locks.studentBookings(tx, studentId);
    const counts = await countTermActivity(tx, studentId, periodAt(start, office), periodAt(now, office), self);
    const refusal = bookingRefusal({ noShowsThisTerm: counts.noShows, appointmentsThisTerm: counts.appointments, policy: office.policy });
    if (refusal === 'no_show_blocked') throw new AppError(403, 'BOOKING_BLOCKED', STANDING_MESSAGES.blocked(counts.noShows));
    if (refusal === 'term_cap_reached') {
      throw errors.conflict('TERM_CAP_REACHED', `You have booked the ${office.policy.termCap ?? 0} appointments allowed this term. Cancel one to book another, or contact the office.`);
    }
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
   * One booking attempt; undefined when the key shows this request is a repeat. The insert comes first inside
   * the transaction: the exclusion constraint answers a taken slot at once (APPT-07, SQLSTATE 23P01), and the
   * checks after it run only for the booking that holds the time; any refusal rolls it back.
   */
  async function bookOnce(caller: Caller, input: BookAppointmentInput, key: string | undefined): Promise<StudentAppointment | undefined> {
    const now = clock.now();
    const reason = await bookableReason(db, caller, input.reasonCode);
    const minutes = lengthFor(reason, input.minutes);
    if (!reason.modes.includes(input.mode)) {
      throw errors.validation(`${reason.label} is offered ${reason.modes.join(', ')}.`, [{ path: 'mode', message: `Choose ${reason.modes.join(' or ')}.` }]);
    }
    if (reason.needsDocument && !input.document) {
      throw new AppError(400, 'DOCUMENT_REQUIRED', `${reason.label} needs your document (${reason.needsDocument.replace(/_/g, ' ')}): add a link or paste its text.`);
    }
    const start = new Date(input.start);
    const end = new Date(start.getTime() + minutes * MINUTE_MS);
    const values = {
      advisorId: input.advisorId,
      reasonCode: reason.code,
      mode: input.mode,
      startsAt: start,
      endsAt: end,
      note: input.note,
      documentKind: reason.needsDocument,
      documentUrl: input.document?.url ?? null,
      documentText: input.document?.text ?? null,
      documentSubmittedAt: input.document ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    return db.transaction(async (tx) => {
      await locks.advisorTime(tx, [input.advisorId]);
      const row = key ? await insertKeyedAppointment(tx, caller.id, key, values) : await insertAppointment(tx, caller.id, values);
      if (!row) return undefined;
      const office = await officeService.office(tx);
      if (reason.needsDocument && now.getTime() > documentDeadline(start, office.policy.documentLeadHours).getTime()) {
        throw errors.conflict('DOCUMENT_DEADLINE_PASSED', `${reason.label} needs the document at least ${office.policy.documentLeadHours} hours before the start. Choose a later slot.`);
      }
      const advisor = await offeringAdvisor(tx, reason.code, input.advisorId);
      await assertOnGrid(tx, advisor, start, minutes, noticeFloor(reason, office), now);
      await assertMayBook(tx, caller.id, row.id, start, office, now);
      if (await hasBufferConflict(tx, advisor.advisorId, row.id, start, end, advisor.bufferMinutes)) throw slotTaken();
      const view = asStudentView(row, advisor.name, reason);
      await mailer.send(confirmationMail(caller, view, { publicUrl, now, timeZone: input.timeZone ?? advisor.timeZone, cutoff: office.policy.cancellationCutoff }), tx);
      return view;
    });
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
      try {
        const booked = await retryTransient(() => bookOnce(caller, input, key));
        if (booked) return { appointment: booked, replayed: false };
      } catch (error) {
        // 23P01: another booking holds the time (a repeat of this request would have met its key first).
        if (sqlState(error) === '23P01') throw slotTaken();
        if (sqlState(error) === '23503') throw errors.notFound('This advisor');
        if (!key || !(error instanceof AppError)) throw error;
        refusal = error;
      }
      // A repeat: the key is taken. Or a refusal that may only mean the first answer was lost (the slot is now
      // past, the code retired): the booking the key made is the answer either way.
      const existing = key ? await replay(caller, key, input) : undefined;
      if (existing) return { appointment: existing, replayed: true };
      throw refusal ?? new Error('booking with an Idempotency-Key found neither a new nor an earlier appointment');
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

    /** APPT-03: booked → cancelled, or late_cancelled after the cutoff; compare-and-swap, so twice is a 409. */
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
        const view = asStudentView(updated, row.advisorName, { label: row.reasonLabel, needsDocument: row.documentRequired });
        await mailer.send(cancellationMail(caller, view, { publicUrl, now, timeZone: office.calendar.timeZone, byAdvisor: false }), tx);
        return view;
      }));
    },

    /**
     * Moves a booked appointment before the cancellation cutoff, in one transaction: the old one is cancelled and
     * the new one inserted; a taken slot rolls both back. A retry after success returns the same new appointment.
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
            documentSubmittedAt: old.documentSubmittedAt,
            rescheduledFromId: old.id,
            createdAt: now,
            updatedAt: now,
          });
          if (await hasBufferConflict(tx, advisor.advisorId, row.id, start, end, advisor.bufferMinutes)) throw slotTaken();
          const previous = asStudentView(cancelled, old.advisorName, reason);
          const next = asStudentView(row, advisor.name, reason);
          await mailer.send(rescheduleMail(caller, previous, next, { publicUrl, now, timeZone: input.timeZone ?? advisor.timeZone }), tx);
          return next;
        }));
      } catch (error) {
        if (sqlState(error) === '23P01') throw slotTaken();
        throw error;
      }
    },

    /** APPT-02: adds or replaces the document until the deadline (start − lead hours). */
    async saveDocument(caller: Caller, id: string, input: DocumentInput): Promise<StudentAppointment> {
      const row = await owned(caller, id);
      if (row.status !== 'booked') throw notBooked(row.status, 'changed');
      const office = await officeService.office();
      const saved = await saveDocument(db, caller.id, id, { url: input.url ?? null, text: input.text ?? null }, clock.now(), office.policy.documentLeadHours);
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
