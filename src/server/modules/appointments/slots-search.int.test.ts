import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableAdvisor, signedInUser, type SignedInUser, type WeeklyHours } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { formatSlotStart, type Interval } from '../../../shared/domain/slots';
import { appointments } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';
import { advisorSlots } from './advisor-slots';
import { listBusy } from './appointments.repo';
import { listExceptionsOf, listOfferingAdvisors, listRulesOf } from './availability.repo';
import { findReasonCode } from './office.repo';

/**
 * Slot search reads only the window a page needs and merges the advisors' slots lazily (slots.service.ts). This
 * checks it against the plain way — every slot of every advisor over the whole range, sorted by start, advisor
 * name and id, then cut at `limit` — on a dozen advisors in five zones across the spring 2026 DST transitions,
 * with buffers, notice, horizons, exceptions and bookings, for many windows, limits, lengths and codes.
 */

let t: TestApp;
let student: SignedInUser;
const advisorIds: string[] = [];
/** Bookings of the advisors with a buffer: windows that start where one ends, or end where one starts. */
const buffered: { start: Date; end: Date }[] = [];
// Monday 2 March 2026, 12:00 UTC: eight weeks ahead hold New York's (8 March), Berlin's (29 March) and Sydney's
// (5 April) transitions.
const NOW = new Date('2026-03-02T12:00:00Z');
const DAY_MS = 86_400_000;

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): WeeklyHours[] => days.map((weekday) => ({ weekday, start, end }));

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
  student = await signedInUser(t.app);
  const setups: Parameters<typeof bookableAdvisor>[1][] = [
    { name: 'Ana Lima', timezone: 'America/New_York' },
    // Same name twice: ties are broken by id.
    { name: 'Ana Lima', timezone: 'America/New_York', weekly: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '17:00')] },
    { name: 'Bo Chen', timezone: 'Europe/Berlin', weekly: weekdays('09:00', '17:00'), bufferMinutes: 15 },
    { name: 'Cleo Martin', timezone: 'Australia/Sydney', weekly: [...weekdays('09:00', '12:30'), ...weekdays('00:00', '03:00', [7])], minimumNoticeMinutes: 24 * 60 },
    { name: 'Dev Rao', timezone: 'Asia/Kolkata', weekly: weekdays('10:00', '18:00'), horizonDays: 10 },
    { name: 'Eva Novak', timezone: 'Australia/Lord_Howe', weekly: weekdays('01:00', '04:00', [6, 7]), codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION'] },
    { name: 'Farah Haddad', timezone: 'America/New_York', weekly: weekdays('00:00', '04:00', [7]), codes: ['PART_TIME_JOB_SEARCH', 'RESUME_REVIEW'] },
    { name: 'ana lima', timezone: 'Europe/Berlin', weekly: weekdays('07:30', '11:00'), minimumNoticeMinutes: 120, codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION', 'RESUME_REVIEW'] },
    { name: 'Gus Ortega', timezone: 'America/New_York', weekly: weekdays('12:00', '19:00', [2, 4]), bufferMinutes: 10 },
    { name: 'Hana Sato', timezone: 'Australia/Sydney', weekly: weekdays('18:00', '22:00'), codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION'] },
  ];
  for (const setup of setups) {
    const advisor = await bookableAdvisor(t.app, { minimumNoticeMinutes: 0, horizonDays: 365, ...setup });
    advisorIds.push(advisor.id);
    const post = (payload: object) => as(t.app, advisor.cookie)({ method: 'POST', url: '/api/v1/advisors/me/exceptions', payload });
    for (const response of [
      await post({ kind: 'day_off', date: '2026-03-04' }),
      await post({ kind: 'extra_hours', date: '2026-03-07', start: '10:00', end: '12:00' }),
      await post({ kind: 'time_off', start: '2026-03-10T13:00:00Z', end: '2026-03-10T18:00:00Z' }),
      await post({ kind: 'day_off', date: '2026-03-29' }),
    ]) {
      expect(response.statusCode, response.body).toBe(201);
    }
  }
  // Bookings: every third slot of each advisor's first two weeks, some 60 minutes (one insert; the exclusion
  // constraint still checks every row), and a cancelled one that holds no time.
  const booker = await signedInUser(t.app);
  const rows: (typeof appointments.$inferInsert)[] = [];
  for (const [i, advisorId] of advisorIds.entries()) {
    const listed = await as(t.app, booker.cookie)({
      method: 'GET',
      url: `/api/v1/slots?reasonCode=PART_TIME_JOB_SEARCH&advisorId=${advisorId}&from=${encodeURIComponent(NOW.toISOString())}&to=${encodeURIComponent(new Date(NOW.getTime() + 14 * DAY_MS).toISOString())}`,
    });
    const starts = (listed.json().items as { start: string }[]).map((s) => Date.parse(s.start));
    let freeFrom = 0;
    for (const [k, start] of starts.entries()) {
      if (k % 3 !== i % 3 || start < freeFrom) continue;
      const long = k % 2 === 0 && starts.includes(start + 30 * 60_000);
      const end = start + (long ? 60 : 30) * 60_000;
      const status = k % 7 === 0 ? ('cancelled' as const) : ('booked' as const);
      if (status === 'booked') freeFrom = end;
      if (status === 'booked' && (setups[i]?.bufferMinutes ?? 0) > 0 && k % 4 === 0) buffered.push({ start: new Date(start), end: new Date(end) });
      rows.push({ studentId: booker.id, advisorId, reasonCode: long ? 'CAREER_EXPLORATION' : 'PART_TIME_JOB_SEARCH', mode: 'video', startsAt: new Date(start), endsAt: new Date(end), status, createdAt: NOW, updatedAt: NOW });
    }
  }
  await t.database.db.insert(appointments).values(rows);
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Query = { reasonCode: string; from: Date; to: Date; limit: number; timeZone?: string; minutes?: number; advisorId?: string };
type Page = { items: unknown[]; truncated: boolean };

/** The search the plain way: every slot of every advisor over the whole range, sorted, then cut (the old service). */
async function expected(q: Query): Promise<Page> {
  const { limit, ...rest } = q;
  const key = JSON.stringify(rest);
  let all = everySlot.get(key);
  if (!all) {
    all = await sortedSlots(rest);
    everySlot.set(key, all);
  }
  return { items: all.slice(0, limit), truncated: all.length > limit };
}
const everySlot = new Map<string, unknown[]>();

async function sortedSlots(q: Omit<Query, 'limit'>): Promise<unknown[]> {
  const db = t.database.db;
  const timeZone = q.timeZone ?? 'UTC';
  const reason = await findReasonCode(db, q.reasonCode);
  if (!reason) throw new Error(`no reason code ${q.reasonCode}`);
  const minutes = q.minutes ?? reason.defaultMinutes;
  const office = await t.app.services.office.office();
  const floor = reason.needsDocument ? office.policy.documentLeadHours * 60 : 0;
  const advisors = await listOfferingAdvisors(db, reason.code, q.advisorId);
  const ids = advisors.map((a) => a.advisorId);
  const around = { from: new Date(q.from.getTime() - DAY_MS), to: new Date(q.to.getTime() + DAY_MS) };
  const [rules, exceptions, busy] = await Promise.all([listRulesOf(db, ids), listExceptionsOf(db, ids, around.from, around.to), listBusy(db, ids, around.from, around.to)]);
  const items: { advisorId: string; advisorName: string; start: string; end: string; startLocal: string; label: string }[] = [];
  for (const advisor of advisors) {
    const slots = advisorSlots({
      advisor,
      rules: rules.filter((r) => r.advisorId === advisor.advisorId),
      exceptions: exceptions.filter((e) => e.advisorId === advisor.advisorId),
      busy: busy.filter((b) => b.advisorId === advisor.advisorId).map((b): Interval => ({ start: b.start, end: b.end })),
      lengthMinutes: minutes,
      from: q.from,
      to: q.to,
      now: NOW,
      noticeFloorMinutes: floor,
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
  return items;
}

async function actual(q: Query): Promise<Page> {
  const params = new URLSearchParams({ reasonCode: q.reasonCode, from: q.from.toISOString(), to: q.to.toISOString(), limit: String(q.limit) });
  if (q.timeZone) params.set('timeZone', q.timeZone);
  if (q.minutes) params.set('minutes', String(q.minutes));
  if (q.advisorId) params.set('advisorId', q.advisorId);
  const response = await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/slots?${params}` });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as Page;
  return { items: body.items, truncated: body.truncated };
}

const at = (iso: string) => new Date(iso);
const plus = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

describe('slot search reads a window and merges lazily, and answers what the whole range would', () => {
  it('every advisor: eight weeks, two weeks, weekends, short windows, at every page size', async () => {
    const windows: [Date, Date][] = [
      [NOW, plus(NOW, 56)],
      [NOW, plus(NOW, 14)],
      [at('2026-03-06T22:00:00Z'), plus(at('2026-03-06T22:00:00Z'), 3)],
      [at('2026-03-07T00:00:00Z'), plus(at('2026-03-07T00:00:00Z'), 62)],
      [at('2026-03-08T05:00:00Z'), at('2026-03-08T09:00:00Z')],
      [at('2026-03-27T12:00:00Z'), at('2026-04-06T12:00:00Z')],
      [at('2026-02-20T00:00:00Z'), at('2026-03-03T00:00:00Z')],
    ];
    let compared = 0;
    for (const [from, to] of windows) {
      const all = await expected({ reasonCode: 'PART_TIME_JOB_SEARCH', from, to, limit: 5_000 });
      const n = all.items.length;
      for (const limit of new Set([1, 2, 7, 50, 333, 1_000, 5_000, Math.max(1, n - 1), Math.max(1, n), n + 1])) {
        const q = { reasonCode: 'PART_TIME_JOB_SEARCH', from, to, limit, timeZone: limit % 2 === 0 ? 'Asia/Tokyo' : 'America/New_York' };
        expect(await actual(q), `${from.toISOString()}…${to.toISOString()} limit ${limit}`).toEqual(await expected(q));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);

  it('other lengths and codes: 45 minutes, a 60-minute code, a code that needs a document (notice floor)', async () => {
    const queries: Query[] = [
      { reasonCode: 'PART_TIME_JOB_SEARCH', minutes: 45, from: NOW, to: plus(NOW, 56), limit: 40 },
      { reasonCode: 'PART_TIME_JOB_SEARCH', minutes: 45, from: NOW, to: plus(NOW, 56), limit: 5_000, timeZone: 'Europe/Berlin' },
      { reasonCode: 'CAREER_EXPLORATION', from: NOW, to: plus(NOW, 56), limit: 25 },
      { reasonCode: 'CAREER_EXPLORATION', from: NOW, to: plus(NOW, 56), limit: 5_000 },
      { reasonCode: 'RESUME_REVIEW', from: NOW, to: plus(NOW, 30), limit: 10 },
      { reasonCode: 'RESUME_REVIEW', from: NOW, to: plus(NOW, 30), limit: 5_000, timeZone: 'Australia/Sydney' },
    ];
    for (const q of queries) expect(await actual(q), JSON.stringify(q)).toEqual(await expected(q));
  }, 60_000);

  it('windows that start where a booking of an advisor with a buffer ends, or end where one starts', async () => {
    expect(buffered.length).toBeGreaterThan(5);
    for (const booking of buffered.slice(0, 12)) {
      for (const q of [
        { reasonCode: 'PART_TIME_JOB_SEARCH', from: booking.end, to: new Date(booking.end.getTime() + 3 * 3_600_000), limit: 1_000 },
        { reasonCode: 'PART_TIME_JOB_SEARCH', from: new Date(booking.start.getTime() - 3 * 3_600_000), to: booking.start, limit: 1_000 },
      ]) {
        expect(await actual(q), `${q.from.toISOString()}…${q.to.toISOString()}`).toEqual(await expected(q));
      }
    }
  }, 60_000);

  it('one advisor at a time', async () => {
    for (const advisorId of advisorIds) {
      for (const limit of [3, 1_000]) {
        const q = { reasonCode: 'PART_TIME_JOB_SEARCH', advisorId, from: NOW, to: plus(NOW, 56), limit, timeZone: 'Pacific/Auckland' };
        expect(await actual(q), `${advisorId} limit ${limit}`).toEqual(await expected(q));
      }
    }
  }, 60_000);
});
