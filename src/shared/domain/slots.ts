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
  /**
   * More busy time, as milliseconds since the epoch (slot search reads thousands of appointments and keeps them
   * as numbers: no Date per appointment). Counts exactly as `busy` does; either or both may be given.
   */
  busyMs?: readonly MsInterval[];
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
  const known = wallTimes.get(time);
  return known !== undefined ? known : remember(wallTimes, time, parseWallTimeOnce(time));
}

function parseWallTimeOnce(time: WallTime): number | null {
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

// Slot search asks the same questions about the same few dates, zones and instants for hundreds of advisors:
// the answers are pure, so they are remembered (each map is emptied when it grows large).
const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  if (map.size > 20_000) map.clear();
  map.set(key, value);
  return value;
};
const wallTimes = new Map<WallTime, number | null>();
const midnights = new Map<LocalDate, number>();
const nextDates = new Map<LocalDate, LocalDate>();
const weekdays = new Map<LocalDate, IsoWeekday>();
const localDates = new Map<string, LocalDate>();
const horizonEnds = new Map<string, number>();

/** calendarDay(date).getTime(), remembered. */
function midnightOf(date: LocalDate): number {
  return midnights.get(date) ?? remember(midnights, date, calendarDay(date).getTime());
}

/** addCalendarDays(date, 1), remembered. */
function nextDate(date: LocalDate): LocalDate {
  return nextDates.get(date) ?? remember(nextDates, date, addCalendarDays(date, 1));
}

