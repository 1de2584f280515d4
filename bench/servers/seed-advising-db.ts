// Prepares a database for the advising benchmarks (slot-search, booking-storm), then exits: migrations, advisor
// accounts with settings, weekly hours, exceptions and offered reason codes, students, appointments already
// booked, and signed-in students whose session cookies go back to the parent. Everything is written as large
// multi-row statements (jsonb_populate_recordset), not through the API; the appointments are real rows, so the
// no-overlap exclusion constraint (APPT-07) checks every one of them. Then VACUUM ANALYZE.
//
// BENCH_DATA_DIR (PGlite) or BENCH_DATABASE_URL (a PostgreSQL server); BENCH_ADVISING_PLAN: JSON of Plan.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Db } from '../../src/server/db/client';
import { openConfiguredDatabase } from '../../src/server/db/open';
import { generateSlots, type AvailabilityException, type IsoWeekday, type WeeklyRule } from '../../src/shared/domain/slots';
import { BENCH_REASON_CODE, type AdvisingPlan, type SeededAdvising } from '../lib/advising-plan';
import { prng } from '../lib/contact-data';

const OTHER_CODES = ['CAREER_EXPLORATION', 'RESUME_REVIEW', 'INTERNSHIP_SEARCH', 'INTERVIEW_PREP', 'NETWORKING_STRATEGY'];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// Most of an office sits in its own zone; the rest are remote or at partner campuses around the world.
const ZONES = [
  'America/New_York',
  'America/New_York',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Denver',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'Pacific/Auckland',
];

const week = (days: number[], start: string, end: string): WeeklyRule[] => days.map((weekday) => ({ weekday: weekday as IsoWeekday, start, end }));
const HOURS: WeeklyRule[][] = [
  week([1, 2, 3, 4, 5], '09:00', '17:00'),
  // Split days: a lunch break.
  [...week([1, 2, 3, 4, 5], '09:00', '12:00'), ...week([1, 2, 3, 4, 5], '13:00', '17:00')],
  [...week([1, 2, 3, 4], '10:00', '18:00'), ...week([5], '09:00', '13:00')],
  [...week([1, 3, 5], '08:30', '12:30'), ...week([1, 3, 5], '14:00', '16:30'), ...week([2, 4], '12:00', '19:00')],
  [...week([1, 2, 3, 4, 5], '07:00', '11:00'), ...week([1, 2, 3, 4, 5], '15:00', '19:00')],
  [...week([1, 2, 3, 4, 5], '09:30', '16:00')],
];
const FIRST = ['Maya', 'Jordan', 'Priya', 'Tomás', 'Aisha', 'Liam', 'Mei', 'Noah', 'Zanele', 'Elif', 'Mateo', 'Hana', 'Oliver', 'Sofia', 'Kwame', 'Ingrid', 'Ravi', 'Chloé', 'Yusuf', 'Aroha'];
const LAST = ['Castillo', 'Nguyen', 'Okafor', 'Schmidt', 'Patel', 'Kowalski', 'Haddad', 'Lindqvist', 'Moreau', 'Tanaka', 'Byrne', 'Silva', 'Dubois', 'Ivanova', 'Mensah', 'García', 'Walker', 'Novak', 'Rossi', 'Kaur'];

const dataDir = process.env.BENCH_DATA_DIR;
const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!dataDir && !databaseUrl) throw new Error('BENCH_DATA_DIR or BENCH_DATABASE_URL is required');
const plan = JSON.parse(process.env.BENCH_ADVISING_PLAN ?? 'null') as AdvisingPlan | null;
if (!plan) throw new Error('BENCH_ADVISING_PLAN is required');
if (!process.send) throw new Error('started without an IPC channel; run it from bench/run.ts');
const progress = (message: string) => process.send?.({ type: 'progress', message });

