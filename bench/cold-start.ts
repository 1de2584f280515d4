// How long `npm start` takes to serve: spawn scripts/start.mjs on an already-migrated PGlite data directory,
// poll GET /healthz every 25 ms until 200, then SIGTERM and time the graceful shutdown.
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnNode, waitForExit, type ExitReport } from './lib/child';
import { freePort } from './lib/ports';
import { startPhases, type Phase } from './lib/start-phases';
import { max, median, min } from './lib/stats';
import { fixed } from './lib/table';
import type { BenchContext, Benchmark } from './lib/types';
import { ensureWebDist } from './lib/web-dist';

const TARGET_MS = 3000;
const POLL_MS = 25;
const GIVE_UP_MS = 60_000;

type Start = {
  /** Spawn → first 200 from /healthz. */
  readyMs: number;
  /** Spawn → the "Server listening" log line (pino's own timestamp); undefined if not seen. */
  listeningMs: number | undefined;
  polls: number;
  shutdown: ExitReport;
};

function healthzStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

function listeningTime(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; time?: unknown };
    return typeof entry.msg === 'string' && entry.msg.startsWith('Server listening') && typeof entry.time === 'number' ? entry.time : undefined;
  } catch {
    return undefined;
  }
}

async function startOnce(context: BenchContext, dataDir: string, webDir: string): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDir,
    LOG_LEVEL: 'info',
  };
  let listenedAt: number | undefined;
  const spawnedAt = Date.now();
  const t0 = performance.now();
  const child = spawnNode({
    label: 'scripts/start.mjs',
    cwd: context.root,
    args: ['scripts/start.mjs'],
    env,
    stdout: 'pipe',
    onStdoutLine: (line) => (listenedAt ??= listeningTime(line)),
  });
  let exited = false;
  void waitForExit(child.process).then(() => (exited = true));

  const poll = async (): Promise<{ readyMs: number; polls: number }> => {
    for (let polls = 1; ; polls += 1) {
      if (exited) throw new Error(`scripts/start.mjs exited before /healthz answered\n${child.stderrTail()}`);
      if (performance.now() - t0 > GIVE_UP_MS) throw new Error(`/healthz did not answer 200 within ${GIVE_UP_MS} ms`);
      if ((await healthzStatus(port)) === 200) return { readyMs: performance.now() - t0, polls };
      await sleep(POLL_MS);
    }
  };
  const outcome = await poll().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const shutdown = await child.stop();
  if (outcome instanceof Error) throw outcome;
  const { readyMs, polls } = outcome;
  if (shutdown.forced || shutdown.code !== 0) {
    throw new Error(`graceful shutdown failed: code ${shutdown.code}, signal ${shutdown.signal}, forced ${shutdown.forced}\n${child.stderrTail()}`);
  }
  return { readyMs, listeningMs: listenedAt === undefined ? undefined : listenedAt - spawnedAt, polls, shutdown };
}

export const coldStart: Benchmark = {
  name: 'cold-start',
  description: 'scripts/start.mjs on a migrated PGlite data directory: spawn → first /healthz 200, and SIGTERM → exit',
  async run(context) {
    const web = ensureWebDist(context);
    const dataDir = join(context.scratchDir, 'cold-start-data');
    const runs = context.quick ? 2 : 5;

    context.progress('cold start: first start on an empty data directory (migrates it; not part of the target)');
    const first = await startOnce(context, dataDir, web.dir);
    const starts: Start[] = [];
    for (let i = 0; i < runs; i += 1) {
      context.progress(`cold start: run ${i + 1}/${runs}`);
      starts.push(await startOnce(context, dataDir, web.dir));
    }

    const breakdowns: Phase[][] = [];
    for (let i = 0; i < (context.quick ? 1 : 3); i += 1) {
      context.progress(`cold start: phase breakdown ${i + 1}`);
      breakdowns.push(await startPhases(context, dataDir, web.dir));
    }
    const phaseNames = breakdowns[0]?.map((p) => p.phase) ?? [];
    const phaseMedian = (name: string) => median(breakdowns.map((b) => b.find((p) => p.phase === name)?.ms ?? Number.NaN));
    const phaseRows = phaseNames.map((name) => [name, fixed(phaseMedian(name), 0)]);
    phaseRows.push(['sum', fixed(phaseNames.reduce((sum, name) => sum + phaseMedian(name), 0), 0)]);

    const ready = starts.map((s) => s.readyMs);
    const listening = starts.flatMap((s) => (s.listeningMs === undefined ? [] : [s.listeningMs]));
    const shutdown = starts.map((s) => s.shutdown.ms);
    const row = (label: string, values: number[]) =>
      values.length === 0 ? [label, 0, '-', '-', '-'] : [label, values.length, fixed(min(values), 0), fixed(median(values), 0), fixed(max(values), 0)];
    const readyMedian = median(ready);

    return {
      tables: [
        {
          title: 'Cold start: node scripts/start.mjs (PGlite, migrated data directory)',
          columns: ['phase', 'runs', 'min ms', 'median ms', 'max ms'],
          rows: [
            row('spawn → "Server listening" log line', listening),
            row('spawn → first GET /healthz 200', ready),
            row('SIGTERM → process exit (graceful)', shutdown),
            row('first start, empty data dir → 200 (migrates)', [first.readyMs]),
          ],
          notes: [
            `/healthz polled every ${POLL_MS} ms on a fresh connection, so "first 200" is late by up to ${POLL_MS} ms; web build: ${web.kind}.`,
            'The listening time comes from pino\'s own timestamp (ms, wall clock), so it can trail the poll by a millisecond or so.',
          ],
        },
        {
          title: 'Cold start: where the time goes (main.ts steps timed in-process, median)',
          columns: ['phase', 'ms'],
          rows: phaseRows,
          notes: [
            `${breakdowns.length} run(s) of bench/servers/start-phases.ts (node --import tsx, no scripts/start.mjs); imports include tsx transpiling (cache warm).`,
          ],
        },
      ],
      verdicts: [{ name: 'cold start, median spawn → /healthz 200 (ms)', value: Math.round(readyMedian), target: `≤ ${TARGET_MS}`, pass: readyMedian <= TARGET_MS }],
      data: { webDist: web.kind, pollMs: POLL_MS, firstStart: first, starts, breakdowns },
    };
  },
};
