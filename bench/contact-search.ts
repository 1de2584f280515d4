// Search latency at office scale: searchContacts(owner, q, limit 50) — what GET /api/v1/contacts?q= runs —
// timed in-process through Drizzle over ~200 fixed queries, for one user with 100,000 contacts among
// 300,000 on PGlite and among 1,000,000 on the PostgreSQL server. Then grows the PGlite table (500k, 1M)
// while its process memory allows, to say where the embedded database stops being comfortable.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnNode, waitForExit, waitForMessage, type Child } from './lib/child';
import { processMemory, type MemoryReport } from './lib/memory';
import { createBenchDatabase, serverVersion, type BenchDatabase } from './lib/pg-server';
import { median, percentileOfSorted } from './lib/stats';
import { fixed } from './lib/table';
import type { BenchContext, Benchmark, Cell, Table, Verdict } from './lib/types';

const TARGET_PGLITE_P95_MS = 50;
const TARGET_SERVER_P95_MS = 20;
/** The probe grows PGlite only while its process stays under this (and stops it if it goes over). */
const RSS_LIMIT_MIB = 6 * 1024;
const SEED_TIMEOUT_MS = 15 * 60_000;

type Sizes = {
  target: number;
  pgliteTotal: number;
  serverTotal: number;
  /** Server rows built in JS; the rest of the server's other users' rows are copies of them. */
  serverGenerated: number;
  /** PGlite growth steps (total contacts), each tried only while memory allows. */
  probe: number[];
  passes: number;
  /** Untimed queries (spread over every kind) run before timing. */
  warmup: number;
  /** Queries timed at each growth step (a spread of the list; indicative only). */
  probeQueries: number;
};

function sizes(quick: boolean): Sizes {
  return quick
    ? { target: 10_000, pgliteTotal: 30_000, serverTotal: 100_000, serverGenerated: 10_000, probe: [], passes: 1, warmup: 20, probeQueries: 0 }
    : { target: 100_000, pgliteTotal: 300_000, serverTotal: 1_000_000, serverGenerated: 100_000, probe: [500_000, 1_000_000], passes: 2, warmup: 20, probeQueries: 40 };
}

type Sample = { category: string; q: string; ms: number[]; rows: number };
type Seeded = { rows: number; ms: number; timings: { loadMs: number; indexMs: number; vacuumMs: number }; queries: number; memory: MemoryReport };
type Measured = { samples: Sample[]; explain: string[]; memory: MemoryReport };

type Summary = { queries: number; samples: number; p50: number; p95: number; max: number; medianRows: number; zeroRows: number; fullPages: number };

function summarise(samples: readonly Sample[]): Summary {
  const all = Float64Array.from(samples.flatMap((s) => s.ms)).sort();
  return {
    queries: samples.length,
    samples: all.length,
    p50: percentileOfSorted(all, 50),
    p95: percentileOfSorted(all, 95),
    max: all.length > 0 ? (all[all.length - 1] ?? Number.NaN) : Number.NaN,
    medianRows: samples.length > 0 ? median(samples.map((s) => s.rows)) : Number.NaN,
    zeroRows: samples.filter((s) => s.rows === 0).length,
    fullPages: samples.filter((s) => s.rows > 50).length,
  };
}

type Engine = { label: string; child: Child; seeded: Seeded };

function startSearchDb(context: BenchContext, label: string, env: Record<string, string>): Child {
  const child = spawnNode({
    label,
    cwd: context.root,
    args: ['--expose-gc', '--import', 'tsx', 'bench/servers/search-db.ts'],
    env: { ...process.env, ...env },
    stdout: 'ignore',
    ipc: true,
  });
  child.process.on('message', (message: { type?: string; message?: string }) => {
    if (message.type === 'progress' && message.message) context.progress(message.message);
  });
  return child;
}

