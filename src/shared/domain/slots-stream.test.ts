import { describe, expect, it } from 'vitest';
import { generateSlots as oracle } from '../../../tests/fixtures/slots-oracle';
import { type AvailabilityException, type Interval, type IsoWeekday, type SlotQuery, type WeeklyRule, generateSlots, openSlotStream } from './slots';
import { prng } from '../../../tests/fixtures/prng';

/**
 * openSlotStream (slot search merges one per advisor) must yield exactly generateSlots' slots in the same order,
 * and generateSlots (which now remembers zones, dates, offsets and horizons) exactly what it returned before
 * (tests/fixtures/slots-oracle.ts), for any hours, exceptions, busy time, notice and horizon. Random queries
 * around the 2026 transitions in zones with 1-hour, 30-minute and midnight transitions, and zones far from UTC;
 * `now`, notice and horizons are placed so that window ends fall on transition days too.
 */

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'UTC'];
// Weeks that hold a transition of one of the zones above (and two ordinary ones).
const AROUND = ['2026-03-06', '2026-03-27', '2026-04-02', '2026-09-04', '2026-10-02', '2026-10-23', '2026-10-30', '2026-11-13', '2026-06-15'];
const DAY_MS = 86_400_000;


const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomQuery(random: () => number): SlotQuery {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const zone = pick(ZONES);
  const base = Date.parse(`${pick(AROUND)}T00:00:00Z`);
  const range = (): [number, number] => {
    // Night hours often, so transitions at 00:00–03:00 fall inside ranges.
    const start = random() < 0.4 ? Math.floor(random() * 8) * 30 : Math.floor(random() * 46) * 30;
    const end = Math.min(1440, start + (1 + Math.floor(random() * 16)) * 30 + (random() < 0.2 ? 15 : 0));
    return [start, end];
  };
  const weekly: WeeklyRule[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const rules = random() < 0.2 ? 0 : 1 + Math.floor(random() * 3);
    for (let k = 0; k < rules; k += 1) {
      const [start, end] = range();
      weekly.push({ weekday: weekday as IsoWeekday, start: hhmm(start), end: hhmm(end) });
    }
  }
  const date = (offset: number) => new Date(base + offset * DAY_MS).toISOString().slice(0, 10);
  const exceptions: AvailabilityException[] = [];
  for (let k = Math.floor(random() * 4); k > 0; k -= 1) {
    const kind = pick(['day_off', 'extra_hours', 'time_off'] as const);
    if (kind === 'day_off') exceptions.push({ kind, date: date(Math.floor(random() * 12) - 1) });
    else if (kind === 'extra_hours') {
      const [start, end] = range();
      exceptions.push({ kind, date: date(Math.floor(random() * 12) - 1), start: hhmm(start), end: hhmm(end) });
    } else {
      const start = base + Math.floor(random() * 10 * 48) * 30 * 60_000;
      exceptions.push({ kind, start: new Date(start), end: new Date(start + (1 + Math.floor(random() * 12)) * 30 * 60_000) });
    }
  }
  const busy: Interval[] = [];
  for (let k = Math.floor(random() * 25); k > 0; k -= 1) {
    const start = base + Math.floor(random() * 10 * 96) * 15 * 60_000;
    busy.push({ start: new Date(start), end: new Date(start + (1 + Math.floor(random() * 4)) * 15 * 60_000) });
  }
  const from = new Date(base + Math.floor(random() * 48) * 3_600_000 - DAY_MS);
  const to = new Date(from.getTime() + (1 + Math.floor(random() * 10 * 24)) * 3_600_000);
  // Sometimes long before (the horizon then ends inside the window), at odd minutes and seconds.
  const now = new Date(
    random() < 0.3
      ? from.getTime() - (1 + Math.floor(random() * 40)) * DAY_MS - Math.floor(random() * DAY_MS)
      : from.getTime() + (random() < 0.5 ? -DAY_MS : Math.floor(random() * 72) * 3_600_000) + Math.floor(random() * 3_600_000),
  );
  return {
    timeZone: zone,
    weekly,
    exceptions,
    lengthMinutes: pick([15, 30, 45, 60, 90]),
    bufferMinutes: pick([0, 0, 5, 15]),
    ...(random() < 0.2 ? { stepMinutes: pick([10, 15, 20, 60]) } : {}),
    busy,
    from,
    to,
    now,
    minimumNoticeMinutes: pick([0, 0, 60, 24 * 60, 3 * 24 * 60 + 7]),
    horizonDays: pick([1, 3, 7, 365, 1 + Math.floor(random() * 45)]),
  };
}

