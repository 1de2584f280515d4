import { DateTime } from 'luxon';
import { type LocalDate, addCalendarDays, isoWeekday, localDateOf, resolveWallTime } from './slots';

/**
 * Advising appointment policy (DOMAIN.md §6, APPT-02…06) and the appointment state machine. Pure: `now` is
 * always passed in, and every threshold is an office setting with the handbook's default.
 */

export const CANCELLATION_CUTOFFS = ['4h', '24h', '48h', '1_business_day', '2_business_days'] as const;
/** APPT-03 presets: hours before the start, or the same wall time one or two business days before. */
export type CancellationCutoff = (typeof CANCELLATION_CUTOFFS)[number];

/** The office's zone and holidays: business days are its local dates, Monday–Friday, less the holidays. */
export type OfficeCalendar = { timeZone: string; holidays: readonly LocalDate[] };

export type AppointmentPolicy = {
  /** APPT-02: a required document is uploaded at least this many hours before the start. */
  documentLeadHours: number;
  /** APPT-03: cancelling after this deadline is a late cancellation. */
  cancellationCutoff: CancellationCutoff;
  /** APPT-04: arriving more than this many minutes late (or after the halfway point) is a no-show. */
  noShowAfterMinutes: number;
  /** APPT-05: no-shows in a term that bring a notice, a warning, and a booking block until a staff meeting. */
  noShowLadder: { notice: number; warning: number; blocked: number };
  /** APPT-06: appointments per student per term; null = no cap. */
  termCap: number | null;
};

export const DEFAULT_APPOINTMENT_POLICY: AppointmentPolicy = {
  documentLeadHours: 24,
  cancellationCutoff: '24h',
  noShowAfterMinutes: 10,
  noShowLadder: { notice: 1, warning: 2, blocked: 3 },
  termCap: null,
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

// ---------------------------------------------------------------------------------------------------------
// APPT-02 documents.

/** APPT-02: the last moment a required document may be uploaded. */
export function documentDeadline(start: Date, leadHours = DEFAULT_APPOINTMENT_POLICY.documentLeadHours): Date {
  return new Date(start.getTime() - leadHours * HOUR_MS);
}

/** APPT-02: whether an upload at `uploadedAt` is early enough. */
export function isDocumentOnTime(uploadedAt: Date, start: Date, leadHours = DEFAULT_APPOINTMENT_POLICY.documentLeadHours): boolean {
  return uploadedAt.getTime() <= documentDeadline(start, leadHours).getTime();
}

// ---------------------------------------------------------------------------------------------------------
// APPT-03 cancellation.

/** A weekday that is not one of the office's holidays. */
export function isBusinessDay(date: LocalDate, holidays: readonly LocalDate[]): boolean {
  return isoWeekday(date) <= 5 && !holidays.includes(date);
}

/** The business day `count` business days before `date` (weekends and holidays are skipped, not counted). */
export function businessDaysBefore(date: LocalDate, count: number, holidays: readonly LocalDate[]): LocalDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addCalendarDays(day, -1);
    if (isBusinessDay(day, holidays)) left -= 1;
  }
  return day;
}

const CUTOFF_HOURS = { '4h': 4, '24h': 24, '48h': 48 } as const;
const CUTOFF_BUSINESS_DAYS = { '1_business_day': 1, '2_business_days': 2 } as const;

/**
 * APPT-03: the last moment a cancellation is on time. Hour presets count real hours; business-day presets
 * keep the start's wall time in the office's zone (Monday 10:00 with one business day → Friday 10:00), read
 * by the DST rules of ADR 010.
 */
export function cancellationDeadline(start: Date, cutoff: CancellationCutoff, calendar: OfficeCalendar): Date {
  if (cutoff === '4h' || cutoff === '24h' || cutoff === '48h') return new Date(start.getTime() - CUTOFF_HOURS[cutoff] * HOUR_MS);
  const local = DateTime.fromJSDate(start, { zone: calendar.timeZone });
  const day = businessDaysBefore(localDateOf(start, calendar.timeZone), CUTOFF_BUSINESS_DAYS[cutoff], calendar.holidays);
  const wall = resolveWallTime(day, local.hour * 60 + local.minute, calendar.timeZone);
  return wall.kind === 'skipped' ? wall.transition : wall.instant;
}

/** APPT-03: a cancellation after the deadline is late; one exactly at the deadline is on time. */
export function isLateCancellation(start: Date, now: Date, cutoff: CancellationCutoff, calendar: OfficeCalendar): boolean {
  return now.getTime() > cancellationDeadline(start, cutoff, calendar).getTime();
}

/**
 * APPT-03: the status a cancellation moves a booked appointment to. Staff cancelling is never the student's
 * late cancellation. Null once the appointment has started: then attendance (APPT-04) applies instead.
 */
export function cancellationStatus(input: {
  start: Date;
  now: Date;
  by: 'student' | 'staff';
  cutoff: CancellationCutoff;
  calendar: OfficeCalendar;
}): 'cancelled' | 'late_cancelled' | null {
  if (input.now.getTime() >= input.start.getTime()) return null;
  if (input.by === 'staff') return 'cancelled';
  return isLateCancellation(input.start, input.now, input.cutoff, input.calendar) ? 'late_cancelled' : 'cancelled';
}

// ---------------------------------------------------------------------------------------------------------
// APPT-04 attendance.