const started = performance.now();
const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir ?? '/nonexistent',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: '4' } : {}),
  LOG_LEVEL: 'warn',
});
const database = await openConfiguredDatabase(config, { migrate: true });
const app = await buildApp(config, { database, logger: false });
const db = database.db;
const random = prng(plan.seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

type Row = Record<string, unknown>;

/** Writes rows (snake_case keys, the same keys in every row) into `table`, `chunk` rows per statement. */
async function insertRows(target: Db, table: string, rows: readonly Row[], chunk = 5_000): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = sql.raw(Object.keys(first).map((c) => `"${c}"`).join(', '));
  for (let at = 0; at < rows.length; at += chunk) {
    const json = JSON.stringify(rows.slice(at, at + chunk));
    await target.execute(sql`insert into ${sql.raw(table)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${sql.raw(table)}, ${json}::jsonb)`);
  }
}

const now = new Date();
const nowIso = now.toISOString();
const runTag = `${process.pid}-${now.getTime().toString(36)}`;

// ---- students -------------------------------------------------------------------------------------------
const studentCount = Math.max(plan.students, 1) + plan.signedIn;
const students: Row[] = Array.from({ length: studentCount }, (_, i) => ({
  id: randomUUID(),
  email: `bench-student-${i + 1}-${runTag}@rapport.example`,
  name: `${pick(FIRST)} ${pick(LAST)}`,
  role: 'student',
  created_at: nowIso,
  updated_at: nowIso,
}));
const owners = students.slice(0, Math.max(plan.students, 1)).map((s) => String(s.id));
const signedIn = students.slice(Math.max(plan.students, 1)).map((s) => String(s.id));

// ---- advisors -------------------------------------------------------------------------------------------
type Advisor = { id: string; name: string; timeZone: string; weekly: WeeklyRule[]; exceptions: AvailabilityException[]; buffer: number; notice: number; horizon: number };
const advisors: Advisor[] = [];
const advisorUsers: Row[] = [];
const settingsRows: Row[] = [];
const codeRows: Row[] = [];
const ruleRows: Row[] = [];
const exceptionRows: Row[] = [];

/** The local date `days` after today in `zone` (en-CA formats as YYYY-MM-DD). */
function localDate(zone: string, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now.getTime() + days * DAY_MS));
}

