import { DateTime, IANAZone } from 'luxon';

/**
 * Bookable slots from an advisor's weekly wall-clock availability in their IANA time zone (issue 4, ADR 010).
 * Slots are generated per local calendar date from the zone database — never by adding 24 h — and are
 * instants (`Date`), so a student in any zone sees the same moment.
 *
 * DST (ADR 010): a slot whose local start does not exist (spring forward) is not offered; a repeated local
 * start (fall back) is offered once, at its first occurrence; a range ends at the instant its wall-clock end
 * is reached, or, when that end does not exist, at the moment the clock jumps past it.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** A calendar date in the advisor's zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time "HH:MM" from "00:00" to "24:00" ("24:00" only ends a range). */
export type WallTime = string;

export type WeeklyRule = { weekday: IsoWeekday; start: WallTime; end: WallTime };
export type AvailabilityException =
  /** Time off as instants, e.g. a dentist appointment or a conference. */
  | { kind: 'time_off'; start: Date; end: Date }
  /** The weekly hours of this local date are off (extra hours on the same date still count). */
  | { kind: 'day_off'; date: LocalDate }
  /** Hours added on one local date, on top of the weekly ones. */
  | { kind: 'extra_hours'; date: LocalDate; start: WallTime; end: WallTime };
export type Interval = { start: Date; end: Date };
export type Slot = Interval;

export type SlotQuery = {
  timeZone: string;
  weekly: readonly WeeklyRule[];
  exceptions?: readonly AvailabilityException[];
  lengthMinutes: number;
  /** Free minutes kept before and after every busy interval; default 0. */
  bufferMinutes?: number;
  /** Distance between slot starts in wall-clock minutes from each range's start; default min(length, 30). */
  stepMinutes?: number;
  /** Existing appointments and other busy time, as instants. */
  busy?: readonly Interval[];
  /** Slot starts lie in [from, to). */
  from: Date;
  to: Date;
  now: Date;
  /** No slot starts before now + notice. */
  minimumNoticeMinutes: number;
  /** No slot starts at or after the same wall time this many calendar days from now, in the advisor's zone. */
  horizonDays: number;
};

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const HOUR_MS = 60 * MINUTE_MS;

/** Minutes after midnight of "HH:MM" ("24:00" → 1440), or null when it is not a wall time. */
export function parseWallTime(time: WallTime): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= DAY_MINUTES ? minutes : null;
}

/** The default distance between slot starts: the length, but at most half an hour (ADR 010). */
export function defaultStepMinutes(lengthMinutes: number): number {
  return Math.min(lengthMinutes, 30);
}

// ---------------------------------------------------------------------------------------------------------
// Local dates: plain calendar arithmetic on (year, month, day); no instants, so no offsets are involved.

type DateParts = { year: number; month: number; day: number };

function dateParts(date: LocalDate): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a local date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function calendarDay(date: LocalDate, addDays = 0): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day + addDays));
}

