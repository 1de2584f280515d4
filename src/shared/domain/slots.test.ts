import { describe, expect, it } from 'vitest';
import { type SlotQuery, type WeeklyRule, formatSlotStart, generateSlots, openRangesOn, parseWallTime, resolveWallTime } from './slots';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

const longAgo = new Date('2025-01-01T00:00:00Z');

/** A query with no notice, a long horizon and `now` long before, so only availability decides. */
function query(overrides: Partial<SlotQuery> & Pick<SlotQuery, 'timeZone' | 'weekly' | 'from' | 'to'>): SlotQuery {
  return { lengthMinutes: 30, now: longAgo, minimumNoticeMinutes: 0, horizonDays: 3650, ...overrides };
}

const starts = (q: SlotQuery) => generateSlots(q).map((slot) => slot.start.toISOString());
const sunday = (start: string, end: string): WeeklyRule[] => [{ weekday: 7, start, end }];

/** Slots on the Sunday `date` (every 2026 transition date is a Sunday) for one 30-minute range at `time`. */
function sundaySlotsAt(timeZone: string, date: string, time: string): string[] {
  const startMinutes = parseWallTime(time) ?? Number.NaN;
  const end = `${String(Math.floor((startMinutes + 30) / 60)).padStart(2, '0')}:${String((startMinutes + 30) % 60).padStart(2, '0')}`;
  const day = Date.parse(`${date}T00:00:00Z`);
  return starts(
    query({
      timeZone,
      weekly: [{ weekday: 7, start: time, end }],
      // Three days either side: only this Sunday falls inside.
      from: new Date(day - 3 * 86_400_000),
      to: new Date(day + 3 * 86_400_000),
    }),
  );
}

// Expected instants worked out by hand from the zone rules:
// New York EST −5 / EDT −4, switching 2026-03-08 02:00 EST → 03:00 EDT and 2026-11-01 02:00 EDT → 01:00 EST.
// Berlin CET +1 / CEST +2, switching 2026-03-29 02:00 CET → 03:00 CEST and 2026-10-25 03:00 CEST → 02:00 CET.
// Sydney AEST +10 / AEDT +11, switching 2026-04-05 03:00 AEDT → 02:00 AEST and 2026-10-04 02:00 AEST → 03:00 AEDT.
const DST_TABLE: [zone: string, date: string, local: string, expected: string[], why: string][] = [
  [NY, '2026-03-08', '13:00', ['2026-03-08T17:00:00.000Z'], 'EDT'],
  [NY, '2026-03-08', '13:30', ['2026-03-08T17:30:00.000Z'], 'EDT'],
  [NY, '2026-03-08', '02:30', [], 'does not exist (02:00 → 03:00)'],
  [NY, '2026-11-01', '13:00', ['2026-11-01T18:00:00.000Z'], 'EST'],
  [NY, '2026-11-01', '13:30', ['2026-11-01T18:30:00.000Z'], 'EST'],
  [NY, '2026-11-01', '02:30', ['2026-11-01T07:30:00.000Z'], 'EST, after the repeated hour'],
  [NY, '2026-11-01', '01:30', ['2026-11-01T05:30:00.000Z'], 'repeated: first (EDT), not 06:30Z'],
  [BERLIN, '2026-03-29', '13:00', ['2026-03-29T11:00:00.000Z'], 'CEST'],
  [BERLIN, '2026-03-29', '13:30', ['2026-03-29T11:30:00.000Z'], 'CEST'],
  [BERLIN, '2026-03-29', '02:30', [], 'does not exist (02:00 → 03:00)'],
  [BERLIN, '2026-10-25', '13:00', ['2026-10-25T12:00:00.000Z'], 'CET'],
  [BERLIN, '2026-10-25', '13:30', ['2026-10-25T12:30:00.000Z'], 'CET'],
  [BERLIN, '2026-10-25', '02:30', ['2026-10-25T00:30:00.000Z'], 'repeated: first (CEST), not 01:30Z'],
  [SYDNEY, '2026-04-05', '13:00', ['2026-04-05T03:00:00.000Z'], 'AEST'],
  [SYDNEY, '2026-04-05', '13:30', ['2026-04-05T03:30:00.000Z'], 'AEST'],
  [SYDNEY, '2026-04-05', '02:30', ['2026-04-04T15:30:00.000Z'], 'repeated: first (AEDT), not 16:30Z'],
  [SYDNEY, '2026-10-04', '13:00', ['2026-10-04T02:00:00.000Z'], 'AEDT'],
  [SYDNEY, '2026-10-04', '13:30', ['2026-10-04T02:30:00.000Z'], 'AEDT'],
  [SYDNEY, '2026-10-04', '02:30', [], 'does not exist (02:00 → 03:00)'],
];