/** Sends a command and resolves with the first reply of one of `types`; rejects if the child exits or stalls. */
function replyOf(child: Child, message: Record<string, unknown>, types: readonly string[], timeoutMs: number): Promise<Record<string, unknown> & { type: string }> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: unknown) => {
      const type = (reply as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !types.includes(type)) return;
      cleanup();
      resolve(reply as Record<string, unknown> & { type: string });
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`${child.label} (pid ${child.pid}) exited (code ${code}, signal ${signal}) before answering\n${child.stderrTail()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${child.label} (pid ${child.pid}) did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.process.off('message', onMessage);
      child.process.off('exit', onExit);
    };
    child.process.on('message', onMessage);
    child.process.once('exit', onExit);
    child.process.send(message);
  });
}

async function command<T>(child: Child, message: Record<string, unknown>, reply: string, timeoutMs: number): Promise<T> {
  return (await replyOf(child, message, [reply], timeoutMs)) as unknown as T;
}

type ProbeRow = { label: string; rows: number | undefined; ms: number | undefined; memory: MemoryReport | undefined; search: Summary | undefined; outcome: string };

/**
 * Grows the PGlite table step by step while its process stays under RSS_LIMIT_MIB; a watchdog reads the
 * child's RSS from /proc and stops it (by PID) if a step goes over, which is then where memory ran out.
 */
async function probe(context: BenchContext, engine: Engine, steps: readonly number[], queries: number, last: MemoryReport): Promise<ProbeRow[]> {
  const out: ProbeRow[] = [];
  let memory = last;
  for (const [i, total] of steps.entries()) {
    const label = `PGlite ${total >= 1_000_000 ? `${total / 1_000_000}M` : `${total / 1000}k`}`;
    if (memory.rssMiB >= RSS_LIMIT_MIB) {
      for (const rest of steps.slice(i)) out.push({ label: `PGlite ${rest.toLocaleString('en-US')}`, rows: undefined, ms: undefined, memory: undefined, search: undefined, outcome: `not attempted: RSS ${fixed(memory.rssMiB, 0)} MiB ≥ ${RSS_LIMIT_MIB} MiB` });
      break;
    }
    context.progress(`PGlite probe: growing to ${total.toLocaleString('en-US')} contacts`);
    let peakSeen = 0;
    let overLimit = false;
    const watchdog = setInterval(() => {
      const now = processMemory(engine.child.pid).rssMiB;
      if (Number.isFinite(now)) peakSeen = Math.max(peakSeen, now);
      if (now > RSS_LIMIT_MIB && !overLimit) {
        overLimit = true;
        void engine.child.stop(1000);
      }
    }, 250);
    try {
      const answer = await replyOf(engine.child, { type: 'grow', total }, ['grown', 'grow-failed'], SEED_TIMEOUT_MS);
      if (answer.type === 'grow-failed') {
        const failed = answer as unknown as { error: string; memory: MemoryReport };
        out.push({ label, rows: undefined, ms: undefined, memory: failed.memory, search: undefined, outcome: `ran out: ${failed.error}` });
        break;
      }
      const grown = answer as unknown as { rows: number; ms: number; memory: MemoryReport };
      context.progress(`PGlite probe: searching at ${grown.rows.toLocaleString('en-US')} contacts`);
      const measured = await command<Measured>(engine.child, { type: 'measure', passes: 1, warmup: 10, subset: queries }, 'measured', SEED_TIMEOUT_MS);
      // Peak here: the highest RSS sampled during this step (VmHWM would still show the seeding peak).
      memory = { ...measured.memory, peakRssMiB: peakSeen };
      out.push({ label, rows: grown.rows, ms: grown.ms, memory, search: summarise(measured.samples), outcome: 'ok' });
    } catch (error) {
      const exit = await Promise.race([waitForExit(engine.child.process), sleep(2000, undefined, { ref: false }).then(() => undefined)]);
      const reason = overLimit
        ? `ran out of the ${RSS_LIMIT_MIB} MiB budget (RSS ${fixed(peakSeen, 0)} MiB) while growing; stopped`
        : exit
          ? `process ended (code ${exit.code}, signal ${exit.signal}) while growing: ${engine.child.stderrTail().trim().split('\n').slice(-2).join(' ').slice(0, 200)}`
          : `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      out.push({ label, rows: undefined, ms: undefined, memory: undefined, search: undefined, outcome: reason });
      for (const rest of steps.slice(i + 1)) out.push({ label: `PGlite ${rest.toLocaleString('en-US')}`, rows: undefined, ms: undefined, memory: undefined, search: undefined, outcome: 'not attempted: the step before ran out' });
      break;
    } finally {
      clearInterval(watchdog);
    }
  }
  return out;
}

