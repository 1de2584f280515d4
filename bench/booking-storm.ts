// SECURITY.md L1 through HTTP: 200 distinct signed-in students fire POST /api/v1/appointments at the same slot at
// once, each with its own Idempotency-Key, against Rapport on PGlite and on the PostgreSQL server (pool 10).
// Exactly one may win (201), the rest must hear 409 APPOINTMENT_SLOT_TAKEN, none a 5xx, and the table must hold
// one row; p95 < 1 s. Measured in the same run: the same students' GET /api/v1/reason-codes fired at once (the
// request, session and one-read cost of 200 simultaneous requests, without booking), and N students booking N
// distinct slots at once (successful bookings per second).
//
// BENCH_STORM_PROFILE_DIR=<dir>: also samples the server's CPU during the storm (inspector, 200 µs) and prints
// where the time went; the .cpuprofile files stay in <dir> (open them in Chrome DevTools).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  burst,
  engines,
  localDateIn,
  oneConnection,
  percentiles,
  profileDuring,
  releaseEngine,
  seedAdvising,
  startRapportOn,
  timedRequest,
  type Engine,
  type Percentiles,
  type Timed,
} from './lib/advising';
import { BENCH_REASON_CODE, type CheckResult } from './lib/advising-plan';
import { spawnNode, waitForExit, waitForMessage, type Child } from './lib/child';
import { summariseProfile, type ProfileSummary } from './lib/cpu-profile';
import { processCpuMs, separateServerAndClient } from './lib/cpu';
import { fixed } from './lib/table';
import type { BenchContext, Benchmark, Cell, Table, Verdict } from './lib/types';

const TARGET_P95_MS = 1000;
const POOL_SIZE = 10;
const WARM_UP_STUDENTS = 20;

type Sizes = { storm: number; throughput: number; throughputAdvisors: number };

function sizes(quick: boolean): Sizes {
  return quick ? { storm: 50, throughput: 50, throughputAdvisors: 5 } : { storm: 200, throughput: 200, throughputAdvisors: 10 };
}

type Burst = {
  requests: number;
  byStatus: Record<string, number>;
  codes: string[];
  wallMs: number;
  stats: Percentiles;
  reqPerSec: number;
  serverCpuMs: number;
};

type EngineResult = {
  engine: string;
  kind: Engine['kind'];
  warmUp: Burst;
  baseline: Burst;
  storm: Burst;
  throughput: Burst;
  check: CheckResult;
  slot: string;
  placement: string;
  profile: { file: string; summary: ProfileSummary } | undefined;
  baselineProfile: { file: string; summary: ProfileSummary } | undefined;
};

function summarise(answers: readonly Timed[], wallMs: number, serverCpuMs: number): Burst {
  const byStatus: Record<string, number> = {};
  const codes = new Set<string>();
  for (const a of answers) {
    byStatus[String(a.status)] = (byStatus[String(a.status)] ?? 0) + 1;
    if (a.status >= 400) {
      try {
        codes.add(String((JSON.parse(a.body) as { error?: { code?: string } }).error?.code));
      } catch {
        codes.add(a.status === 0 ? a.body.slice(0, 60) : 'unparsable body');
      }
    }
  }
  return { requests: answers.length, byStatus, codes: [...codes], wallMs, stats: percentiles(answers.map((a) => a.ms)), reqPerSec: answers.length / (wallMs / 1000), serverCpuMs };
}

/** Runs a burst and reads the server's CPU time around it (/proc, 10 ms ticks). */
async function timedBurst<T>(serverPid: number, items: readonly T[], fn: (item: T, i: number) => Promise<Timed>): Promise<Burst> {
  const before = processCpuMs(serverPid);
  const { answers, wallMs } = await burst(items, fn);
  const after = processCpuMs(serverPid);
  return summarise(answers, wallMs, before === undefined || after === undefined ? Number.NaN : after - before);
}

const fiveXx = (b: Burst) => Object.entries(b.byStatus).reduce((n, [status, count]) => n + (Number(status) >= 500 || status === '0' ? count : 0), 0);
const count = (b: Burst, status: number) => b.byStatus[String(status)] ?? 0;