describe('slots across DST transitions (ADR 010)', () => {
  it.each(DST_TABLE)('%s %s %s local → %j (%s)', (zone, date, local, expected) => {
    expect(sundaySlotsAt(zone, date, local)).toEqual(expected);
  });

  it('resolves missing and repeated wall times explicitly, whatever zone the host runs in', () => {
    expect(resolveWallTime('2026-03-08', 150, NY)).toEqual({ kind: 'skipped', transition: new Date('2026-03-08T07:00:00Z') });
    expect(resolveWallTime('2026-03-29', 150, BERLIN)).toEqual({ kind: 'skipped', transition: new Date('2026-03-29T01:00:00Z') });
    expect(resolveWallTime('2026-10-04', 150, SYDNEY)).toEqual({ kind: 'skipped', transition: new Date('2026-10-03T16:00:00Z') });
    expect(resolveWallTime('2026-11-01', 90, NY)).toEqual({ kind: 'repeated', instant: new Date('2026-11-01T05:30:00Z'), later: new Date('2026-11-01T06:30:00Z') });
    expect(resolveWallTime('2026-10-25', 150, BERLIN)).toEqual({ kind: 'repeated', instant: new Date('2026-10-25T00:30:00Z'), later: new Date('2026-10-25T01:30:00Z') });
    expect(resolveWallTime('2026-04-05', 150, SYDNEY)).toEqual({ kind: 'repeated', instant: new Date('2026-04-04T15:30:00Z'), later: new Date('2026-04-04T16:30:00Z') });
    expect(resolveWallTime('2026-03-08', 24 * 60, NY)).toEqual({ kind: 'single', instant: new Date('2026-03-09T04:00:00Z') });
  });

  it('spring forward: a 01:00–04:00 range yields only the real instants (2 h, not 3)', () => {
    const base = { timeZone: NY, weekly: sunday('01:00', '04:00'), from: new Date('2026-03-08T00:00:00Z'), to: new Date('2026-03-09T00:00:00Z') };
    expect(starts(query(base))).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z']);
    // 60-minute slots must end by 04:00 EDT (08:00Z): 03:30 EDT would end at 08:30Z.
    expect(starts(query({ ...base, lengthMinutes: 60 }))).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it('spring forward: a range ending at a missing 02:30 ends when the clock jumps (07:00Z)', () => {
    const q = query({ timeZone: NY, weekly: sunday('00:00', '02:30'), lengthMinutes: 60, from: new Date('2026-03-08T00:00:00Z'), to: new Date('2026-03-09T00:00:00Z') });
    expect(starts(q)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-08T05:30:00.000Z', '2026-03-08T06:00:00.000Z']);
  });

  it('fall back: a 00:00–03:00 range offers each wall time once, the repeated hour at its first occurrence', () => {
    const q = query({ timeZone: NY, weekly: sunday('00:00', '03:00'), from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') });
    expect(starts(q)).toEqual([
      '2026-11-01T04:00:00.000Z', // 00:00 EDT
      '2026-11-01T04:30:00.000Z', // 00:30 EDT
      '2026-11-01T05:00:00.000Z', // 01:00 EDT (first)
      '2026-11-01T05:30:00.000Z', // 01:30 EDT (first)
      '2026-11-01T07:00:00.000Z', // 02:00 EST
      '2026-11-01T07:30:00.000Z', // 02:30 EST
    ]);
  });

  it('fall back: a range ending at a repeated 01:30 ends at its first occurrence (05:30Z)', () => {
    const q = query({ timeZone: NY, weekly: sunday('00:00', '01:30'), lengthMinutes: 60, from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') });
    // 01:00 EDT + 60 min = 06:00Z would fit only if the range ran to the second 01:30 (06:30Z).
    expect(starts(q)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-01T04:30:00.000Z']);
  });

  it('a whole-day range: 46 half hours on the 23-hour day, 48 on the 25-hour day and on an ordinary Sunday', () => {
    // Windows of Saturday noon to Monday noon (UTC): only the Sunday is open.
    const wholeSunday = (from: string, to: string) =>
      generateSlots(query({ timeZone: NY, weekly: sunday('00:00', '24:00'), from: new Date(from), to: new Date(to) }));
    expect(wholeSunday('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z')).toHaveLength(46);
    expect(wholeSunday('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z')).toHaveLength(48);
    expect(wholeSunday('2026-03-14T12:00:00Z', '2026-03-16T12:00:00Z')).toHaveLength(48);
  });
});

describe('slots keep the wall clock across a week with a transition', () => {
  const weekly = (time: string, end: string): WeeklyRule[] => EVERY_DAY.map((weekday) => ({ weekday, start: time, end }));

  it('Berlin 13:00 every day of the week of 2026-03-29: 12:00Z before, 11:00Z from the Sunday', () => {
    const q = query({ timeZone: BERLIN, weekly: weekly('13:00', '13:30'), from: new Date('2026-03-23T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(starts(q)).toEqual([
      '2026-03-23T12:00:00.000Z',
      '2026-03-24T12:00:00.000Z',
      '2026-03-25T12:00:00.000Z',
      '2026-03-26T12:00:00.000Z',
      '2026-03-27T12:00:00.000Z',
      '2026-03-28T12:00:00.000Z',
      '2026-03-29T11:00:00.000Z',
      '2026-03-30T11:00:00.000Z',
      '2026-03-31T11:00:00.000Z',
    ]);
  });

  it('New York 13:00 across 2026-11-01: 17:00Z before, 18:00Z after', () => {
    const q = query({ timeZone: NY, weekly: weekly('13:00', '13:30'), from: new Date('2026-10-30T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') });
    expect(starts(q)).toEqual(['2026-10-30T17:00:00.000Z', '2026-10-31T17:00:00.000Z', '2026-11-01T18:00:00.000Z', '2026-11-02T18:00:00.000Z']);
  });

  it('Sydney 13:00 across 2026-10-04: 03:00Z before, 02:00Z after', () => {
    const q = query({ timeZone: SYDNEY, weekly: weekly('13:00', '13:30'), from: new Date('2026-10-02T00:00:00Z'), to: new Date('2026-10-06T00:00:00Z') });
    expect(starts(q)).toEqual(['2026-10-02T03:00:00.000Z', '2026-10-03T03:00:00.000Z', '2026-10-04T02:00:00.000Z', '2026-10-05T02:00:00.000Z']);
  });

  it('a whole year of daily 13:00 slots reads 13:00 in the zone on every date (checked with Intl)', () => {
    for (const zone of [NY, BERLIN, SYDNEY]) {
      const read = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      });
      const slots = generateSlots(query({ timeZone: zone, weekly: weekly('13:00', '13:30'), from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') }));
      const dates = new Set<string>();
      for (const slot of slots) {
        const [date, time] = read.format(slot.start).split(', ');
        expect(time).toBe('13:00');
        dates.add(date ?? '');
      }
      // 13:00 on 1 Jan … 31 Dec 2026 lies inside the UTC year in all three zones (Sydney's is 02:00Z).
      expect(slots).toHaveLength(365);
      expect(dates.size).toBe(365);
      expect(slots.every((slot) => slot.end.getTime() - slot.start.getTime() === 30 * 60_000)).toBe(true);
    }
  });
});

describe('slots for a viewer in another zone', () => {
  const advisorSlots = generateSlots(
    query({ timeZone: NY, weekly: [{ weekday: 2, start: '13:00', end: '13:30' }], from: new Date('2026-03-10T00:00:00Z'), to: new Date('2026-03-11T00:00:00Z') }),
  );

  it('the advisor’s Tue 13:00 in New York is one instant, labelled in each viewer’s zone', () => {
    expect(advisorSlots.map((slot) => slot.start.toISOString())).toEqual(['2026-03-10T17:00:00.000Z']);
    const [slot] = advisorSlots;
    if (!slot) throw new Error('no slot');
    expect(formatSlotStart(slot.start, NY)).toBe('Tue 10 Mar, 13:00');
    // Europe has not switched yet: 5 hours apart this week, not 6.
    expect(formatSlotStart(slot.start, BERLIN)).toBe('Tue 10 Mar, 18:00');
    expect(formatSlotStart(slot.start, SYDNEY)).toBe('Wed 11 Mar, 04:00');
    expect(formatSlotStart(slot.start, 'Asia/Kolkata')).toBe('Tue 10 Mar, 22:30');
  });

  it('a student asking for their own Wednesday in Sydney gets the same instant', () => {
    // Wed 11 Mar in Sydney (AEDT, +11) is [2026-03-10T13:00Z, 2026-03-11T13:00Z).
    const q = query({ timeZone: NY, weekly: [{ weekday: 2, start: '13:00', end: '13:30' }], from: new Date('2026-03-10T13:00:00Z'), to: new Date('2026-03-11T13:00:00Z') });
    expect(generateSlots(q)).toEqual(advisorSlots);
  });
});

describe('slots: past, minimum notice and horizon', () => {
  // Mon–Fri 09:00–12:00 in New York (EDT from 8 March: 13:00Z–16:00Z).
  const weekdays: WeeklyRule[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
  const now = new Date('2026-03-10T14:10:00Z'); // Tue 10:10 EDT
  const base = { timeZone: NY, weekly: weekdays, from: new Date('2026-03-09T00:00:00Z'), to: new Date('2026-03-20T00:00:00Z'), now };

  it('no slot in the past or inside the notice; none at or beyond the horizon', () => {
    // Notice 60 min → from 11:10 EDT; horizon 2 days → before Thu 12 Mar 10:10 EDT.
    expect(starts(query({ ...base, minimumNoticeMinutes: 60, horizonDays: 2 }))).toEqual([
      '2026-03-10T15:30:00.000Z',
      '2026-03-11T13:00:00.000Z',
      '2026-03-11T13:30:00.000Z',
      '2026-03-11T14:00:00.000Z',
      '2026-03-11T14:30:00.000Z',
      '2026-03-11T15:00:00.000Z',
      '2026-03-11T15:30:00.000Z',
      '2026-03-12T13:00:00.000Z',
      '2026-03-12T13:30:00.000Z',
      '2026-03-12T14:00:00.000Z',
    ]);
  });

  it('without notice the next slot after now is offered, and one starting exactly at now + notice too', () => {
    expect(starts(query({ ...base, horizonDays: 1 }))[0]).toBe('2026-03-10T14:30:00.000Z');
    expect(starts(query({ ...base, now: new Date('2026-03-10T14:00:00Z'), minimumNoticeMinutes: 30, horizonDays: 1 }))[0]).toBe('2026-03-10T14:30:00.000Z');
  });

  it('a window wholly in the past, or a horizon of zero, gives no slots', () => {
    expect(generateSlots(query({ ...base, to: new Date('2026-03-10T14:00:00Z'), horizonDays: 30 }))).toEqual([]);
    expect(generateSlots(query({ ...base, horizonDays: 0 }))).toEqual([]);
  });
});

describe('slots: busy time, buffers and exceptions', () => {
  // Wed 10 Jun 2026, 09:00–12:00 in Berlin (CEST, +2) = 07:00Z–10:00Z.
  const wednesday: WeeklyRule[] = [{ weekday: 3, start: '09:00', end: '12:00' }];
  const base = { timeZone: BERLIN, weekly: wednesday, from: new Date('2026-06-08T00:00:00Z'), to: new Date('2026-06-15T00:00:00Z') };
  const at = (time: string) => new Date(`2026-06-10T${time}:00Z`);
  const isoAt = (...times: string[]) => times.map((t) => at(t).toISOString());
  const all = isoAt('07:00', '07:30', '08:00', '08:30', '09:00', '09:30');

  it('without busy time every half hour is open', () => {
    expect(starts(query(base))).toEqual(all);
  });

  it('a slot overlapping a busy interval is excluded; touching it is fine', () => {
    expect(starts(query({ ...base, busy: [{ start: at('08:00'), end: at('08:30') }] }))).toEqual(all.filter((s) => s !== at('08:00').toISOString()));
    expect(starts(query({ ...base, busy: [{ start: at('08:15'), end: at('08:45') }] }))).toEqual(isoAt('07:00', '07:30', '09:00', '09:30'));
  });

  it('a buffer keeps free minutes before and after busy time', () => {
    const busy = [{ start: at('08:00'), end: at('08:30') }];
    expect(starts(query({ ...base, bufferMinutes: 10, busy }))).toEqual(isoAt('07:00', '09:00', '09:30'));
  });

  it('overlapping busy intervals in any order are handled', () => {
    const busy = [
      { start: at('09:00'), end: at('09:20') },
      { start: at('07:10'), end: at('07:40') },
      { start: at('07:30'), end: at('07:50') },
    ];
    expect(starts(query({ ...base, busy }))).toEqual(isoAt('08:00', '08:30', '09:30'));
  });

  it('exceptions: time off as instants, a day off, and extra hours on a local date', () => {
    expect(starts(query({ ...base, exceptions: [{ kind: 'time_off', start: at('07:00'), end: at('08:00') }] }))).toEqual(all.slice(2));
    expect(starts(query({ ...base, exceptions: [{ kind: 'day_off', date: '2026-06-10' }] }))).toEqual([]);
    // Saturday 13 Jun 10:00–11:00 CEST = 08:00Z–09:00Z.
    const extra = { kind: 'extra_hours', date: '2026-06-13', start: '10:00', end: '11:00' } as const;
    expect(starts(query({ ...base, exceptions: [extra] }))).toEqual([...all, '2026-06-13T08:00:00.000Z', '2026-06-13T08:30:00.000Z']);
    // A day off removes the weekly hours; extra hours given for that date still count.
    const dayOffWithExtra = [
      { kind: 'day_off', date: '2026-06-10' },
      { kind: 'extra_hours', date: '2026-06-10', start: '14:00', end: '15:00' },
    ] as const;
    expect(starts(query({ ...base, exceptions: dayOffWithExtra }))).toEqual([
      '2026-06-10T12:00:00.000Z',
      '2026-06-10T12:30:00.000Z',
    ]);
  });

  it('extra hours that overlap the weekly ones merge into one grid', () => {
    expect(openRangesOn('2026-06-10', wednesday, [{ kind: 'extra_hours', date: '2026-06-10', start: '11:00', end: '13:00' }])).toEqual([{ start: 540, end: 780 }]);
  });
});

describe('slots: length and step', () => {
  const base = { timeZone: BERLIN, weekly: [{ weekday: 3, start: '09:00', end: '11:00' }] satisfies WeeklyRule[], from: new Date('2026-06-10T00:00:00Z'), to: new Date('2026-06-11T00:00:00Z') };

  it('the step defaults to 30 minutes for longer appointments, and every slot fits before the range ends', () => {
    expect(starts(query({ ...base, lengthMinutes: 45 }))).toEqual(['2026-06-10T07:00:00.000Z', '2026-06-10T07:30:00.000Z', '2026-06-10T08:00:00.000Z']);
    expect(generateSlots(query({ ...base, lengthMinutes: 45 }))[0]?.end.toISOString()).toBe('2026-06-10T07:45:00.000Z');
  });

  it('a chosen step is honoured; a 15-minute appointment steps by 15', () => {
    expect(starts(query({ ...base, lengthMinutes: 45, stepMinutes: 45 }))).toEqual(['2026-06-10T07:00:00.000Z', '2026-06-10T07:45:00.000Z']);
    expect(starts(query({ ...base, lengthMinutes: 15 }))).toHaveLength(8);
  });

  it('refuses an unknown zone, a backwards range and a zero length', () => {
    expect(() => generateSlots(query({ ...base, timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => generateSlots(query({ ...base, weekly: [{ weekday: 3, start: '11:00', end: '09:00' }] }))).toThrow(RangeError);
    expect(() => generateSlots(query({ ...base, lengthMinutes: 0 }))).toThrow(RangeError);
    expect(parseWallTime('24:00')).toBe(1440);
    expect(parseWallTime('24:30')).toBeNull();
    expect(parseWallTime('9:00')).toBeNull();
    expect(parseWallTime('09:60')).toBeNull();
  });
});
