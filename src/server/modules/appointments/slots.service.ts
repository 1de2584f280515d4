import { DateTime } from 'luxon';
import type { SlotDto, SlotsQuery } from '../../../shared/contracts/appointments';
import { formatSlotStart, type Interval } from '../../../shared/domain/slots';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import { advisorSlots } from './advisor-slots';
import { listBusy } from './appointments.repo';
import { listExceptionsOf, listOfferingAdvisors, listRulesOf } from './availability.repo';
import { bookableReason, lengthFor, noticeFloor, type Caller } from './booking-rules';
import type { OfficeService } from './office.service';

const DAY_MS = 86_400_000;
/** The widest slot search: eight weeks and a bit (300 advisors × 8 weeks is the bench's case). */
const MAX_RANGE_DAYS = 62;
const DEFAULT_RANGE_DAYS = 14;

/** A bound of a slot search: an instant as given, or a local date's midnight in the viewer's zone. */
function bound(value: string, timeZone: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: timeZone }).startOf('day');
    return (endOfDay ? day.plus({ days: 1 }) : day).toJSDate();
  }
  return new Date(value);
}

function byAdvisor<T extends { advisorId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.advisorId);
    if (list) list.push(row);
    else map.set(row.advisorId, [row]);
  }
  return map;
}

/** Slot search (ADR 010): read-only, across every advisor who offers a code. */
export function createSlotsService(deps: { db: Db; clock: Clock; office: OfficeService }) {
  const { db, clock, office: officeService } = deps;
  return {
    /** Open slots across the advisors who offer a code, labelled in the viewer's zone. */
    async slots(caller: Caller, query: SlotsQuery) {
      const now = clock.now();
      const timeZone = query.timeZone ?? query.timezone ?? 'UTC';
      const reason = await bookableReason(db, caller, query.reasonCode);
      const minutes = lengthFor(reason, query.minutes);
      const from = query.from ? bound(query.from, timeZone, false) : now;
      const to = query.to ? bound(query.to, timeZone, true) : new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS);
      if (to.getTime() <= from.getTime()) throw errors.validation('`to` must be after `from`.', [{ path: 'to', message: 'Pick a later end.' }]);
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
        throw errors.validation(`Search at most ${MAX_RANGE_DAYS} days at a time.`, [{ path: 'to', message: 'Pick an earlier end.' }]);
      }
      const office = await officeService.office();
      const advisors = await listOfferingAdvisors(db, reason.code, query.advisorId);
      const ids = advisors.map((a) => a.advisorId);
      const around = { from: new Date(from.getTime() - DAY_MS), to: new Date(to.getTime() + DAY_MS) };
      const [rules, exceptions, busy] = await Promise.all([listRulesOf(db, ids), listExceptionsOf(db, ids, around.from, around.to), listBusy(db, ids, around.from, around.to)]);
      const [rulesOf, exceptionsOf, busyOf] = [byAdvisor(rules), byAdvisor(exceptions), byAdvisor(busy)];
      const items: SlotDto[] = [];
      for (const advisor of advisors) {
        const slots = advisorSlots({
          advisor,
          rules: rulesOf.get(advisor.advisorId) ?? [],
          exceptions: exceptionsOf.get(advisor.advisorId) ?? [],
          busy: (busyOf.get(advisor.advisorId) ?? []).map((b): Interval => ({ start: b.start, end: b.end })),
          lengthMinutes: minutes,
          from,
          to,
          now,
          noticeFloorMinutes: noticeFloor(reason, office),
        });
        for (const slot of slots) {
          items.push({
            advisorId: advisor.advisorId,
            advisorName: advisor.name,
            start: slot.start.toISOString(),
            end: slot.end.toISOString(),
            startLocal: DateTime.fromJSDate(slot.start, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? slot.start.toISOString(),
            label: formatSlotStart(slot.start, timeZone),
          });
        }
      }
      items.sort((a, b) => a.start.localeCompare(b.start) || a.advisorName.localeCompare(b.advisorName) || a.advisorId.localeCompare(b.advisorId));
      return { items: items.slice(0, query.limit), reasonCode: reason.code, minutes, timeZone, truncated: items.length > query.limit };
    },
  };
}

export type SlotsService = ReturnType<typeof createSlotsService>;
