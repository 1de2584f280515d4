import {
  generateSlots,
  openSlotStream,
  type AvailabilityException,
  type Interval,
  type IsoWeekday,
  type MsInterval,
  type Slot,
  type SlotQuery,
  type SlotStream,
  type WeeklyRule,
} from '../../../shared/domain/slots';
import type { ExceptionShape, OfferingAdvisor, WeeklyHoursRow } from './availability.repo';

/** Rows to the pure slot generator's inputs (ADR 010): one advisor's open slots in a window. */

export function toWeeklyRule(row: WeeklyHoursRow): WeeklyRule {
  return { weekday: row.weekday as IsoWeekday, start: row.startTime, end: row.endTime };
}

export function toDomainException(row: ExceptionShape): AvailabilityException | null {
  if (row.kind === 'time_off' && row.startsAt && row.endsAt) return { kind: 'time_off', start: row.startsAt, end: row.endsAt };
  if (row.kind === 'day_off' && row.date) return { kind: 'day_off', date: row.date };
  if (row.kind === 'extra_hours' && row.date && row.startTime && row.endTime) return { kind: 'extra_hours', date: row.date, start: row.startTime, end: row.endTime };
  return null;
}

export type AdvisorSlotInput = {
  advisor: OfferingAdvisor;
  rules: readonly WeeklyHoursRow[];
  exceptions: readonly ExceptionShape[];
  busy: readonly Interval[];
  /** More busy time in milliseconds since the epoch (slot search); counts as `busy` does. */
  busyMs?: readonly MsInterval[];
  lengthMinutes: number;
  from: Date;
  to: Date;
  now: Date;
  /** A floor on the advisor's minimum notice (APPT-02: a document code needs the document lead time). */
  noticeFloorMinutes: number;
};

function slotQuery(input: AdvisorSlotInput): SlotQuery {
  return {
    timeZone: input.advisor.timeZone,
    weekly: input.rules.map(toWeeklyRule),
    exceptions: input.exceptions.map(toDomainException).filter((e): e is AvailabilityException => e !== null),
    lengthMinutes: input.lengthMinutes,
    bufferMinutes: input.advisor.bufferMinutes,
    busy: input.busy,
    busyMs: input.busyMs,
    from: input.from,
    to: input.to,
    now: input.now,
    minimumNoticeMinutes: Math.max(input.advisor.minimumNoticeMinutes, input.noticeFloorMinutes),
    horizonDays: input.advisor.horizonDays,
  };
}

export function advisorSlots(input: AdvisorSlotInput): Slot[] {
  return generateSlots(slotQuery(input));
}

/** The same slots as advisorSlots, in the same order, generated lazily (slot search across many advisors). */
export function advisorSlotStream(input: AdvisorSlotInput): SlotStream {
  return openSlotStream(slotQuery(input));
}
