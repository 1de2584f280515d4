// Slot search at office scale (issue 4): GET /api/v1/slots through the real HTTP stack as a signed-in student,
// over 300 advisors who all offer one reason code, each with weekly hours in their own zone (New York, Chicago,
// Los Angeles, London, Berlin, Kolkata, Singapore, Sydney, Auckland…; split days), a few exceptions and a share
// of their time already booked (near weeks nearly full, later weeks mostly free). Sequential requests after a
// warm-up, on PGlite and on the PostgreSQL server; target p95 ≤ 100 ms for eight weeks of every advisor.
import type { Agent } from 'node:http';
import { BENCH_REASON_CODE } from './lib/advising-plan';
import { engines, localDateIn, oneConnection, percentiles, releaseEngine, seedAdvising, startRapportOn, timedRequest, type Engine, type Percentiles, type SeededAdvising } from './lib/advising';
import type { Child } from './lib/child';
import { processCpuMs, separateServerAndClient } from './lib/cpu';
import { median } from './lib/stats';
import { fixed } from './lib/table';
import type { BenchContext, Benchmark, Cell, Table, Verdict } from './lib/types';

const TARGET_P95_MS = 100;
const VIEWER_ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'UTC'];

type Sizes = { advisors: number; weeks: number; students: number; warmup: number; timed: number };

function sizes(quick: boolean): Sizes {
  return quick ? { advisors: 60, weeks: 8, students: 500, warmup: 2, timed: 8 } : { advisors: 300, weeks: 8, students: 3_000, warmup: 5, timed: 40 };
}

type Case = {
  key: string;
  label: string;
  /** Whether the p95 target is a verdict for this query (the others are shown for context). */
  target: boolean;
  path(i: number, seeded: SeededAdvising): string;
};

const q = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');

function cases(weeks: number): Case[] {
  const days = weeks * 7;
  const zone = (i: number) => VIEWER_ZONES[i % VIEWER_ZONES.length] as string;
  // Searches start tomorrow … a week from now (local dates in the viewer's zone) and span `weeks` weeks.
  const eightWeeks = (i: number, extra: Record<string, string> = {}) => {
    const start = 1 + (i % 7);
    return `/api/v1/slots?${q({ reasonCode: BENCH_REASON_CODE, from: localDateIn(zone(i), start), to: localDateIn(zone(i), start + days - 1), timeZone: zone(i), ...extra })}`;
  };
  return [
    { key: 'all-8w', label: `every advisor, ${weeks} weeks (limit 1,000)`, target: true, path: (i) => eightWeeks(i) },
    { key: 'all-2w', label: 'every advisor, default 2 weeks (limit 1,000)', target: true, path: (i) => `/api/v1/slots?${q({ reasonCode: BENCH_REASON_CODE, timeZone: zone(i) })}` },
    {
      key: 'one-8w',
      label: `one advisor, ${weeks} weeks`,
      target: true,
      path: (i, seeded) => eightWeeks(i, { advisorId: seeded.advisors[(i * 37) % seeded.advisors.length]?.id ?? '' }),
    },
    { key: 'all-8w-5000', label: `every advisor, ${weeks} weeks, limit 5,000 (the largest page)`, target: false, path: (i) => eightWeeks(i, { limit: '5000' }) },
  ];
}

type Sample = { ms: number; items: number; truncated: boolean };
type CaseResult = { key: string; label: string; target: boolean; samples: Sample[]; stats: Percentiles };
type EngineResult = { engine: string; seeded: SeededAdvising; cases: CaseResult[]; serverCpuMsPerRequest: number; placement: string };

type SlotItem = { advisorId: string; advisorName: string; start: string };

/** The page must be in the documented order: start, then advisor name, then advisor id. */
function checkOrder(items: readonly SlotItem[], path: string): void {
  for (let i = 1; i < items.length; i += 1) {
    const a = items[i - 1] as SlotItem;
    const b = items[i] as SlotItem;
    const order = a.start.localeCompare(b.start) || a.advisorName.localeCompare(b.advisorName) || a.advisorId.localeCompare(b.advisorId);
    if (order > 0) throw new Error(`GET ${path}: items ${i - 1} and ${i} out of order (${a.start} ${a.advisorName} / ${b.start} ${b.advisorName})`);
  }
}

async function search(port: number, agent: Agent, cookie: string, path: string): Promise<Sample> {
  const answer = await timedRequest(port, { method: 'GET', path, headers: { cookie }, agent });
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const body = JSON.parse(answer.body) as { items: SlotItem[]; truncated: boolean };
  checkOrder(body.items, path);
  return { ms: answer.ms, items: body.items.length, truncated: body.truncated };
}