/** The calendar date `days` after `date` (negative: before). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return calendarDay(date, days).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date. */
export function isoWeekday(date: LocalDate): IsoWeekday {
  return (((calendarDay(date).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return DateTime.fromMillis(instant.getTime(), { zone: timeZone }).toFormat('yyyy-MM-dd');
}

// ---------------------------------------------------------------------------------------------------------
// Wall time → instant, from the zone database (Luxon's IANAZone and DateTime).

export type WallTimeResolution =
  | { kind: 'single'; instant: Date }
  /** Fall back: the local time happens twice; `instant` is the first occurrence, `later` the second. */
  | { kind: 'repeated'; instant: Date; later: Date }
  /** Spring forward: the local time does not exist; `transition` is when the clock jumped past it. */
  | { kind: 'skipped'; transition: Date };

function zoneFor(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return IANAZone.create(timeZone);
}

/**
 * Resolves the wall-clock time `minutes` after midnight of a local date in `timeZone` (1440 = next midnight).
 * Luxon alone picks one instant for a repeated time and shifts a missing one forward, depending on the host's
 * zone, so both cases are resolved here explicitly from the offsets Luxon reports.
 */
export function resolveWallTime(date: LocalDate, minutes: number, timeZone: string): WallTimeResolution {
  const zone = zoneFor(timeZone);
  const day = dateParts(addCalendarDays(date, Math.floor(minutes / DAY_MINUTES)));
  const hour = Math.floor((minutes % DAY_MINUTES) / 60);
  const minute = minutes % 60;
  const probe = DateTime.fromObject({ ...day, hour, minute }, { zone });
  const matches = probe
    .getPossibleOffsets()
    .filter((dt) => dt.day === day.day && dt.hour === hour && dt.minute === minute)
    .map((dt) => dt.toMillis())
    .sort((a, b) => a - b);
  const [first, later] = matches;
  if (first !== undefined && later !== undefined) return { kind: 'repeated', instant: new Date(first), later: new Date(later) };
  if (first !== undefined) return { kind: 'single', instant: new Date(first) };
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  return { kind: 'skipped', transition: new Date(firstInstantReading(zone, wall)) };
}

/** The first instant whose local reading is at or after `wall` (a UTC-encoded wall time), by bisection. */
function firstInstantReading(zone: IANAZone, wall: number): number {
  // Offsets lie within −12 h … +14 h, so the answer lies in this range.
  let low = wall - 15 * HOUR_MS;
  let high = wall + 13 * HOUR_MS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + zone.offset(middle) * MINUTE_MS >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** One local date of one zone, with the offset that holds all day when there is no transition on it. */
type Day = { zone: IANAZone; date: LocalDate; midnight: number; steadyOffset: number | null };

/**
 * Looks the date up once. The offset is sampled before the local day can have begun and after it must have
 * ended in any zone (offsets lie within −12 h … +14 h); equal samples mean no transition that day (the zone
 * database has no pair of transitions that cancel out within two days). Cached: many advisors share a zone.
 */
function dayOf(zone: IANAZone, date: LocalDate): Day {
  const midnight = calendarDay(date).getTime();
  const key = `${zone.name}|${date}`;
  let steady = steadyOffsets.get(key);
  if (steady === undefined) {
    const before = zone.offset(midnight - 14 * HOUR_MS);
    steady = before === zone.offset(midnight + 36 * HOUR_MS) ? before : null;
    if (steadyOffsets.size > 100_000) steadyOffsets.clear();
    steadyOffsets.set(key, steady);
  }
  return { zone, date, midnight, steadyOffset: steady };
}
const steadyOffsets = new Map<string, number | null>();

/** As resolveWallTime, without asking Luxon again on the many dates without a transition. */
function resolveOnDay(day: Day, minutes: number): WallTimeResolution {
  if (day.steadyOffset === null) return resolveWallTime(day.date, minutes, day.zone.name);
  return { kind: 'single', instant: new Date(day.midnight + (minutes - day.steadyOffset) * MINUTE_MS) };
}

// ---------------------------------------------------------------------------------------------------------
// Availability per date.

export type MinuteRange = { start: number; end: number };

function wallRange(start: WallTime, end: WallTime): MinuteRange {
  const from = parseWallTime(start);
  const to = parseWallTime(end);
  if (from === null || to === null || from >= to) throw new RangeError(`Not a wall-clock range: ${start}–${end}`);
  return { start: from, end: to };
}

/** Overlapping or touching ranges become one, so a grid never restarts inside open time. */
function mergeRanges(ranges: MinuteRange[]): MinuteRange[] {
  const merged: MinuteRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Weekly rules and date exceptions parsed once per query. */
type Availability = { byWeekday: Map<IsoWeekday, MinuteRange[]>; daysOff: Set<LocalDate>; extra: Map<LocalDate, MinuteRange[]> };

function availabilityOf(weekly: readonly WeeklyRule[], exceptions: readonly AvailabilityException[]): Availability {
  const availability: Availability = { byWeekday: new Map(), daysOff: new Set(), extra: new Map() };
  const add = <K>(map: Map<K, MinuteRange[]>, key: K, range: MinuteRange) => map.set(key, [...(map.get(key) ?? []), range]);
  for (const rule of weekly) add(availability.byWeekday, rule.weekday, wallRange(rule.start, rule.end));
  for (const e of exceptions) {
    if (e.kind === 'day_off') availability.daysOff.add(e.date);
    if (e.kind === 'extra_hours') add(availability.extra, e.date, wallRange(e.start, e.end));
  }
  return availability;
}

function rangesOn(date: LocalDate, availability: Availability): MinuteRange[] {
  const weekly = availability.daysOff.has(date) ? [] : (availability.byWeekday.get(isoWeekday(date)) ?? []);
  return mergeRanges([...weekly, ...(availability.extra.get(date) ?? [])]);
}

/** The wall-clock ranges open on one local date: weekly hours unless the date is off, plus extra hours. */
export function openRangesOn(date: LocalDate, weekly: readonly WeeklyRule[], exceptions: readonly AvailabilityException[] = []): MinuteRange[] {
  return rangesOn(date, availabilityOf(weekly, exceptions));
}

// ---------------------------------------------------------------------------------------------------------
// Busy time.

type MsInterval = { start: number; end: number };

/** Busy intervals widened by the buffer, plus time off, as sorted disjoint intervals. */
function blockedIntervals(busy: readonly Interval[], bufferMinutes: number, exceptions: readonly AvailabilityException[]): MsInterval[] {
  const buffer = bufferMinutes * MINUTE_MS;
  const all: MsInterval[] = busy.map((b) => ({ start: b.start.getTime() - buffer, end: b.end.getTime() + buffer }));
  for (const e of exceptions) if (e.kind === 'time_off') all.push({ start: e.start.getTime(), end: e.end.getTime() });
  return mergeRanges(all);
}

/** Whether [start, end) overlaps any of the sorted disjoint intervals (binary search). */
function overlapsAny(blocked: readonly MsInterval[], start: number, end: number): boolean {
  let low = 0;
  let high = blocked.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((blocked[middle]?.end ?? Infinity) <= start) low = middle + 1;
    else high = middle;
  }
  const candidate = blocked[low];
  return candidate !== undefined && candidate.start < end;
}

// ---------------------------------------------------------------------------------------------------------
// Slots.

function checkQuery(query: SlotQuery, step: number): void {
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  for (const instant of [query.from, query.to, query.now]) if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date in slot query');
  if (!positive(query.lengthMinutes)) throw new RangeError('lengthMinutes must be a positive whole number');
  if (!positive(step)) throw new RangeError('stepMinutes must be a positive whole number');
  if (!Number.isInteger(query.bufferMinutes ?? 0) || (query.bufferMinutes ?? 0) < 0) throw new RangeError('bufferMinutes must be ≥ 0');
  if (query.minimumNoticeMinutes < 0 || query.horizonDays < 0) throw new RangeError('notice and horizon must be ≥ 0');
}

/** The instants slot starts may take: [max(from, now + notice), min(to, horizon end)). */
function bookableWindow(query: SlotQuery): MsInterval {
  const horizonEnd = DateTime.fromJSDate(query.now, { zone: query.timeZone }).plus({ days: query.horizonDays }).toMillis();
  return {
    start: Math.max(query.from.getTime(), query.now.getTime() + query.minimumNoticeMinutes * MINUTE_MS),
    end: Math.min(query.to.getTime(), horizonEnd),
  };
}

/** The instant a range stops: its end, or when the clock jumped past an end that does not exist. */
function rangeEnd(day: Day, minutes: number): number {
  const end = resolveOnDay(day, minutes);
  return (end.kind === 'skipped' ? end.transition : end.instant).getTime();
}

/** The slots of one local date, before the window and busy checks. */
function candidatesOn(day: Day, availability: Availability, lengthMinutes: number, step: number): MsInterval[] {
  const length = lengthMinutes * MINUTE_MS;
  const out: MsInterval[] = [];
  for (const range of rangesOn(day.date, availability)) {
    const stop = rangeEnd(day, range.end);
    for (let minutes = range.start; minutes < range.end; minutes += step) {
      const start = resolveOnDay(day, minutes);
      if (start.kind === 'skipped') continue;
      const at = start.instant.getTime();
      if (at + length <= stop) out.push({ start: at, end: at + length });
    }
  }
  return out;
}

/** Open slots, sorted by start: in the window, not in the past, inside notice or beyond horizon, not busy. */
export function generateSlots(query: SlotQuery): Slot[] {
  const step = query.stepMinutes ?? defaultStepMinutes(query.lengthMinutes);
  checkQuery(query, step);
  const zone = zoneFor(query.timeZone);
  const window = bookableWindow(query);
  if (window.start >= window.end) return [];
  const availability = availabilityOf(query.weekly, query.exceptions ?? []);
  const blocked = blockedIntervals(query.busy ?? [], query.bufferMinutes ?? 0, query.exceptions ?? []);
  const lastDate = localDateOf(new Date(window.end), query.timeZone);
  const slots: Slot[] = [];
  for (let date = localDateOf(new Date(window.start), query.timeZone); date <= lastDate; date = addCalendarDays(date, 1)) {
    for (const slot of candidatesOn(dayOf(zone, date), availability, query.lengthMinutes, step)) {
      if (slot.start < window.start || slot.start >= window.end) continue;
      if (overlapsAny(blocked, slot.start, slot.end)) continue;
      slots.push({ start: new Date(slot.start), end: new Date(slot.end) });
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** "Tue 10 Mar, 13:00": when a slot starts, as a viewer in `timeZone` reads it. */
export function formatSlotStart(start: Date, timeZone: string, locale = 'en-US'): string {
  return DateTime.fromJSDate(start, { zone: zoneFor(timeZone) }).setLocale(locale).toFormat('ccc d LLL, HH:mm');
}