for (let i = 0; i < plan.advisors; i += 1) {
  const id = randomUUID();
  const office = plan.kind === 'office';
  const timeZone = office ? (ZONES[i % ZONES.length] as string) : 'America/New_York';
  const weekly = office ? (HOURS[Math.floor(random() * HOURS.length)] as WeeklyRule[]) : week([1, 2, 3, 4, 5], '09:00', '17:00');
  const name = plan.kind === 'office' ? `${pick(FIRST)} ${pick(LAST)}` : `Storm Advisor ${String(i + 1).padStart(3, '0')}`;
  const advisor: Advisor = {
    id,
    name,
    timeZone,
    weekly,
    exceptions: [],
    buffer: office ? pick([0, 0, 0, 5, 10, 15]) : 0,
    notice: office ? pick([120, 120, 240, 1440]) : 0,
    horizon: office ? pick([56, 70, 90, 90, 120]) : 365,
  };
  if (office) {
    // A few exceptions over the coming weeks: a day off, an afternoon off, a vacation week, a Saturday morning.
    const weeks = Math.max(plan.weeks, 1);
    if (random() < 0.35) advisor.exceptions.push({ kind: 'day_off', date: localDate(timeZone, 1 + Math.floor(random() * weeks * 7)) });
    if (random() < 0.1) {
      const startDay = 7 + Math.floor(random() * (weeks - 1) * 7);
      for (let d = 0; d < 7; d += 1) advisor.exceptions.push({ kind: 'day_off', date: localDate(timeZone, startDay + d) });
    }
    if (random() < 0.4) {
      const start = new Date(Math.floor((now.getTime() + (1 + random() * weeks * 7) * DAY_MS) / (30 * MINUTE_MS)) * 30 * MINUTE_MS);
      advisor.exceptions.push({ kind: 'time_off', start, end: new Date(start.getTime() + (2 + Math.floor(random() * 3)) * 60 * MINUTE_MS) });
    }
    if (random() < 0.15) {
      const day = 1 + Math.floor(random() * weeks * 7);
      advisor.exceptions.push({ kind: 'extra_hours', date: localDate(timeZone, day), start: '10:00', end: '13:00' });
    }
  }
  advisors.push(advisor);
  advisorUsers.push({ id, email: `bench-advisor-${i + 1}-${runTag}@rapport.example`, name, role: 'advisor', created_at: nowIso, updated_at: nowIso });
  settingsRows.push({ advisor_id: id, time_zone: timeZone, buffer_minutes: advisor.buffer, minimum_notice_minutes: advisor.notice, horizon_days: advisor.horizon, updated_at: nowIso });
  codeRows.push({ advisor_id: id, reason_code: BENCH_REASON_CODE });
  if (office) {
    for (const code of OTHER_CODES) if (random() < 0.5) codeRows.push({ advisor_id: id, reason_code: code });
  } else {
    codeRows.push({ advisor_id: id, reason_code: 'CAREER_EXPLORATION' });
  }
  for (const rule of weekly) ruleRows.push({ id: randomUUID(), advisor_id: id, weekday: rule.weekday, start_time: rule.start, end_time: rule.end });
  for (const e of advisor.exceptions) {
    exceptionRows.push({
      id: randomUUID(),
      advisor_id: id,
      kind: e.kind,
      starts_at: e.kind === 'time_off' ? e.start.toISOString() : null,
      ends_at: e.kind === 'time_off' ? e.end.toISOString() : null,
      date: e.kind === 'time_off' ? null : e.date,
      start_time: e.kind === 'extra_hours' ? e.start : null,
      end_time: e.kind === 'extra_hours' ? e.end : null,
      note: 'bench',
      created_at: nowIso,
    });
  }
}

// ---- appointments (office only) ---------------------------------------------------------------------------
// The open grid of each advisor (the domain's own generator: hours, exceptions, DST), walked in order; each slot
// is booked with a probability that falls with the distance ahead (the next days are nearly full, week 8 is
// mostly free). A 60-minute booking takes two grid slots; an advisor with a buffer keeps the next slot free.
// Cancelled appointments are written too (they hold no time). Past weeks hold attended, late and no-show rows.
const appointmentRows: Row[] = [];
let holding = 0;
let futureHolding = 0;
const BOOKED_BY_WEEK = [0.75, 0.6, 0.45, 0.35, 0.28, 0.22, 0.17, 0.12, 0.08];
if (plan.kind === 'office') {
  const past = new Date(now.getTime() - 28 * DAY_MS);
  const until = new Date(now.getTime() + (plan.weeks * 7 + 7) * DAY_MS);
  for (const advisor of advisors) {
    const grid = generateSlots({
      timeZone: advisor.timeZone,
      weekly: advisor.weekly,
      exceptions: advisor.exceptions,
      lengthMinutes: 30,
      from: past,
      to: until,
      now: new Date(past.getTime() - 1),
      minimumNoticeMinutes: 0,
      horizonDays: 365,
    });
    const starts = new Set(grid.map((s) => s.start.getTime()));
    let freeFrom = 0;
    for (const slot of grid) {
      const at = slot.start.getTime();
      if (at < freeFrom) continue;
      const ahead = (at - now.getTime()) / DAY_MS;
      const probability = ahead < 0 ? 0.7 : (BOOKED_BY_WEEK[Math.min(BOOKED_BY_WEEK.length - 1, Math.floor(ahead / 7))] ?? 0.1);
      if (random() >= probability) continue;
      const long = random() < 0.25 && starts.has(at + 30 * MINUTE_MS);
      const end = at + (long ? 60 : 30) * MINUTE_MS;
      const roll = random();
      const status = ahead < 0 ? (roll < 0.8 ? 'attended' : roll < 0.88 ? 'no_show' : roll < 0.92 ? 'late' : 'cancelled') : roll < 0.9 ? 'booked' : 'cancelled';
      const createdAt = new Date(Math.min(at, now.getTime()) - Math.floor(random() * 14 * DAY_MS)).toISOString();
      appointmentRows.push({
        id: randomUUID(),
        student_id: pick(owners),
        advisor_id: advisor.id,
        reason_code: long ? 'CAREER_EXPLORATION' : BENCH_REASON_CODE,
        mode: pick(['in_person', 'video', 'phone']),
        starts_at: new Date(at).toISOString(),
        ends_at: new Date(end).toISOString(),
        status,
        note: '',
        cancelled_at: status === 'cancelled' ? createdAt : null,
        cancel_reason: status === 'cancelled' ? 'bench' : null,
        created_at: createdAt,
        updated_at: createdAt,
      });
      if (status !== 'cancelled') {
        holding += 1;
        if (ahead >= 0) futureHolding += 1;
        freeFrom = end + (advisor.buffer > 0 ? 30 * MINUTE_MS : 0);
      }
    }
  }
}