type Slot = { start: string };

async function openSlots(port: number, cookie: string, advisorId: string, days: number): Promise<string[]> {
  const zone = 'America/New_York';
  const path = `/api/v1/slots?reasonCode=${BENCH_REASON_CODE}&advisorId=${advisorId}&from=${localDateIn(zone, 1)}&to=${localDateIn(zone, days)}&timeZone=${encodeURIComponent(zone)}`;
  const answer = await timedRequest(port, { method: 'GET', path, headers: { cookie } });
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return (JSON.parse(answer.body) as { items: Slot[] }).items.map((s) => s.start);
}

function book(port: number, cookie: string, key: string, advisorId: string, start: string): Promise<Timed> {
  return timedRequest(port, {
    method: 'POST',
    path: '/api/v1/appointments',
    headers: { cookie, 'idempotency-key': key },
    body: JSON.stringify({ advisorId, reasonCode: BENCH_REASON_CODE, start, mode: 'in_person', note: 'storm' }),
  });
}

async function checkDatabase(context: BenchContext, engine: Engine, check: Record<string, unknown>): Promise<CheckResult> {
  const child = spawnNode({
    label: `check ${engine.label}`,
    cwd: context.root,
    args: ['--import', 'tsx', 'bench/servers/advising-check.ts'],
    env: {
      ...process.env,
      ...(engine.kind === 'pglite' ? { BENCH_DATA_DIR: engine.dataDir } : { BENCH_DATABASE_URL: engine.url }),
      BENCH_CHECK: JSON.stringify(check),
    },
    stdout: 'ignore',
    ipc: true,
  });
  try {
    const result = await waitForMessage(child, 'checked', 120_000);
    await waitForExit(child.process);
    return result as unknown as CheckResult;
  } finally {
    await child.stop();
  }
}