export type Attendance = 'attended' | 'late' | 'no_show' | 'pending';

/** APPT-04: the moment after which a student who has not arrived is a no-show: 10 min in, or halfway if sooner. */
export function noShowAt(start: Date, lengthMinutes: number, noShowAfterMinutes = DEFAULT_APPOINTMENT_POLICY.noShowAfterMinutes): Date {
  return new Date(start.getTime() + Math.min(noShowAfterMinutes, lengthMinutes / 2) * MINUTE_MS);
}

/**
 * APPT-04: arrived by the start → attended; after it but by the no-show moment → late; after that moment, or
 * still absent once it has passed → no_show; absent while that moment has not yet passed → pending.
 */
export function classifyAttendance(
  input: { start: Date; lengthMinutes: number; arrivedAt: Date | null; now: Date },
  noShowAfterMinutes = DEFAULT_APPOINTMENT_POLICY.noShowAfterMinutes,
): Attendance {
  const limit = noShowAt(input.start, input.lengthMinutes, noShowAfterMinutes).getTime();
  if (input.arrivedAt === null) return input.now.getTime() > limit ? 'no_show' : 'pending';
  const arrived = input.arrivedAt.getTime();
  if (arrived <= input.start.getTime()) return 'attended';
  return arrived <= limit ? 'late' : 'no_show';
}

// ---------------------------------------------------------------------------------------------------------
// APPT-05 no-show ladder and APPT-06 cap, per term.

export type NoShowStanding = 'none' | 'notice' | 'warning' | 'blocked';

/** APPT-05: 1 no-show this term → notice, 2 → warning, 3 → booking blocked until a staff meeting. */
export function noShowStanding(noShowsThisTerm: number, ladder = DEFAULT_APPOINTMENT_POLICY.noShowLadder): NoShowStanding {
  if (noShowsThisTerm >= ladder.blocked) return 'blocked';
  if (noShowsThisTerm >= ladder.warning) return 'warning';
  if (noShowsThisTerm >= ladder.notice) return 'notice';
  return 'none';
}

/** APPT-06: whether one more appointment fits under the term cap (no cap → always). */
export function isUnderTermCap(appointmentsThisTerm: number, cap: number | null): boolean {
  return cap === null || appointmentsThisTerm < cap;
}

/** APPT-05/06: why a student may not book now, or null. A staff meeting clears a block by resetting the count. */
export function bookingRefusal(input: { noShowsThisTerm: number; appointmentsThisTerm: number; policy: AppointmentPolicy }): 'no_show_blocked' | 'term_cap_reached' | null {
  if (noShowStanding(input.noShowsThisTerm, input.policy.noShowLadder) === 'blocked') return 'no_show_blocked';
  if (!isUnderTermCap(input.appointmentsThisTerm, input.policy.termCap)) return 'term_cap_reached';
  return null;
}

/** A term with inclusive first and last local dates in the office's zone. */
export type Term = { id: string; name: string; startsOn: LocalDate; endsOn: LocalDate };

/** The term containing a local date (the latest-starting one if terms overlap), or null between terms. */
export function termOn(date: LocalDate, terms: readonly Term[]): Term | null {
  let found: Term | null = null;
  for (const term of terms) {
    if (term.startsOn <= date && date <= term.endsOn && (found === null || term.startsOn > found.startsOn)) found = term;
  }
  return found;
}

/** The term an instant falls in, reading its date in the office's zone. */
export function termAt(instant: Date, terms: readonly Term[], timeZone: string): Term | null {
  return termOn(localDateOf(instant, timeZone), terms);
}

/** APPT-05/06: how many of these instants (no-shows, bookings) fall in the term — counters reset each term. */
export function countInTerm(instants: readonly Date[], term: Term, timeZone: string): number {
  return instants.filter((instant) => termAt(instant, [term], timeZone) !== null).length;
}

// ---------------------------------------------------------------------------------------------------------
// State machine (used with compare-and-swap updates: `… WHERE status = <from>`).

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'late_cancelled', 'attended', 'late', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const OUTCOMES = ['attended', 'late', 'no_show'] as const;

// A booked appointment is cancelled or gets an attendance outcome; an outcome may be corrected to another
// (an advisor's mis-click), but nothing returns to booked and cancellations are final.
const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['cancelled', 'late_cancelled', ...OUTCOMES],
  cancelled: [],
  late_cancelled: [],
  attended: ['late', 'no_show'],
  late: ['attended', 'no_show'],
  no_show: ['attended', 'late'],
};

/** Whether an appointment may move from one status to another. */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses reachable in one step. */
export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

/** Attendance is marked once the appointment has started, never before. */
export function canMarkAttendance(start: Date, now: Date): boolean {
  return now.getTime() >= start.getTime();
}

/** APPT-07: statuses that keep the advisor's time taken; a cancelled slot is bookable again. */
export const TIME_HOLDING_STATUSES = ['booked', ...OUTCOMES] as const satisfies readonly AppointmentStatus[];

/** APPT-07: whether an appointment in this status takes part in the no-overlap rule. */
export function holdsAdvisorTime(status: AppointmentStatus): boolean {
  return (TIME_HOLDING_STATUSES as readonly AppointmentStatus[]).includes(status);
}

/** APPT-06: statuses that count toward the term cap — all but a cancellation on time. */
export function countsTowardTermCap(status: AppointmentStatus): boolean {
  return status !== 'cancelled';
}