// What a search of the next eight weeks has to consider: every open 30-minute slot of every advisor (their own
// notice, horizon and buffer applied), counted with the same generator the service uses.
let openSlots8w = 0;
if (plan.kind === 'office') {
  const busyOf = new Map<string, { start: Date; end: Date }[]>();
  for (const row of appointmentRows) {
    if (row.status === 'cancelled') continue;
    const list = busyOf.get(String(row.advisor_id)) ?? [];
    list.push({ start: new Date(String(row.starts_at)), end: new Date(String(row.ends_at)) });
    busyOf.set(String(row.advisor_id), list);
  }
  for (const advisor of advisors) {
    openSlots8w += generateSlots({
      timeZone: advisor.timeZone,
      weekly: advisor.weekly,
      exceptions: advisor.exceptions,
      lengthMinutes: 30,
      bufferMinutes: advisor.buffer,
      busy: busyOf.get(advisor.id) ?? [],
      from: now,
      to: new Date(now.getTime() + 56 * DAY_MS),
      now,
      minimumNoticeMinutes: advisor.notice,
      horizonDays: advisor.horizon,
    }).length;
  }
}

progress(
  `writing ${advisors.length} advisors, ${ruleRows.length} weekly rules, ${exceptionRows.length} exceptions, ${students.length} students, ${appointmentRows.length.toLocaleString('en-US')} appointments`,
);
await insertRows(db, 'users', [...students, ...advisorUsers]);
await insertRows(db, 'advisor_settings', settingsRows);
await insertRows(db, 'advisor_reason_codes', codeRows);
await insertRows(db, 'availability_rules', ruleRows);
await insertRows(db, 'availability_exceptions', exceptionRows);
// In time order, as bookings arrive; the exclusion constraint checks every row.
appointmentRows.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
await insertRows(db, 'appointments', appointmentRows);
for (const table of ['users', 'advisor_settings', 'advisor_reason_codes', 'availability_rules', 'availability_exceptions', 'appointments']) {
  await db.execute(sql.raw(`vacuum analyze ${table}`));
}

// Sessions through the real auth service, so the cookies are what a sign-in would set.
const cookies: string[] = [];
for (const id of signedIn) cookies.push(`${config.session.cookieName}=${await app.services.auth.startSession(id, 'rapport-bench')}`);

await app.close();
await database.close();
const seeded: SeededAdvising = {
  type: 'seeded',
  advisors: advisors.map((a) => ({ id: a.id, name: a.name, timeZone: a.timeZone })),
  cookies,
  studentIds: signedIn,
  counts: { rules: ruleRows.length, exceptions: exceptionRows.length, appointments: appointmentRows.length, holding, futureHolding, students: students.length, openSlots8w },
  ms: performance.now() - started,
};
process.send(seeded, undefined, {}, () => process.exit(0));
