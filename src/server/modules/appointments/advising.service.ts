import { DateTime } from 'luxon';
import type { AdvisorSettingsInput, AvailabilityInput, ExceptionDto, ExceptionInput } from '../../../shared/contracts/advising';
import type { AttendanceInput } from '../../../shared/contracts/appointments';
import { canMarkAttendance, canTransition, classifyAttendance, noShowStanding } from '../../../shared/domain/appointment-policy';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError, errors } from '../../lib/errors';
import { hashToken, newToken } from '../../lib/tokens';
import { insertAuditEvents, type Actor, type AuditRecord } from '../audit/audit.repo';
import { findAttachedFile, type AttachedFile } from '../documents/documents.repo';
import type { Mailer } from '../mail/mailer';
import { cancellationMail, type Recipient } from './appointment-mail';
import { buildCalendar } from './appointment-ics';
import { advisorEvent, type DocumentPolicy, type StudentStanding } from './appointment-mapping';
import {
  cancelAsAdvisor,
  findBookingUser,
  findForAdvisor,
  findStudentOfAdvisor,
  insertClearance,
  listFeedAppointments,
  listForAdvisor,
  markOutcome,
  saveAdvisorNotes,
  type AdvisorAppointment,
} from './appointments.repo';
import {
  deleteException,
  findAdvisorByFeedTokenHash,
  findAdvisorSettings,
  insertException,
  listExceptions,
  listOfferedCodes,
  listRules,
  replaceOfferedCodes,
  replaceRules,
  saveAdvisorSettings,
  saveFeedTokenHash,
  type ExceptionRow,
} from './availability.repo';
import { notBooked } from './booking-rules';
import { listReasonCodes } from './office.repo';
import { retryTransient } from './retry-transient';
import type { WriteLocks } from './write-locks';
import { periodAt, type OfficeService } from './office.service';
import { countNoShows } from './student-standing.repo';

const DAY_MS = 86_400_000;
/** Defaults of an advisor who has not saved settings (the columns' defaults). */
const DEFAULT_SETTINGS = { bufferMinutes: 0, minimumNoticeMinutes: 120, horizonDays: 56 };
/** A feed shows the last month and what is ahead, at most this many events. */
const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 2_000;

export function toExceptionDto(row: ExceptionRow): ExceptionDto {
  return {
    id: row.id,
    kind: row.kind,
    start: row.startsAt?.toISOString() ?? null,
    end: row.endsAt?.toISOString() ?? null,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    note: row.note,
  };
}

/** The audit record of an access to one appointment (SECURITY.md audit-and-logs). */
function onAppointment(action: AuditRecord['action'], row: Pick<AdvisorAppointment, 'id' | 'studentId' | 'studentPseudonym'>): AuditRecord {
  return { action, student: { id: row.studentId, pseudonym: row.studentPseudonym }, target: { type: 'appointment', id: row.id } };
}

/**
 * An advisor's own set-up, agenda and attendance (issue 4); every call is scoped to the signed-in advisor. Every
 * read or change of a student's appointment writes an audit row in the same request (ADR 014).
 */