async function measureEngine(context: BenchContext, engine: Engine, size: Sizes, profileDir: string | undefined): Promise<EngineResult> {
  const runTag = `${process.pid}-${Date.now().toString(36)}`;
  context.progress(`booking storm: seeding ${1 + size.throughputAdvisors} advisors and ${WARM_UP_STUDENTS + size.storm + size.throughput} signed-in students on ${engine.label}`);
  const seeded = await seedAdvising(context, engine, {
    kind: 'plain',
    advisors: 1 + size.throughputAdvisors,
    weeks: 0,
    students: 1,
    signedIn: WARM_UP_STUDENTS + size.storm + size.throughput,
    seed: 4,
  });
  const [stormAdvisor, ...throughputAdvisors] = seeded.advisors;
  if (!stormAdvisor) throw new Error('no advisor seeded');
  const cookies = seeded.cookies;
  const warmUpCookies = cookies.slice(0, WARM_UP_STUDENTS);
  const stormCookies = cookies.slice(WARM_UP_STUDENTS, WARM_UP_STUDENTS + size.storm);
  const throughputCookies = cookies.slice(WARM_UP_STUDENTS + size.storm);
  const stormStudents = seeded.studentIds.slice(WARM_UP_STUDENTS, WARM_UP_STUDENTS + size.storm);
  const throughputStudents = seeded.studentIds.slice(WARM_UP_STUDENTS + size.storm);

  let child: Child | undefined;
  let result: Omit<EngineResult, 'check'> | undefined;
  try {
    context.progress(`booking storm: starting Rapport on ${engine.label}`);
    const server = await startRapportOn(context, engine, { profile: profileDir !== undefined });
    child = server.child;
    const port = server.port;
    const someone = warmUpCookies[0] ?? '';

    // The slots as a student would pick them: the storm's from the list of open slots, the warm-up's the one
    // before it; the throughput bookings spread over the other advisors, the first open slots of each.
    const [warmUpSlot, stormSlot] = await openSlots(port, someone, stormAdvisor.id, 14);
    if (!warmUpSlot || !stormSlot) throw new Error('the storm advisor offers no slots');
    const perAdvisor = Math.ceil(size.throughput / Math.max(1, throughputAdvisors.length));
    const targets: { advisorId: string; start: string }[] = [];
    for (const advisor of throughputAdvisors) {
      const starts = await openSlots(port, someone, advisor.id, 21);
      for (const start of starts.slice(0, perAdvisor)) targets.push({ advisorId: advisor.id, start });
    }
    if (targets.length < size.throughput) throw new Error(`only ${targets.length} open slots for ${size.throughput} throughput bookings`);

    const placement = separateServerAndClient([server.child.pid]);
    try {
      // A running server has compiled its code paths: a small storm on another slot first (as the L1 test does).
      context.progress(`booking storm: warm-up (${WARM_UP_STUDENTS} students, one slot) on ${engine.label}`);
      const warmUp = await timedBurst(server.child.pid, warmUpCookies, (cookie, i) => book(port, cookie, `warm-${runTag}-${i}`, stormAdvisor.id, warmUpSlot));
      // Every student has just loaded a page: sessions are fresh, so no request below also refreshes one (a
      // session is touched at most once a minute).
      const agent = oneConnection();
      for (const cookie of [...stormCookies, ...throughputCookies]) {
        const answer = await timedRequest(port, { method: 'GET', path: '/api/v1/reason-codes', headers: { cookie }, agent });
        if (answer.status !== 200) throw new Error(`GET /api/v1/reason-codes answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      }
      agent.destroy();
      await sleep(200);

      context.progress(`booking storm: baseline, ${size.storm} × GET /api/v1/reason-codes at once on ${engine.label}`);
      const fireBaseline = () => timedBurst(server.child.pid, stormCookies, (cookie) => timedRequest(port, { method: 'GET', path: '/api/v1/reason-codes', headers: { cookie } }));
      let baselineProfile: EngineResult['baselineProfile'];
      let baseline: Burst;
      if (profileDir) {
        const file = join(profileDir, `baseline-${engine.kind}-${runTag}.cpuprofile`);
        baseline = await profileDuring(server.child, file, fireBaseline);
        baselineProfile = { file, summary: summariseProfile(file, ['guard', 'authenticate', 'findLiveSessions', 'activeCodes', 'serialize']) };
      } else {
        baseline = await fireBaseline();
      }
      await sleep(200);

      context.progress(`booking storm: ${size.storm} bookings of one slot at once on ${engine.label}`);
      const fire = () => timedBurst(server.child.pid, stormCookies, (cookie, i) => book(port, cookie, `storm-${runTag}-${i}`, stormAdvisor.id, stormSlot));
      let profile: EngineResult['profile'];
      let storm: Burst;
      if (profileDir) {
        const file = join(profileDir, `storm-${engine.kind}-${runTag}.cpuprofile`);
        storm = await profileDuring(server.child, file, fire);
        profile = { file, summary: summariseProfile(file, ['book', 'prepare', 'insertBooking', 'guard', 'authenticate', 'findLiveSessions', 'findKeyedOrHolders', 'bookableReason', 'insertKeyedAppointment', 'transaction', 'handleError', 'preValidation', 'serialize']) };
      } else {
        storm = await fire();
      }
      await sleep(200);

      context.progress(`booking storm: ${size.throughput} bookings of ${size.throughput} different slots at once on ${engine.label}`);
      const throughput = await timedBurst(server.child.pid, throughputCookies, (cookie, i) => {
        const target = targets[i] as { advisorId: string; start: string };
        return book(port, cookie, `throughput-${runTag}-${i}`, target.advisorId, target.start);
      });
      result = { engine: engine.label, kind: engine.kind, warmUp, baseline, storm, throughput, slot: stormSlot, placement: placement.note, profile, baselineProfile };
    } finally {
      placement.restore();
    }
  } finally {
    await child?.stop();
  }
  if (!result) throw new Error('the storm did not run');
  context.progress(`booking storm: reading back the rows on ${engine.label}`);
  const check = await checkDatabase(context, engine, { advisorId: stormAdvisor.id, start: result.slot, stormStudents, throughputStudents });
  return { ...result, check };
}

const ms = (v: number) => fixed(v, 0);

export const bookingStorm: Benchmark = {
  name: 'booking-storm',
  description: 'L1: 200 signed-in students book one slot at once over HTTP (PGlite, PostgreSQL pool 10), plus N students booking N slots',
  async run(context) {
    const size = sizes(context.quick);
    const started = Date.now();
    const profileDir = process.env.BENCH_STORM_PROFILE_DIR ? resolve(process.env.BENCH_STORM_PROFILE_DIR) : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const { engines: list, skipped } = await engines(context, 'booking-storm', POOL_SIZE);
    const results: EngineResult[] = [];
    try {
      for (const engine of list) {
        try {
          results.push(await measureEngine(context, engine, size, profileDir));
        } finally {
          await releaseEngine(context, engine);
        }
      }
    } finally {
      for (const engine of list) await releaseEngine(context, engine);
    }

    const verdicts: Verdict[] = [];
    const stormRows: Cell[][] = [];
    for (const r of results) {
      const s = r.storm;
      const correct =
        count(s, 201) === 1 &&
        count(s, 409) === s.requests - 1 &&
        fiveXx(s) === 0 &&
        s.codes.every((c) => c === 'APPOINTMENT_SLOT_TAKEN') &&
        r.check.stormHoldingRows === 1 &&
        r.check.stormRows === 1 &&
        r.check.overlappingPairs === 0;
      const fast = s.stats.p95 < TARGET_P95_MS;
      stormRows.push([
        r.engine,
        `storm: ${s.requests} × POST one slot`,
        count(s, 201),
        count(s, 409),
        fiveXx(s),
        r.check.stormRows,
        ms(s.wallMs),
        ms(s.stats.p50),
        ms(s.stats.p95),
        ms(s.stats.p99),
        ms(s.stats.max),
        fixed(s.reqPerSec, 0),
        ms(s.serverCpuMs),
        `< ${TARGET_P95_MS}`,
        `${correct ? 'exact' : 'WRONG'}, ${fast ? 'PASS' : 'FAIL'}`,
      ]);
      const b = r.baseline;
      stormRows.push([r.engine, `baseline: ${b.requests} × GET reason-codes`, count(b, 200), '-', fiveXx(b), '-', ms(b.wallMs), ms(b.stats.p50), ms(b.stats.p95), ms(b.stats.p99), ms(b.stats.max), fixed(b.reqPerSec, 0), ms(b.serverCpuMs), '', '']);
      verdicts.push({
        name: `L1 ${s.requests} bookings of one slot, ${r.engine}: 1 × 201, ${s.requests - 1} × 409, 0 × 5xx, 1 row (1 = yes)`,
        value: correct ? 1 : 0,
        target: '= 1',
        pass: correct,
      });
      verdicts.push({ name: `L1 p95, ${r.engine} (ms)`, value: s.stats.p95, target: `< ${TARGET_P95_MS}`, pass: fast });
    }
    const first = results[0];
    const tables: Table[] = [
      {
        title: `Booking storm (SECURITY.md L1): ${size.storm} signed-in students POST /api/v1/appointments for the same slot at once, each with its own Idempotency-Key`,
        columns: ['database', 'burst', '2xx', '409', '5xx/err', 'rows', 'wall ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'server CPU ms', 'p95 target', 'result'],
        rows: stormRows,
        notes: [
          `Each request on a connection of its own (as ${size.storm} browsers), fired together from this process; time from sending to the last byte of the answer. rows: appointments at the slot afterwards (read from the database).`,
          `Every 409 must be APPOINTMENT_SLOT_TAKEN (codes seen: ${results.map((r) => `${r.kind} ${r.storm.codes.join('/') || '-'}`).join(', ')}); the table is also checked for overlapping time-holding pairs (APPT-07): ${results.map((r) => `${r.kind} ${r.check.overlappingPairs}`).join(', ')}; confirmation mails for the storm: ${results.map((r) => `${r.kind} ${r.check.stormMails}`).join(', ')}.`,
          `Before the storm: a warm-up storm of ${WARM_UP_STUDENTS} students on the slot before (${results.map((r) => `${r.kind} ${count(r.warmUp, 201)} × 201, p95 ${ms(r.warmUp.stats.p95)} ms`).join('; ')}), then every student loads GET /api/v1/reason-codes once,`,
          'one after another, so sessions are fresh and no request of the bursts also refreshes its session (at most once a minute).',
          'baseline: the same students, GET /api/v1/reason-codes all at once (session lookup + one read + a small JSON answer): what 200 simultaneous signed-in requests cost without booking.',
          `Server CPU: the Rapport process (all threads, /proc, 10 ms ticks) during the burst. The PostgreSQL server's own processes are not counted. ${first ? first.placement : ''}.`,
          'Advisor: New York, Monday–Friday 09:00–17:00, 30-minute slots, no buffer, no notice; the storm slot is the second open slot from tomorrow.',
          ...(skipped ? [skipped] : []),
        ],
      },
      {
        title: `Booking throughput: ${size.throughput} signed-in students each book a different slot at once (${size.throughputAdvisors} advisors, ${Math.ceil(size.throughput / size.throughputAdvisors)} slots each)`,
        columns: ['database', 'bookings', '201', 'other', 'rows', 'wall ms', 'p50 ms', 'p95 ms', 'p99 ms', 'bookings/s', 'server CPU ms', 'CPU ms/booking'],
        rows: results.map((r) => {
          const t = r.throughput;
          return [r.engine, t.requests, count(t, 201), t.requests - count(t, 201), r.check.throughputRows, ms(t.wallMs), ms(t.stats.p50), ms(t.stats.p95), ms(t.stats.p99), fixed(count(t, 201) / (t.wallMs / 1000), 0), ms(t.serverCpuMs), fixed(t.serverCpuMs / t.requests, 1)];
        }),
        notes: [
          'Every booking wins (different slots): the full path runs for each — insert, office policy, advisor, hours/notice/horizon via generateSlots, term counters, buffer, confirmation mail.',
          `On the server, bookings of one advisor queue on that advisor's advisory lock (ADR 012); PGlite runs one transaction at a time. Other answers: ${results.map((r) => `${r.kind} ${JSON.stringify(r.throughput.byStatus)} ${r.throughput.codes.join('/')}`).join('; ')}.`,
          `Whole benchmark: ${fixed((Date.now() - started) / 1000, 0)} s.`,
        ],
      },
    ];
    for (const r of results) {
      for (const [what, profiled] of [
        ['the storm', r.profile],
        ['the baseline', r.baselineProfile],
      ] as const) {
        if (!profiled) continue;
        const p = profiled.summary;
        tables.push({
          title: `Where the server's time went during ${what}, ${r.engine}: ${fixed(p.totalMs, 0)} ms sampled (self time by part of the stack)`,
          columns: ['part', 'ms', 'share'],
          rows: p.byPart.slice(0, 14).map((x) => [x.part, fixed(x.ms, 0), `${fixed(x.share * 100, 1)}%`]),
          notes: [
            `Inclusive (with callees): ${p.inclusive.map((x) => `${x.name} ${fixed(x.ms, 0)} ms (${fixed(x.share * 100, 0)}%)`).join(', ')}.`,
            'Heaviest functions (self):',
            ...p.topFunctions.map((f) => `  ${fixed(f.ms, 0).padStart(5)} ms ${fixed(f.share * 100, 1).padStart(5)}%  ${f.name.slice(0, 110)} [${f.part}]`),
            `Profile: ${profiled.file}`,
          ],
        });
      }
    }
    return {
      tables,
      verdicts,
      data: {
        sizes: size,
        results: results.map((r) => ({ engine: r.engine, warmUp: r.warmUp, baseline: r.baseline, storm: r.storm, throughput: r.throughput, check: r.check, profile: r.profile, baselineProfile: r.baselineProfile })),
      },
    };
  },
};