/** The lines of an EXPLAIN ANALYZE that say where the time went: each scan with its rows, what was thrown away, the total. */
function planNotes(engine: string, explain: readonly string[]): string[] {
  const [title, ...plan] = explain;
  if (!title) return [];
  const keep = /Scan on|Scan using|Index Cond|Rows Removed|Execution Time/;
  const lines = plan
    .filter((line) => keep.test(line))
    .map((line) => line.trim().replace(/^->\s*/, '').replace(/\s*\(cost=[^)]*\)/, '').replace(/actual time=[\d.]+\.\.([\d.]+)/, '$1 ms,').replace(/ loops=1\)/, ')'))
    .map((line) => (line.length > 140 ? `${line.slice(0, 139)}…` : line));
  return [`Slowest on ${engine}: ${title}. EXPLAIN ANALYZE (whole plan in results.json):`, ...lines.slice(0, 12).map((line) => `  ${line}`)];
}

const mib = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '-' : fixed(value, 0));
const sec = (ms: number | undefined) => (ms === undefined ? '-' : fixed(ms / 1000, 1));

export const contactSearch: Benchmark = {
  name: 'contact-search',
  description: 'searchContacts p50/p95 over ~200 queries: 100k contacts of one user among 300k (PGlite) and 1M (PostgreSQL server)',
  async run(context) {
    const size = sizes(context.quick);
    const tables: Table[] = [];
    const verdicts: Verdict[] = [];
    const notes: string[] = [];
    const started = Date.now();

    let server: BenchDatabase | undefined;
    let serverProblem: string | undefined;
    let version = '';
    try {
      server = await createBenchDatabase('rapport_bench');
      version = await serverVersion(server.url);
    } catch (error) {
      serverProblem = `PostgreSQL server not used: ${error instanceof Error ? error.message : String(error)}`;
    }

    const children: Child[] = [];
    try {
      // Both databases seed at once (separate processes); nothing is measured until both are done.
      context.progress(`seeding PGlite (${size.pgliteTotal.toLocaleString('en-US')}) and the PostgreSQL server (${size.serverTotal.toLocaleString('en-US')}) in parallel`);
      const pgliteChild = startSearchDb(context, 'PGlite search database', {
        BENCH_ENGINE: 'pglite',
        BENCH_DATA_DIR: join(context.scratchDir, 'contact-search-pglite'),
        BENCH_TARGET_CONTACTS: String(size.target),
        BENCH_TOTAL_CONTACTS: String(size.pgliteTotal),
      });
      children.push(pgliteChild);
      const serverChild = server
        ? startSearchDb(context, 'PostgreSQL search database', {
            BENCH_ENGINE: 'postgres',
            BENCH_DATABASE_URL: server.url,
            BENCH_TARGET_CONTACTS: String(size.target),
            BENCH_TOTAL_CONTACTS: String(size.serverTotal),
            BENCH_GENERATED_OTHERS: String(size.serverGenerated),
          })
        : undefined;
      if (serverChild) children.push(serverChild);

      const [pgliteSeeded, serverSeeded] = await Promise.all([
        waitForMessage(pgliteChild, 'seeded', SEED_TIMEOUT_MS) as unknown as Promise<Seeded>,
        serverChild ? (waitForMessage(serverChild, 'seeded', SEED_TIMEOUT_MS) as unknown as Promise<Seeded>) : Promise.resolve(undefined),
      ]);
      const pglite: Engine = { label: 'PGlite', child: pgliteChild, seeded: pgliteSeeded };
      const pg: Engine | undefined = serverChild && serverSeeded ? { label: 'PostgreSQL server', child: serverChild, seeded: serverSeeded } : undefined;

      context.progress('measuring search on PGlite');
      const pgliteMeasured = await command<Measured>(pglite.child, { type: 'measure', passes: size.passes, warmup: size.warmup }, 'measured', SEED_TIMEOUT_MS);
      let pgMeasured: Measured | undefined;
      if (pg) {
        context.progress('measuring search on the PostgreSQL server');
        pgMeasured = await command<Measured>(pg.child, { type: 'measure', passes: size.passes, warmup: size.warmup }, 'measured', SEED_TIMEOUT_MS);
        pg.child.process.send({ type: 'close' });
        await Promise.race([waitForExit(pg.child.process), sleep(20_000, undefined, { ref: false })]);
        await pg.child.stop();
      }

      const probeRows = size.probe.length > 0 ? await probe(context, pglite, size.probe, size.probeQueries, pgliteMeasured.memory) : [];
      if (pglite.child.process.exitCode === null && pglite.child.process.signalCode === null) {
        pglite.child.process.send({ type: 'close' });
        await Promise.race([waitForExit(pglite.child.process), sleep(60_000, undefined, { ref: false })]);
      }
      await pglite.child.stop();

      // ---- tables ----
      const pgliteSummary = summarise(pgliteMeasured.samples);
      const pgSummary = pgMeasured ? summarise(pgMeasured.samples) : undefined;
      const targetLabel = size.target.toLocaleString('en-US');
      const summaryRow = (label: string, total: number, s: Summary, target: number): Cell[] => [
        label,
        `${targetLabel} / ${total.toLocaleString('en-US')}`,
        `${s.queries} × ${size.passes}`,
        fixed(s.p50, 1),
        fixed(s.p95, 1),
        fixed(s.max, 1),
        `${s.medianRows} (${s.zeroRows} none, ${s.fullPages} full)`,
        `≤ ${target}`,
        s.p95 <= target ? 'PASS' : 'FAIL',
      ];
      const rowsMain: Cell[][] = [summaryRow('PGlite (embedded)', size.pgliteTotal, pgliteSummary, TARGET_PGLITE_P95_MS)];
      if (pgSummary) rowsMain.push(summaryRow(`PostgreSQL ${version} server`, size.serverTotal, pgSummary, TARGET_SERVER_P95_MS));
      else rowsMain.push(['PostgreSQL server', '-', '-', '-', '-', '-', '-', `≤ ${TARGET_SERVER_P95_MS}`, 'not run']);
      tables.push({
        title: 'Contact search: searchContacts(owner, q, {}, 50, 0) in-process through Drizzle',
        columns: ['database', "user's / all contacts", 'queries × passes', 'p50 ms', 'p95 ms', 'max ms', 'rows: median (none, >50)', 'p95 target', 'result'],
        rows: rowsMain,
        notes: [
          `${pgliteSummary.queries} fixed queries (seeded from the user's own contacts: whole names, typed prefixes, one-slip typos, organisations, titles, tags, emails, places, strings matching nobody);`,
          `one warm-up run of ${Math.min(size.warmup, pgliteSummary.queries)} queries, then ${size.passes} timed pass(es) of all of them, one at a time; percentiles over every timed call.`,
          'Each call is the repository function the route runs (limit 50 asks for 51 rows: "full" = a next page exists); time includes Drizzle mapping the rows.',
          ...(serverProblem ? [serverProblem] : []),
          ...notes,
        ],
      });

      const categories = [...new Set(pgliteMeasured.samples.map((s) => s.category))];
      const byCategory = (samples: readonly Sample[] | undefined, category: string) => (samples ? summarise(samples.filter((s) => s.category === category)) : undefined);
      tables.push({
        title: 'Contact search by kind of query (ms; rows = median rows returned, 51 = more than a page)',
        columns: ['kind', 'queries', 'PGlite p50', 'PGlite p95', 'PGlite max', 'server p50', 'server p95', 'server max', 'rows'],
        rows: categories.map((category) => {
          const a = byCategory(pgliteMeasured.samples, category);
          const b = byCategory(pgMeasured?.samples, category);
          return [category, a?.queries ?? 0, fixed(a?.p50 ?? Number.NaN, 1), fixed(a?.p95 ?? Number.NaN, 1), fixed(a?.max ?? Number.NaN, 1), fixed(b?.p50 ?? Number.NaN, 1), fixed(b?.p95 ?? Number.NaN, 1), fixed(b?.max ?? Number.NaN, 1), a?.medianRows ?? '-'];
        }),
        notes: [...planNotes('PGlite', pgliteMeasured.explain), ...(pgMeasured ? planNotes('server', pgMeasured.explain) : [])],
      });

      const memoryRows: Cell[][] = [
        [
          `PGlite ${size.pgliteTotal.toLocaleString('en-US')} (measured above)`,
          pglite.seeded.rows,
          sec(pglite.seeded.ms),
          sec(pglite.seeded.timings.indexMs),
          mib(pgliteMeasured.memory.rssMiB),
          mib(Math.max(pgliteMeasured.memory.peakRssMiB, pglite.seeded.memory.peakRssMiB)),
          mib(pgliteMeasured.memory.wasmHeapMiB),
          fixed(pgliteSummary.p50, 1),
          fixed(pgliteSummary.p95, 1),
          'ok',
        ],
      ];
      for (const row of probeRows) {
        memoryRows.push([row.label, row.rows ?? '-', sec(row.ms), '-', mib(row.memory?.rssMiB), mib(row.memory?.peakRssMiB), mib(row.memory?.wasmHeapMiB), fixed(row.search?.p50 ?? Number.NaN, 1), fixed(row.search?.p95 ?? Number.NaN, 1), row.outcome]);
      }
      if (size.probe.length === 0) memoryRows.push(['PGlite 500k / 1M', '-', '-', '-', '-', '-', '-', '-', '-', 'not attempted (--quick)']);
      if (pg) memoryRows.push([`PostgreSQL server ${size.serverTotal.toLocaleString('en-US')}`, pg.seeded.rows, sec(pg.seeded.ms), sec(pg.seeded.timings.indexMs), '-', '-', '-', fixed(pgSummary?.p50 ?? Number.NaN, 1), fixed(pgSummary?.p95 ?? Number.NaN, 1), 'ok (server memory not measured)']);
      tables.push({
        title: 'Contact search: seeding, process memory and growth of the embedded database',
        columns: ['database', 'contacts', 'seed s', 'of it indexes s', 'RSS MiB', 'peak RSS MiB', 'wasm heap MiB', 'p50 ms', 'p95 ms', 'outcome'],
        rows: memoryRows,
        notes: [
          'RSS: the PGlite process (Node + PostgreSQL compiled to WebAssembly, data directory on disk), after a GC, once the table is searched. Peak: first row VmHWM since the',
          'process started (seeding included); growth rows the highest RSS sampled every 250 ms during the step. wasm heap: the linear memory PostgreSQL runs in (wasm32: at most 2,048 MiB).',
          ...(size.probe.length > 0
            ? [
                `Growth rows copy other users' contacts (INSERT … SELECT), rebuild the indexes and VACUUM ANALYZE, then time ${size.probeQueries} of the queries (every kind) once: indicative only.`,
                `A step is only tried while RSS < ${RSS_LIMIT_MIB} MiB, and a watchdog stops the process (by PID) if it goes over during one.`,
              ]
            : []),
          `PGlite RSS right after seeding ${size.pgliteTotal.toLocaleString('en-US')} (after a GC, before any search): ${mib(pglite.seeded.memory.rssMiB)} MiB, wasm heap ${mib(pglite.seeded.memory.wasmHeapMiB)} MiB.`,
          'Seeding (not measured against anything): rows built by toNewContactRow, 5,000 per INSERT, secondary indexes dropped and rebuilt from their own definitions, FK triggers off while loading, then VACUUM ANALYZE;',
          `the server's ${(size.serverTotal - size.target - size.serverGenerated).toLocaleString('en-US')} other rows are copies of ${size.serverGenerated.toLocaleString('en-US')} generated ones given to other owners (INSERT … SELECT). Whole benchmark: ${sec(Date.now() - started)} s.`,
        ],
      });

      verdicts.push({ name: `search p95, ${targetLabel} of ${size.pgliteTotal.toLocaleString('en-US')} contacts, PGlite (ms)`, value: pgliteSummary.p95, target: `≤ ${TARGET_PGLITE_P95_MS}`, pass: pgliteSummary.p95 <= TARGET_PGLITE_P95_MS });
      if (pgSummary) verdicts.push({ name: `search p95, ${targetLabel} of ${size.serverTotal.toLocaleString('en-US')} contacts, PostgreSQL (ms)`, value: pgSummary.p95, target: `≤ ${TARGET_SERVER_P95_MS}`, pass: pgSummary.p95 <= TARGET_SERVER_P95_MS });

      return {
        tables,
        verdicts,
        data: {
          sizes: size,
          pglite: { seeded: pglite.seeded, memory: pgliteMeasured.memory, summary: pgliteSummary, explain: pgliteMeasured.explain, samples: pgliteMeasured.samples },
          server: pgMeasured && pg ? { version, seeded: pg.seeded, summary: pgSummary, explain: pgMeasured.explain, samples: pgMeasured.samples } : { skipped: serverProblem ?? 'no server' },
          probe: probeRows,
          seconds: (Date.now() - started) / 1000,
        },
      };
    } finally {
      for (const child of children) await child.stop();
      if (server) await server.drop().catch((error: unknown) => context.progress(`could not drop ${server?.name}: ${String(error)}`));
    }
  },
};