/** localDateOf for a zone already checked, remembered. */
function localDateIn(zone: IANAZone, ms: number): LocalDate {
  const key = `${zone.name}|${ms}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  // What DateTime.fromMillis(ms, {zone}).toFormat('yyyy-MM-dd') computes (the zone's offset at ms, then the
  // UTC calendar of ms + offset), without building a DateTime; Luxon itself outside years 1000–9999.
  const offset = steadyOffsetAround(zone, ms, 0) ?? zone.offset(ms);
  const local = new Date(ms + offset * MINUTE_MS);
  const year = local.getUTCFullYear();
  const date = !Number.isFinite(offset) || year < 1000 || year > 9999 ? localDateOf(new Date(ms), zone.name) : local.toISOString().slice(0, 10);
  return remember(localDates, key, date);
}

/**
 * The zone's offset all through the UTC date of `ms` and `margin` dates either side, from dayOf's per-date
 * samples (cached); null when one of those dates has a transition or lies outside years 1000–9999.
 */
function steadyOffsetAround(zone: IANAZone, ms: number, margin: number): number | null {
  const at = new Date(ms);
  const year = at.getUTCFullYear();
  if (!(year >= 1001 && year <= 9998)) return null;
  const date = at.toISOString().slice(0, 10);
  const offset = dayOf(zone, date).steadyOffset;
  if (offset === null) return null;
  for (let k = 1; k <= margin; k += 1) {
    if (dayOf(zone, addCalendarDays(date, -k)).steadyOffset !== offset || dayOf(zone, addCalendarDays(date, k)).steadyOffset !== offset) return null;
  }
  return offset;
}

// ---------------------------------------------------------------------------------------------------------
// Wall time → instant, from the zone database (Luxon's IANAZone and DateTime).

export type WallTimeResolution =
  | { kind: 'single'; instant: Date }
  /** Fall back: the local time happens twice; `instant` is the first occurrence, `later` the second. */
  | { kind: 'repeated'; instant: Date; later: Date }
  /** Spring forward: the local time does not exist; `transition` is when the clock jumped past it. */
  | { kind: 'skipped'; transition: Date };

/**
 * The zone of a name, or RangeError. Known names are remembered: Luxon's validity check builds an
 * Intl.DateTimeFormat on every call (~0.1 ms), and slot search asks for the same few zones thousands of times.
 */
function zoneFor(timeZone: string): IANAZone {
  const known = knownZones.get(timeZone);
  if (known) return known;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const zone = IANAZone.create(timeZone);
  if (knownZones.size > 1_000) knownZones.clear();
  knownZones.set(timeZone, zone);
  return zone;
}
const knownZones = new Map<string, IANAZone>();

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
  const midnight = midnightOf(date);
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

/** Weekly rules and date exceptions parsed once per query; `mergedWeekly` holds each weekday's merged ranges. */
type Availability = {
  byWeekday: Map<IsoWeekday, MinuteRange[]>;
  daysOff: Set<LocalDate>;
  extra: Map<LocalDate, MinuteRange[]>;
  mergedWeekly: Map<IsoWeekday, MinuteRange[]>;
};

function availabilityOf(weekly: readonly WeeklyRule[], exceptions: readonly AvailabilityException[]): Availability {
  const availability: Availability = { byWeekday: new Map(), daysOff: new Set(), extra: new Map(), mergedWeekly: new Map() };
  const add = <K>(map: Map<K, MinuteRange[]>, key: K, range: MinuteRange) => {
    const list = map.get(key);
    if (list) list.push(range);
    else map.set(key, [range]);
  };
  for (const rule of weekly) add(availability.byWeekday, rule.weekday, wallRange(rule.start, rule.end));
  for (const e of exceptions) {
    if (e.kind === 'day_off') availability.daysOff.add(e.date);
    if (e.kind === 'extra_hours') add(availability.extra, e.date, wallRange(e.start, e.end));
  }
  return availability;
}

/** The merged ranges of a date (read-only: a date without extra hours shares its weekday's array). */
function rangesOn(date: LocalDate, availability: Availability): MinuteRange[] {
  const extra = availability.extra.get(date);
  if (availability.daysOff.has(date)) return mergeRanges(extra ?? []);
  const weekday = weekdays.get(date) ?? remember(weekdays, date, isoWeekday(date));
  if (extra) return mergeRanges([...(availability.byWeekday.get(weekday) ?? []), ...extra]);
  let merged = availability.mergedWeekly.get(weekday);
  if (!merged) {
    merged = mergeRanges(availability.byWeekday.get(weekday) ?? []);
    availability.mergedWeekly.set(weekday, merged);
  }
  return merged;
}

/** The wall-clock ranges open on one local date: weekly hours unless the date is off, plus extra hours. */
export function openRangesOn(date: LocalDate, weekly: readonly WeeklyRule[], exceptions: readonly AvailabilityException[] = []): MinuteRange[] {
  return rangesOn(date, availabilityOf(weekly, exceptions));
}

// ---------------------------------------------------------------------------------------------------------
// Busy time.

export type MsInterval = { start: number; end: number };

const byStart = (a: MsInterval, b: MsInterval) => a.start - b.start;

/**
 * Busy intervals widened by the buffer, plus time off, as sorted disjoint intervals. The inputs are never changed:
 * a merged interval is a new object, and most appointments (already in start order) are read in place.
 */
function blockedIntervals(busy: readonly Interval[], busyMs: readonly MsInterval[], bufferMinutes: number, exceptions: readonly AvailabilityException[]): MsInterval[] {
  const buffer = bufferMinutes * MINUTE_MS;
  const extra: MsInterval[] = busy.map((b) => ({ start: b.start.getTime() - buffer, end: b.end.getTime() + buffer }));
  for (const e of exceptions) if (e.kind === 'time_off') extra.push({ start: e.start.getTime(), end: e.end.getTime() });
  extra.sort(byStart);
  const sorted = busyMs.every((b, i) => i === 0 || (busyMs[i - 1] as MsInterval).start <= b.start) ? busyMs : [...busyMs].sort(byStart);
  const merged: MsInterval[] = [];
  let last: MsInterval | undefined;
  const add = (start: number, end: number) => {
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else {
      last = { start, end };
      merged.push(last);
    }
  };
  // Two sorted runs merged by start: the appointments (widened on the fly) and everything else.
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < extra.length) {
    const appointment = sorted[i];
    const other = extra[j];
    if (appointment && (!other || appointment.start - buffer <= other.start)) {
      add(appointment.start - buffer, appointment.end + buffer);
      i += 1;
    } else if (other) {
      add(other.start, other.end);
      j += 1;
    }
  }
  return merged;
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
  const to = query.to.getTime();
  // The horizon keeps the wall time, so it lands within 26 h (the widest difference of two offsets) of now plus
  // that many days × 24 h: when even two days less reaches `to`, it cannot end the window and is not computed.
  const beyondTo = query.now.getTime() + (query.horizonDays - 2) * DAY_MINUTES * MINUTE_MS >= to;
  const horizonEnd = beyondTo
    ? Infinity
    : (horizonEnds.get(`${query.timeZone}|${query.now.getTime()}|${query.horizonDays}`) ??
      remember(horizonEnds, `${query.timeZone}|${query.now.getTime()}|${query.horizonDays}`, horizonEndOf(zoneFor(query.timeZone), query.now.getTime(), query.horizonDays)));
  return {
    start: Math.max(query.from.getTime(), query.now.getTime() + query.minimumNoticeMinutes * MINUTE_MS),
    end: Math.min(to, horizonEnd),
  };
}

/**
 * DateTime.fromMillis(now, {zone}).plus({days}).toMillis(): the same wall time `days` calendar days later. Away
 * from transitions that is the local reading plus the days, less the offset there (Luxon's own arithmetic gives
 * exactly that when the offset is steady for two days around the target); near a transition, Luxon decides.
 */
function horizonEndOf(zone: IANAZone, now: number, days: number): number {
  const before = steadyOffsetAround(zone, now, 0);
  if (before !== null) {
    const wall = now + before * MINUTE_MS + days * DAY_MINUTES * MINUTE_MS;
    const after = steadyOffsetAround(zone, wall, 2);
    if (after !== null) return wall - after * MINUTE_MS;
  }
  return DateTime.fromMillis(now, { zone }).plus({ days }).toMillis();
}

/** The instant a range stops: its end, or when the clock jumped past an end that does not exist. */
function rangeEnd(day: Day, minutes: number): number {
  const end = resolveOnDay(day, minutes);
  return (end.kind === 'skipped' ? end.transition : end.instant).getTime();
}

/** The slots of one local date, before the window and busy checks; only those `keep` accepts, when given. */
function candidatesOn(day: Day, availability: Availability, lengthMinutes: number, step: number, keep?: (start: number, end: number) => boolean): MsInterval[] {
  const length = lengthMinutes * MINUTE_MS;
  const out: MsInterval[] = [];
  for (const range of rangesOn(day.date, availability)) {
    const stop = rangeEnd(day, range.end);
    const steady = day.steadyOffset;
    if (steady !== null) {
      // No transition on this date: every wall time maps with the day's one offset (what resolveOnDay returns).
      for (let minutes = range.start; minutes < range.end; minutes += step) {
        const at = day.midnight + (minutes - steady) * MINUTE_MS;
        if (at + length <= stop && (!keep || keep(at, at + length))) out.push({ start: at, end: at + length });
      }
      continue;
    }
    for (let minutes = range.start; minutes < range.end; minutes += step) {
      const start = resolveOnDay(day, minutes);
      if (start.kind === 'skipped') continue;
      const at = start.instant.getTime();
      if (at + length <= stop && (!keep || keep(at, at + length))) out.push({ start: at, end: at + length });
    }
  }
  return out;
}

/** A slot query made ready for generation: parsed once, then asked one local date at a time. */
type Plan = { zone: IANAZone; window: MsInterval; availability: Availability; blocked: MsInterval[]; lengthMinutes: number; step: number; firstDate: LocalDate; lastDate: LocalDate };

/** Checks the query and prepares it; null when its window is empty (then nothing else is looked at). */
function planOf(query: SlotQuery): Plan | null {
  const step = query.stepMinutes ?? defaultStepMinutes(query.lengthMinutes);
  checkQuery(query, step);
  const zone = zoneFor(query.timeZone);
  const window = bookableWindow(query);
  if (window.start >= window.end) return null;
  return {
    zone,
    window,
    availability: availabilityOf(query.weekly, query.exceptions ?? []),
    blocked: blockedIntervals(query.busy ?? [], query.busyMs ?? [], query.bufferMinutes ?? 0, query.exceptions ?? []),
    lengthMinutes: query.lengthMinutes,
    step,
    firstDate: localDateIn(zone, window.start),
    lastDate: localDateIn(zone, window.end),
  };
}

/** The open slots generated on one local date (in the window, not busy), in the order generated. */
function openOn(plan: Plan, date: LocalDate): MsInterval[] {
  const { window, blocked } = plan;
  return candidatesOn(dayOf(plan.zone, date), plan.availability, plan.lengthMinutes, plan.step, (start, end) => start >= window.start && start < window.end && !overlapsAny(blocked, start, end));
}

/** Open slots, sorted by start: in the window, not in the past, inside notice or beyond horizon, not busy. */
export function generateSlots(query: SlotQuery): Slot[] {
  const plan = planOf(query);
  if (!plan) return [];
  const slots: Slot[] = [];
  for (let date = plan.firstDate; date <= plan.lastDate; date = nextDate(date)) {
    for (const slot of openOn(plan, date)) slots.push({ start: new Date(slot.start), end: new Date(slot.end) });
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * No slot of a local date starts before this instant: a wall time of date D reads D in the zone, and offsets lie
 * within −12 h … +14 h, so its instant is at least D's midnight in UTC minus 14 h (a day is a safe margin).
 */
function earliestStartOn(date: LocalDate): number {
  return midnightOf(date) - DAY_MINUTES * MINUTE_MS;
}

const inOrder = (slots: readonly MsInterval[]) => slots.every((slot, i) => i === 0 || (slots[i - 1] as MsInterval).start <= slot.start);

/** Open slots in start order as instants (ms since the epoch), made a local date at a time on demand. */
export type SlotStream = {
  /** The start of the next slot, or undefined when there are no more. */
  peek(): number | undefined;
  /** The next slot (start and end in ms), or undefined when there are no more. */
  next(): MsInterval | undefined;
};

/**
 * The slots generateSlots returns for the same query, in the same order, produced lazily: only the dates needed
 * to know the next slot are generated. Slot search merges one stream per advisor and stops at its page size, so
 * eight weeks of 300 advisors cost what the first page needs. A date's slots are held back until no later date
 * can yield an earlier one (see earliestStartOn), so the order holds across DST transitions too.
 */
export function openSlotStream(query: SlotQuery): SlotStream {
  const plan = planOf(query);
  let buffer: MsInterval[] = [];
  let head = 0;
  let upcoming: LocalDate | undefined = plan?.firstDate;
  const fill = () => {
    if (!plan) return;
    while (upcoming !== undefined && (head >= buffer.length || (buffer[head]?.start ?? 0) >= earliestStartOn(upcoming))) {
      const fresh = openOn(plan, upcoming);
      upcoming = upcoming < plan.lastDate ? nextDate(upcoming) : undefined;
      if (fresh.length === 0) continue;
      buffer = head >= buffer.length ? fresh : buffer.slice(head).concat(fresh);
      head = 0;
      if (!inOrder(buffer)) buffer.sort((a, b) => a.start - b.start);
    }
  };
  return {
    peek() {
      fill();
      return buffer[head]?.start;
    },
    next() {
      fill();
      const slot = buffer[head];
      if (slot) head += 1;
      return slot;
    },
  };
}

/** "Tue 10 Mar, 13:00": when a slot starts, as a viewer in `timeZone` reads it. */
export function formatSlotStart(start: Date, timeZone: string, locale = 'en-US'): string {
  return DateTime.fromJSDate(start, { zone: zoneFor(timeZone) }).setLocale(locale).toFormat('ccc d LLL, HH:mm');
}