async function measureEngine(context: BenchContext, engine: Engine, size: Sizes): Promise<EngineResult> {
  context.progress(`slot search: seeding ${size.advisors} advisors on ${engine.label}`);
  const seeded = await seedAdvising(context, engine, { kind: 'office', advisors: size.advisors, weeks: size.weeks, students: size.students, signedIn: 1, seed: 20261129 });
  const cookie = seeded.cookies[0];
  if (!cookie) throw new Error('the seed signed nobody in');
  let child: Child | undefined;
  const agent = oneConnection();
  try {
    context.progress(`slot search: starting Rapport on ${engine.label}`);
    const server = await startRapportOn(context, engine);
    child = server.child;
    const placement = separateServerAndClient([server.child.pid]);
    try {
      const list = cases(size.weeks);
      context.progress(`slot search: warm-up on ${engine.label}`);
      for (let i = 0; i < size.warmup; i += 1) for (const c of list) await search(server.port, agent, cookie, c.path(i + 1000, seeded));
      const samples = new Map<string, Sample[]>(list.map((c) => [c.key, []]));
      context.progress(`slot search: ${size.timed} × ${list.length} timed requests on ${engine.label}`);
      const cpuBefore = processCpuMs(server.child.pid);
      // Interleaved, so every kind of query meets the same neighbours on the machine.
      for (let i = 0; i < size.timed; i += 1) for (const c of list) samples.get(c.key)?.push(await search(server.port, agent, cookie, c.path(i, seeded)));
      const cpuAfter = processCpuMs(server.child.pid);
      const total = size.timed * list.length;
      return {
        engine: engine.label,
        seeded,
        cases: list.map((c) => {
          const s = samples.get(c.key) ?? [];
          return { key: c.key, label: c.label, target: c.target, samples: s, stats: percentiles(s.map((x) => x.ms)) };
        }),
        serverCpuMsPerRequest: cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : (cpuAfter - cpuBefore) / total,
        placement: placement.note,
      };
    } finally {
      placement.restore();
    }
  } finally {
    agent.destroy();
    await child?.stop();
  }
}

export const slotSearch: Benchmark = {
  name: 'slot-search',
  description: 'GET /api/v1/slots over 300 advisors × 8 weeks (and 2 weeks, one advisor) as a signed-in student, PGlite and PostgreSQL',
  async run(context) {
    const size = sizes(context.quick);
    const started = Date.now();
    const { engines: list, skipped } = await engines(context, 'slot-search', 10);
    const results: EngineResult[] = [];
    try {
      for (const engine of list) {
        try {
          results.push(await measureEngine(context, engine, size));
        } finally {
          await releaseEngine(context, engine);
        }
      }
    } finally {
      for (const engine of list) await releaseEngine(context, engine);
    }

    const rows: Cell[][] = [];
    const verdicts: Verdict[] = [];
    for (const result of results) {
      for (const c of result.cases) {
        const truncated = c.samples.filter((s) => s.truncated).length;
        const pass = c.stats.p95 <= TARGET_P95_MS;
        rows.push([
          result.engine,
          c.label,
          c.stats.n,
          median(c.samples.map((s) => s.items)),
          `${truncated}/${c.samples.length}`,
          fixed(c.stats.p50, 1),
          fixed(c.stats.p95, 1),
          fixed(c.stats.p99, 1),
          fixed(c.stats.max, 1),
          c.target ? `≤ ${TARGET_P95_MS}` : '(info)',
          c.target ? (pass ? 'PASS' : 'FAIL') : pass ? '(pass)' : '(over)',
        ]);
        if (c.target) verdicts.push({ name: `slots p95, ${c.label}, ${result.engine} (ms)`, value: c.stats.p95, target: `≤ ${TARGET_P95_MS}`, pass });
      }
    }
    const first = results[0]?.seeded;
    const seedNotes = results.map(
      (r) =>
        `${r.engine}: seeded in ${fixed(r.seeded.ms / 1000, 1)} s; server CPU ${fixed(r.serverCpuMsPerRequest, 1)} ms per timed request (all kinds, /proc); ${r.placement}.`,
    );
    const table: Table = {
      title: `Slot search: GET /api/v1/slots?reasonCode=${BENCH_REASON_CODE}, ${size.advisors} advisors, signed in as a student, one kept-alive connection`,
      columns: ['database', 'query', 'requests', 'items (median)', 'truncated', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95 target', 'result'],
      rows,
      notes: [
        first
          ? `Data: ${size.advisors} advisors offering ${BENCH_REASON_CODE} (30 min) in 12 zones (New York ×3, Chicago, Denver, Los Angeles, London, Berlin, Kolkata, Singapore, Sydney, Auckland), six weekly patterns (some split days),`
          : 'no data',
        first
          ? `${first.counts.rules} weekly rules, ${first.counts.exceptions} exceptions (days off, a vacation week, time off, Saturday extra hours); buffers 0–15 min, notice 2–24 h, horizons 56–120 days;`
          : '',
        first
          ? `${first.counts.appointments.toLocaleString('en-US')} appointments (${first.counts.futureHolding.toLocaleString('en-US')} holding time ahead, booked ~75% in week 1 falling to ~12% in week 8; 4 weeks of past ones; 10% cancelled), ${first.counts.students.toLocaleString('en-US')} students;`
          : '',
        first ? `${first.counts.openSlots8w.toLocaleString('en-US')} open 30-minute slots in the next 8 weeks (what an 8-week search has to consider before it keeps the first page).` : '',
        `Requests: ${size.warmup} warm-up round(s) of every query, then ${size.timed} timed rounds, the kinds interleaved, one at a time on one kept-alive connection, as a signed-in student;`,
        `viewer zones rotate over ${VIEWER_ZONES.join(', ')}; 8-week searches start tomorrow … in a week (local dates); one-advisor queries rotate over the advisors.`,
        'Time: request sent → last byte of the JSON read by the client (includes the session lookup, the queries, slot generation, the Zod response serialisation).',
        ...seedNotes,
        ...(skipped ? [skipped] : []),
        `Whole benchmark: ${fixed((Date.now() - started) / 1000, 0)} s.`,
      ].filter(Boolean),
    };
    return {
      tables: [table],
      verdicts,
      data: {
        sizes: size,
        results: results.map((r) => ({ engine: r.engine, counts: r.seeded.counts, seedMs: r.seeded.ms, serverCpuMsPerRequest: r.serverCpuMsPerRequest, cases: r.cases.map((c) => ({ key: c.key, stats: c.stats, samples: c.samples })) })),
      },
    };
  },
};
