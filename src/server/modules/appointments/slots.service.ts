import { DateTime } from 'luxon';
import type { SlotDto, SlotsQuery } from '../../../shared/contracts/appointments';
import { formatSlotStart, type MsInterval, type SlotStream } from '../../../shared/domain/slots';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import { advisorSlotStream } from './advisor-slots';
import { listOfferingAdvisorsWithHours, listSlotSearchWindow, type OfferingAdvisor, type WeeklyHoursRow } from './availability.repo';
import { lengthFor, noticeFloor, type Caller } from './booking-rules';
import type { OfficeService } from './office.service';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
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

/** An instant as ISO text, made once: the pages of many searches share the same half hours. */
function isoAt(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoCache.size > 50_000) isoCache.clear();
    isoCache.set(ms, text);
  }
  return text;
}
const isoCache = new Map<number, string>();

/**
 * How a start reads in a viewer's zone, made once per instant and zone: the pages of many searches share the
 * same half hours, and Luxon takes tens of microseconds per label. Emptied when it grows large.
 */
function labelsOf(start: number, timeZone: string): { start: string; startLocal: string; label: string } {
  const key = `${timeZone}|${start}`;
  let text = labelCache.get(key);
  if (!text) {
    const instant = new Date(start);
    text = {
      start: isoAt(start),
      startLocal: DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString(),
      label: formatSlotStart(instant, timeZone),
    };
    if (labelCache.size > 50_000) labelCache.clear();
    labelCache.set(key, text);
  }
  return text;
}
const labelCache = new Map<string, { start: string; startLocal: string; label: string }>();

/** String.prototype.localeCompare's order (the same default locale and options), without a collator per call. */
const collator = new Intl.Collator();

/** One advisor's slots in the merge; `rank` orders advisors whose slots start at the same instant. */
type Source = { advisor: OfferingAdvisor; rank: number; stream: SlotStream; start: number };

const before = (a: Source, b: Source) => a.start < b.start || (a.start === b.start && a.rank < b.rank);

/** A binary min-heap of sources by (next start, rank): merges the advisors' sorted streams. */
class SourceHeap {
  private readonly items: Source[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Source | undefined {
    return this.items[0];
  }

  push(source: Source): void {
    const items = this.items;
    items.push(source);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Source, items[parent] as Source)) break;
      const swap = items[i] as Source;
      items[i] = items[parent] as Source;
      items[parent] = swap;
      i = parent;
    }
  }

  pop(): Source | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && before(items[left] as Source, items[smallest] as Source)) smallest = left;
      if (right < items.length && before(items[right] as Source, items[smallest] as Source)) smallest = right;
      if (smallest === i) break;
      const swap = items[i] as Source;
      items[i] = items[smallest] as Source;
      items[smallest] = swap;
      i = smallest;
    }
    return top;
  }
}

/**
 * Where a page probably ends: walks the days from `start`, counting the slots the advisors' weekly hours offer on
 * each weekday (read as UTC days, an estimate), until `wanted` fit. Only sizes the first window; never decides.
 */
function guessPageEnd(hours: Iterable<readonly WeeklyHoursRow[]>, stepMinutes: number, start: number, end: number, wanted: number): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const perWeekday = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const rules of hours) for (const rule of rules) perWeekday[rule.weekday] = (perWeekday[rule.weekday] ?? 0) + Math.max(0, minutes(rule.endTime) - minutes(rule.startTime)) / stepMinutes;
  if (perWeekday.every((n) => n === 0)) return end;
  let left = wanted;
  for (let at = start; at < end; ) {
    const nextMidnight = (Math.floor(at / DAY_MS) + 1) * DAY_MS;
    const offered = (perWeekday[((new Date(at).getUTCDay() + 6) % 7) + 1] ?? 0) * ((nextMidnight - at) / DAY_MS);
    if (offered >= left) return at + (left / offered) * (nextMidnight - at);
    left -= offered;
    at = nextMidnight;
  }
  return end;
}

/**
 * Slot search (ADR 010): read-only, across every advisor who offers a code.
 *
 * The answer is the first `limit` open slots ordered by start, advisor name and id, and whether there were more.
 * Eight weeks of 300 advisors hold ~10⁵ open slots, but a page needs only the earliest ones, so the search reads
 * busy time and exceptions for a window that should hold a page, merges the advisors' slot streams (each made a
 * local date at a time) and stops at `limit` + 1; only when the window holds fewer, it widens it, reads the busy
 * time the wider window adds and merges again (a few times at most, the last time up to `to`). A slot starting
 * inside the window is judged on all the busy time and exceptions that can touch it, so the page is the one the
 * whole range would give (slots-search.int.test.ts compares the two). Queries return one row per advisor (PGlite
 * pays per row), and labels are made once per instant and zone: many advisors share the same half hours.
 */