export function createAdvisingService(deps: { db: Db; clock: Clock; mailer: Mailer; office: OfficeService; locks: WriteLocks; publicUrl: string }) {
  const { db, clock, mailer, office: officeService, locks, publicUrl } = deps;

  async function owned(advisorId: string, id: string): Promise<AdvisorAppointment> {
    const row = await findForAdvisor(db, advisorId, id);
    if (!row) throw errors.notFound('This appointment');
    return row;
  }

  async function zoneOf(advisorId: string): Promise<string> {
    return (await findAdvisorSettings(db, advisorId))?.timeZone ?? (await officeService.office()).calendar.timeZone;
  }

  async function availability(advisorId: string) {
    const [settings, rules] = await Promise.all([findAdvisorSettings(db, advisorId), listRules(db, advisorId)]);
    return { timezone: settings?.timeZone ?? null, weekly: rules.map((r) => ({ weekday: r.weekday, start: r.startTime, end: r.endTime })) };
  }

  async function settings(advisorId: string) {
    const [row, office] = await Promise.all([findAdvisorSettings(db, advisorId), officeService.office()]);
    return {
      timezone: row?.timeZone ?? null,
      bufferMinutes: row?.bufferMinutes ?? DEFAULT_SETTINGS.bufferMinutes,
      minimumNoticeMinutes: row?.minimumNoticeMinutes ?? DEFAULT_SETTINGS.minimumNoticeMinutes,
      horizonDays: row?.horizonDays ?? DEFAULT_SETTINGS.horizonDays,
      calendarFeed: Boolean(row?.calendarFeedTokenHash),
      // Advisors cannot read the office policy; this tells their screens whether to offer booking for a student.
      mayBookForStudents: office.advisorsMayBook,
    };
  }

  return {
    availability,

    async saveAvailability(advisorId: string, input: AvailabilityInput) {
      await replaceRules(db, advisorId, input.timezone, input.weekly, clock.now());
      return availability(advisorId);
    },

    settings,

    async saveSettings(advisorId: string, input: AdvisorSettingsInput) {
      await saveAdvisorSettings(
        db,
        advisorId,
        { timeZone: input.timezone, bufferMinutes: input.bufferMinutes, minimumNoticeMinutes: input.minimumNoticeMinutes, horizonDays: input.horizonDays },
        clock.now(),
      );
      return settings(advisorId);
    },

    async exceptions(advisorId: string, from: Date | undefined) {
      const start = from ?? new Date(clock.now().getTime() - DAY_MS);
      return (await listExceptions(db, advisorId, start, new Date(start.getTime() + 3 * 365 * DAY_MS))).map(toExceptionDto);
    },

    async addException(advisorId: string, input: ExceptionInput) {
      const base = { kind: input.kind, note: input.note, createdAt: clock.now() };
      const values =
        input.kind === 'time_off'
          ? { ...base, startsAt: new Date(input.start), endsAt: new Date(input.end) }
          : input.kind === 'day_off'
            ? { ...base, date: input.date }
            : { ...base, date: input.date, startTime: input.start, endTime: input.end };
      return toExceptionDto(await insertException(db, advisorId, values));
    },

    async removeException(advisorId: string, id: string): Promise<void> {
      if (!(await deleteException(db, advisorId, id))) throw errors.notFound('This exception');
    },

    offeredCodes: (advisorId: string) => listOfferedCodes(db, advisorId),

    async saveOfferedCodes(advisorId: string, codes: string[]) {
      const active = new Set((await listReasonCodes(db, { activeOnly: true })).map((r) => r.code));
      const unknown = codes.filter((c) => !active.has(c));
      if (unknown.length > 0) {
        throw errors.validation('Offer active reason codes only.', unknown.map((code) => ({ path: 'codes', message: `${code} is not an active reason code.` })));
      }
      await replaceOfferedCodes(db, advisorId, codes);
      return listOfferedCodes(db, advisorId);
    },

    /**
     * The day or the ISO week (Monday first) around a local date in the advisor's zone; one audit row per student
     * shown, written as one insert.
     */
    async agenda(actor: Actor, query: { date?: string; view: 'day' | 'week'; includeCancelled: boolean }) {
      const advisorId = actor.id;
      const timezone = await zoneOf(advisorId);
      const day = query.date ? DateTime.fromISO(query.date, { zone: timezone }) : DateTime.fromJSDate(clock.now(), { zone: timezone });
      const first = query.view === 'week' ? day.startOf('week') : day.startOf('day');
      const from = first.toJSDate();
      const to = first.plus({ days: query.view === 'week' ? 7 : 1 }).startOf('day').toJSDate();
      const items = await listForAdvisor(db, advisorId, from, to, query.includeCancelled);
      const students = new Map(items.map((row) => [row.studentId, row.studentPseudonym]));
      await insertAuditEvents(
        db,
        actor,
        clock.now(),
        [...students].map(([id, pseudonym]) => ({ action: 'agenda_viewed', student: { id, pseudonym }, target: { type: 'agenda', id: null } })),
      );
      return { timezone, date: day.toISODate() ?? '', from: from.toISOString(), to: to.toISOString(), items };
    },

    /**
     * What the advisor's DTOs need beside the rows: the office policy in force (the document deadline) and each
     * student's APPT-05 standing now (no-shows this term since their latest clearance), one query for all.
     */
    async presentation(studentIds: readonly string[]): Promise<{ policy: DocumentPolicy; standingOf: (studentId: string) => StudentStanding }> {
      const office = await officeService.office();
      const counts = await countNoShows(db, [...new Set(studentIds)], periodAt(clock.now(), office));
      return {
        policy: office.policy,
        standingOf: (studentId) => {
          const noShows = counts.get(studentId) ?? 0;
          return { noShows, standing: noShowStanding(noShows, office.policy.noShowLadder) };
        },
      };
    },

    /** One appointment of the advisor's, audited. */
    async get(actor: Actor, id: string): Promise<AdvisorAppointment> {
      const row = await owned(actor.id, id);
      await insertAuditEvents(db, actor, clock.now(), [onAppointment('appointment_viewed', row)]);
      return row;
    },

    /** The file the student uploaded for this appointment (APPT-02), audited; 404 when not the advisor's or none was uploaded. */
    async documentFile(actor: Actor, id: string): Promise<AttachedFile> {
      const file = await findAttachedFile(db, { advisorId: actor.id }, id);
      if (!file) throw errors.notFound('An uploaded document of this appointment');
      await insertAuditEvents(db, actor, clock.now(), [
        { action: 'document_downloaded', student: { id: file.studentId, pseudonym: file.studentPseudonym }, target: { type: 'document', id: file.id } },
      ]);
      return file;
    },

    /** APPT-04: attended / late / no-show, given or classified from the arrival time; corrections allowed. */
    async markAttendance(actor: Actor, id: string, input: AttendanceInput): Promise<AdvisorAppointment> {
      const advisorId = actor.id;
      const row = await owned(advisorId, id);
      const now = clock.now();
      if (!canMarkAttendance(row.startsAt, now)) throw errors.conflict('APPOINTMENT_NOT_STARTED', 'Attendance is marked once the appointment has started.');
      const arrivedAt = input.arrivedAt === undefined ? row.arrivedAt : input.arrivedAt === null ? null : new Date(input.arrivedAt);
      const office = await officeService.office();
      const lengthMinutes = Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
      const outcome = input.outcome ?? classifyAttendance({ start: row.startsAt, lengthMinutes, arrivedAt, now }, office.policy.noShowAfterMinutes);
      if (outcome === 'pending') throw errors.conflict('APPOINTMENT_NOT_STARTED', 'It is too early to call a no-show: the student may still arrive.');
      if (!canTransition(row.status, outcome)) {
        throw errors.conflict('INVALID_STATUS_TRANSITION', `A ${row.status.replace('_', ' ')} appointment cannot be marked ${outcome.replace('_', ' ')}.`);
      }
      const updated = await retryTransient(() =>
        db.transaction(async (tx) => {
          await locks.advisorTime(tx, [advisorId]);
          const marked = await markOutcome(tx, advisorId, id, row.status, { status: outcome, arrivedAt, now });
          if (marked) await insertAuditEvents(tx, actor, now, [onAppointment('attendance_marked', row)]);
          return marked;
        }),
      );
      if (!updated) throw errors.conflict('INVALID_STATUS_TRANSITION', 'This appointment was changed a moment ago; reload it and try again.');
      return owned(advisorId, id);
    },

    /** The advisor's private notes; the change and its audit row commit together. */
    async saveNotes(actor: Actor, id: string, notes: string): Promise<AdvisorAppointment> {
      const row = await owned(actor.id, id);
      const now = clock.now();
      const saved = await db.transaction(async (tx) => {
        if (!(await saveAdvisorNotes(tx, actor.id, id, notes, now))) return false;
        await insertAuditEvents(tx, actor, now, [onAppointment('notes_written', row)]);
        return true;
      });
      if (!saved) throw errors.notFound('This appointment');
      return { ...row, advisorNotes: notes, updatedAt: now };
    },

    /** Staff cancelling is never the student's late cancellation (APPT-03); the student is told by email. */
    async cancel(actor: Actor, id: string, reason: string | null): Promise<AdvisorAppointment> {
      const advisorId = actor.id;
      const row = await owned(advisorId, id);
      const now = clock.now();
      if (row.status !== 'booked') throw notBooked(row.status, 'cancelled');
      if (now.getTime() >= row.startsAt.getTime()) throw errors.conflict('APPOINTMENT_ALREADY_STARTED', 'This appointment has started; mark the attendance instead.');
      const office = await officeService.office();
      await retryTransient(() => db.transaction(async (tx) => {
        await locks.advisorTime(tx, [advisorId]);
        const updated = await cancelAsAdvisor(tx, advisorId, id, { status: 'cancelled', now, cancelledBy: advisorId, reason });
        if (!updated) throw errors.conflict('APPOINTMENT_NOT_BOOKED', 'This appointment was changed a moment ago and cannot be cancelled.');
        const student: Recipient = { id: row.studentId, name: row.studentName, email: row.studentEmail };
        const { advisorNotes: _private, studentName: _name, studentEmail: _email, studentPseudonym: _pseudonym, ...view } = { ...row, ...updated };
        await mailer.send(cancellationMail(student, view, { publicUrl, now, timeZone: office.calendar.timeZone, byAdvisor: true }), tx);
        await insertAuditEvents(tx, actor, now, [onAppointment('appointment_cancelled', row)]);
      }));
      return owned(advisorId, id);
    },

    /**
     * APPT-05: after a staff meeting, earlier no-shows stop counting; an advisor acts only for their own students.
     * The clearance and its audit row commit together.
     */
    async clearNoShows(actor: Actor, studentId: string, note: string): Promise<Date> {
      const student = actor.role === 'admin' ? await findBookingUser(db, { id: studentId }) : await findStudentOfAdvisor(db, actor.id, studentId);
      if (!student) throw errors.notFound('This student');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const clearedAt = await insertClearance(tx, actor.id, studentId, note, now);
        // The target is the row's student: no second copy of the id, so erasing the student leaves none behind.
        await insertAuditEvents(tx, actor, now, [{ action: 'no_shows_cleared', student: { id: studentId, pseudonym: student.auditPseudonym }, target: { type: 'student', id: null } }]);
        return clearedAt;
      });
    },

    /** A new secret feed URL; the previous one stops working. */
    async rotateFeed(advisorId: string): Promise<string> {
      const token = newToken();
      if (!(await saveFeedTokenHash(db, advisorId, hashToken(token), clock.now()))) {
        throw new AppError(409, 'CONFLICT', 'Set your time zone and availability first; then create the calendar feed.');
      }
      return `${publicUrl}/api/v1/calendar-feeds/${token}`;
    },

    async revokeFeed(advisorId: string): Promise<void> {
      await saveFeedTokenHash(db, advisorId, null, clock.now());
    },

    /** The advisor's agenda as an iCalendar feed, found by the secret token alone; undefined when unknown. */
    async feed(token: string): Promise<string | undefined> {
      const advisor = await findAdvisorByFeedTokenHash(db, hashToken(token));
      if (!advisor) return undefined;
      const now = clock.now();
      const rows = await listFeedAppointments(db, advisor.advisorId, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS), FEED_LIMIT);
      return buildCalendar(
        rows.map((row) => advisorEvent(row, publicUrl)),
        { now, name: `Rapport advising: ${advisor.name}` },
      );
    },
  };
}

export type AdvisingService = ReturnType<typeof createAdvisingService>;