function drain(query: SlotQuery): { start: number; end: number }[] {
  const stream = openSlotStream(query);
  const out: { start: number; end: number }[] = [];
  for (let peeked = stream.peek(); peeked !== undefined; peeked = stream.peek()) {
    const slot = stream.next();
    if (!slot || slot.start !== peeked) throw new Error('peek and next disagree');
    out.push(slot);
  }
  expect(stream.next()).toBeUndefined();
  return out;
}

describe('openSlotStream', () => {
  it('yields what generateSlots returns, and that what it returned before, for 400 random queries around DST transitions', () => {
    const random = prng(20261129);
    let slots = 0;
    for (let i = 0; i < 400; i += 1) {
      const query = randomQuery(random);
      const before = oracle(query);
      const now = generateSlots(query);
      expect(now, `query ${i}: ${JSON.stringify(query)}`).toEqual(before);
      const expected = before.map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }));
      expect(drain(query), `query ${i}: ${JSON.stringify(query)}`).toEqual(expected);
      slots += expected.length;
    }
    // The queries were not all empty.
    expect(slots).toBeGreaterThan(3_000);
  }, 60_000);

  it('ends the window at the horizon and starts it at the notice where it did before, across transitions', () => {
    // Open around the clock in half hours: a horizon or a first date off by 30 minutes or more changes the answer.
    const always: WeeklyRule[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as IsoWeekday, start: '00:00', end: '24:00' }));
    const transitions = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-04-04T16:00:00Z', '2026-04-05T03:00:00Z', '2026-10-04T16:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'];
    let compared = 0;
    for (const timeZone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kolkata']) {
      for (const transition of transitions) {
        for (const hoursBefore of [1, 23, 49, 30 * 24 + 5]) {
          for (const horizonDays of [1, 3, 31]) {
            const now = new Date(Date.parse(transition) - hoursBefore * 3_600_000 + 17 * 60_000 + 3_000);
            const base = { timeZone, weekly: always, lengthMinutes: 30, now, minimumNoticeMinutes: 23 * 60 + 45, horizonDays };
            // Around where the notice lets the window start, and around where the horizon ends it.
            for (const [from, to] of [
              [now.getTime() - DAY_MS, now.getTime() + 2 * DAY_MS],
              [now.getTime() + (horizonDays - 1) * DAY_MS, now.getTime() + (horizonDays + 1) * DAY_MS],
            ] as const) {
              const query: SlotQuery = { ...base, from: new Date(from), to: new Date(to) };
              const expected = oracle(query);
              expect(generateSlots(query), `${timeZone} now ${now.toISOString()} horizon ${horizonDays}`).toEqual(expected);
              compared += expected.length > 0 ? 1 : 0;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(800);
  }, 60_000);

  it('answers the first slot of eight weeks', () => {
    const weekly: WeeklyRule[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as IsoWeekday, start: '09:00', end: '17:00' }));
    const base = { timeZone: 'America/New_York', weekly, lengthMinutes: 30, now: new Date('2026-03-01T00:00:00Z'), minimumNoticeMinutes: 0, horizonDays: 365 };
    const query = { ...base, from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-04-27T00:00:00Z') };
    const stream = openSlotStream(query);
    expect(stream.next()).toEqual({ start: Date.parse('2026-03-02T14:00:00Z'), end: Date.parse('2026-03-02T14:30:00Z') });
    expect(stream.peek()).toBe(Date.parse('2026-03-02T14:30:00Z'));
    expect(generateSlots(query)).toHaveLength(40 * 16);
  });

  it('throws for a bad query as generateSlots does, and is empty for an empty window', () => {
    const base = { weekly: [], lengthMinutes: 30, from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-03T00:00:00Z'), now: new Date('2026-03-01T00:00:00Z'), minimumNoticeMinutes: 0, horizonDays: 10 };
    expect(() => openSlotStream({ ...base, timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => openSlotStream({ ...base, timeZone: 'UTC', lengthMinutes: 0 })).toThrow(RangeError);
    expect(openSlotStream({ ...base, timeZone: 'UTC', to: base.from }).peek()).toBeUndefined();
  });
});