export function createSlotsService(deps: { db: Db; clock: Clock; office: OfficeService }) {
  const { db, clock, office: officeService } = deps;
  return {
    /** Open slots across the advisors who offer a code, labelled in the viewer's zone. */
    async slots(caller: Caller, query: SlotsQuery) {
      const now = clock.now();
      const timeZone = query.timeZone ?? query.timezone ?? 'UTC';
      const reason = await officeService.bookableReason(caller, query.reasonCode);
      const minutes = lengthFor(reason, query.minutes);
      const from = query.from ? bound(query.from, timeZone, false) : now;
      const to = query.to ? bound(query.to, timeZone, true) : new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS);
      if (to.getTime() <= from.getTime()) throw errors.validation('`to` must be after `from`.', [{ path: 'to', message: 'Pick a later end.' }]);
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
        throw errors.validation(`Search at most ${MAX_RANGE_DAYS} days at a time.`, [{ path: 'to', message: 'Pick an earlier end.' }]);
      }
      const office = await officeService.office();
      const offering = await listOfferingAdvisorsWithHours(db, reason.code, query.advisorId);
      const limit = query.limit;
      if (offering.length === 0) return { items: [], reasonCode: reason.code, minutes, timeZone, truncated: false };
      const advisors = offering.map((o) => o.advisor);
      const rulesOf = new Map(offering.map((o) => [o.advisor.advisorId, o.hours]));
      const ids = advisors.map((a) => a.advisorId);
      const floor = noticeFloor(reason, office);

      // Slots that start at the same instant are ordered by advisor name, then id, as a sort of the whole list would.
      const rank = new Map(
        [...advisors]
          .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.advisorId, b.advisorId))
          .map((advisor, i) => [advisor.advisorId, i]),
      );
      // Busy time that can touch a slot starting in [from, until): the slot's length and the widest buffer around it.
      const pad = (minutes + Math.max(0, ...advisors.map((a) => a.bufferMinutes)) + 1) * MINUTE_MS;
      const busyOf = new Map<string, MsInterval[]>();
      let busyRead = from.getTime() - pad;

      /** The first `limit` + 1 slots that start before `until`, in page order. */
      const pageUntil = async (until: number) => {
        // Busy time is read once: a wider window reads only the appointments that start after what was read.
        const { exceptions, busy: added } = await listSlotSearchWindow(db, ids, {
          exceptionsFrom: new Date(from.getTime() - DAY_MS),
          exceptionsTo: new Date(until + DAY_MS),
          busyFrom: new Date(from.getTime() - pad),
          busyTo: new Date(until + pad),
          ...(busyRead > from.getTime() - pad ? { startingFrom: new Date(busyRead) } : {}),
        });
        busyRead = until + pad;
        // What a wider window adds starts after everything read before: nothing is read twice.
        for (const [advisorId, intervals] of added) {
          const known = busyOf.get(advisorId);
          busyOf.set(advisorId, known ? known.concat(intervals) : intervals);
        }
        const exceptionsOf = byAdvisor(exceptions);
        const heap = new SourceHeap();
        for (const advisor of advisors) {
          const stream = advisorSlotStream({
            advisor,
            rules: rulesOf.get(advisor.advisorId) ?? [],
            exceptions: exceptionsOf.get(advisor.advisorId) ?? [],
            busy: [],
            busyMs: busyOf.get(advisor.advisorId) ?? [],
            lengthMinutes: minutes,
            from,
            to,
            now,
            noticeFloorMinutes: floor,
          });
          const start = stream.peek();
          if (start !== undefined) heap.push({ advisor, rank: rank.get(advisor.advisorId) ?? 0, stream, start });
        }
        const page: { advisor: OfferingAdvisor; start: number; end: number }[] = [];
        while (page.length <= limit) {
          const source = heap.peek();
          if (!source || source.start >= until) break;
          heap.pop();
          const slot = source.stream.next();
          if (slot) page.push({ advisor: source.advisor, start: slot.start, end: slot.end });
          const next = source.stream.peek();
          if (next !== undefined) {
            source.start = next;
            heap.push(source);
          }
        }
        return page;
      };

      // The first window: long enough for a page when an eighth of the advisors' weekly hours are still open, and at
      // least a day (a wider one then reads only what it adds).
      const earliest = Math.max(from.getTime(), now.getTime() + Math.min(...advisors.map((a) => Math.max(a.minimumNoticeMinutes, floor))) * MINUTE_MS);
      const guess = guessPageEnd(rulesOf.values(), Math.min(minutes, 30), earliest, to.getTime(), 8 * (limit + 1));
      let until = Math.min(to.getTime(), Math.max(earliest + DAY_MS, guess));
      let page = await pageUntil(until);
      while (page.length <= limit && until < to.getTime()) {
        // Too few: widen by what the density seen so far says a page needs (1.5–3 times as wide: a weekend
        // in the window makes the density look lower than it is), read what the wider window adds, merge again.
        const span = until - from.getTime();
        const needed = page.length > 0 ? (span * (limit + 1) * 1.25) / page.length : 3 * span;
        until = Math.min(to.getTime(), from.getTime() + Math.min(3 * span, Math.max(1.5 * span, needed)));
        page = await pageUntil(until);
      }

      const items: SlotDto[] = page.slice(0, limit).map((slot) => {
        const text = labelsOf(slot.start, timeZone);
        return { advisorId: slot.advisor.advisorId, advisorName: slot.advisor.name, start: text.start, end: isoAt(slot.end), startLocal: text.startLocal, label: text.label };
      });
      return { items, reasonCode: reason.code, minutes, timeZone, truncated: page.length > limit };
    },
  };
}

export type SlotsService = ReturnType<typeof createSlotsService>;
