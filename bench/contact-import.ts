// A 10,000-row LinkedIn Connections.csv imported end to end over HTTP (POST /api/v1/imports, dryRun=false)
// into Rapport on PGlite, a fresh user each run, while another connection polls GET /healthz every 20 ms:
// how long the import takes and how long the server keeps everyone else waiting meanwhile.
import { Agent } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { linkedinCsv } from '../tests/fixtures/imports/generate';
import type { Child } from './lib/child';
import { processCpuMs } from './lib/cpu';
import { benchPassword, login, seedRapportDataDir, send, startRapport } from './lib/rapport-http';
import { median, percentileOfSorted } from './lib/stats';
import { fixed } from './lib/table';
import type { Benchmark } from './lib/types';

const TARGET_IMPORT_MS = 2000;
const TARGET_HEALTHZ_P99_MS = 200;
const POLL_EVERY_MS = 20;

type Poll = { startedAt: number; ms: number; status: number };
type Probe = {
  polls: number;
  p50: number;
  p99: number;
  max: number;
  /** Longest stretch of the import with no answer at all, and where it fell (ms after the import started). */
  longestGapMs: number;
  gapFromMs: number;
  failedPolls: number;
};

type Run = {
  importMs: number;
  serverCpuMs: number;
  imported: number;
  healthz: Probe;
  livez: Probe;
};

/** Polls `path` on one kept-alive connection: one request at a time, a new one every POLL_EVERY_MS (or at once if late). */
function startPolling(port: number, path: string): { stop(): Promise<Poll[]> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const polls: Poll[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      const status = await send(port, { method: 'GET', path, agent, timeoutMs: 30_000 }).then(
        (answer) => answer.status,
        () => 0,
      );
      const ms = performance.now() - startedAt;
      polls.push({ startedAt, ms, status });
      const wait = POLL_EVERY_MS - ms;
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return polls;
    },
  };
}

/** The polls in flight at any moment of [startedAt, endedAt], and the longest stretch with no answer. */
function probeOf(polls: readonly Poll[], startedAt: number, endedAt: number): Probe {
  const during = polls.filter((p) => p.startedAt < endedAt && p.startedAt + p.ms > startedAt);
  const latencies = Float64Array.from(during.map((p) => p.ms)).sort();
  const answersAt = [startedAt, ...during.map((p) => p.startedAt + p.ms).filter((t) => t > startedAt && t < endedAt), endedAt].sort((a, b) => a - b);
  let longestGapMs = 0;
  let gapFromMs = 0;
  for (let k = 1; k < answersAt.length; k += 1) {
    const gap = (answersAt[k] ?? 0) - (answersAt[k - 1] ?? 0);
    if (gap > longestGapMs) {
      longestGapMs = gap;
      gapFromMs = (answersAt[k - 1] ?? startedAt) - startedAt;
    }
  }
  return {
    polls: during.length,
    p50: percentileOfSorted(latencies, 50),
    p99: percentileOfSorted(latencies, 99),
    max: latencies.length > 0 ? (latencies[latencies.length - 1] ?? Number.NaN) : Number.NaN,
    longestGapMs,
    gapFromMs,
    failedPolls: during.filter((p) => p.status !== 200).length,
  };
}

export const contactImport: Benchmark = {
  name: 'contact-import',
  description: '10,000-row LinkedIn import over HTTP on PGlite (fresh user, dryRun=false) while /healthz is polled every 20 ms',
  async run(context) {
    const rows = context.quick ? 2_000 : 10_000;
    const runsWanted = context.quick ? 1 : 3;
    const background = context.quick ? 4_000 : 20_000;
    const password = benchPassword();
    const users = Array.from({ length: runsWanted }, (_, i) => ({ email: `import-${i + 1}@bench.example`, password, contacts: 0 }));
    const dataDir = join(context.scratchDir, 'contact-import');
    const file = Buffer.from(linkedinCsv(rows), 'utf8');

    context.progress(`contact import: seeding ${background.toLocaleString('en-US')} contacts of other users and ${runsWanted} fresh account(s)`);
    await seedRapportDataDir(context, dataDir, { users, background });

    const runs: Run[] = [];
    let child: Child | undefined;
    try {
      context.progress('contact import: starting Rapport');
      const server = await startRapport(context, dataDir);
      child = server.child;
      for (const [i, user] of users.entries()) {
        const cookie = await login(server.port, user.email, user.password);
        // Two pollers on their own connections, warm before the import starts: /healthz asks the database,
        // /livez only the event loop, so a stall in one and not the other says which of the two is held.
        const healthz = startPolling(server.port, '/healthz');
        const livez = startPolling(server.port, '/livez');
        await sleep(200);
        context.progress(`contact import: run ${i + 1}/${runsWanted}: ${rows.toLocaleString('en-US')} rows as ${user.email}`);
        const cpuBefore = processCpuMs(server.child.pid);
        const startedAt = performance.now();
        const answer = await send(server.port, {
          method: 'POST',
          path: '/api/v1/imports?format=linkedin&dryRun=false',
          headers: { cookie, 'content-type': 'text/csv', 'content-length': String(file.length) },
          body: file,
          timeoutMs: 120_000,
        });
        const endedAt = performance.now();
        const cpuAfter = processCpuMs(server.child.pid);
        await sleep(100);
        const [healthzPolls, livezPolls] = await Promise.all([healthz.stop(), livez.stop()]);
        if (answer.status !== 200) throw new Error(`import answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        const result = JSON.parse(answer.body) as { committed?: boolean; imported?: number; errors?: unknown[] };
        if (result.committed !== true || result.imported !== rows) {
          throw new Error(`import did not commit every row: committed ${result.committed}, imported ${result.imported}, ${result.errors?.length ?? 0} errors`);
        }
        runs.push({
          importMs: endedAt - startedAt,
          serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : cpuAfter - cpuBefore,
          imported: result.imported,
          healthz: probeOf(healthzPolls, startedAt, endedAt),
          livez: probeOf(livezPolls, startedAt, endedAt),
        });
        await sleep(500);
      }
    } finally {
      await child?.stop();
    }

    const importMs = median(runs.map((r) => r.importMs));
    const p99 = median(runs.map((r) => r.healthz.p99));
    const medianProbe = (pick: (r: Run) => Probe): Probe => {
      const probes = runs.map(pick);
      const m = (f: (p: Probe) => number) => median(probes.map(f));
      return { polls: m((p) => p.polls), p50: m((p) => p.p50), p99: m((p) => p.p99), max: m((p) => p.max), longestGapMs: m((p) => p.longestGapMs), gapFromMs: m((p) => p.gapFromMs), failedPolls: m((p) => p.failedPolls) };
    };
    const medianRun: Run = {
      importMs,
      serverCpuMs: median(runs.map((r) => r.serverCpuMs)),
      imported: rows,
      healthz: medianProbe((r) => r.healthz),
      livez: medianProbe((r) => r.livez),
    };
    const row = (label: string, r: Run) => [
      label,
      fixed(r.importMs, 0),
      fixed(r.serverCpuMs, 0),
      r.healthz.polls,
      fixed(r.healthz.p50, 1),
      fixed(r.healthz.p99, 1),
      `${fixed(r.healthz.longestGapMs, 0)} @ ${fixed(r.healthz.gapFromMs, 0)}`,
      fixed(r.livez.p50, 1),
      fixed(r.livez.p99, 1),
      `${fixed(r.livez.longestGapMs, 0)} @ ${fixed(r.livez.gapFromMs, 0)}`,
      r.healthz.failedPolls + r.livez.failedPolls,
    ];
    return {
      tables: [
        {
          title: `Contact import: ${rows.toLocaleString('en-US')}-row LinkedIn Connections.csv over HTTP (PGlite), /healthz and /livez polled every ${POLL_EVERY_MS} ms meanwhile`,
          columns: ['run', 'import ms', 'server CPU ms', 'polls', 'healthz p50', 'healthz p99', 'healthz silence @ ms', 'livez p50', 'livez p99', 'livez silence @ ms', 'failed'],
          rows: [...runs.map((r, i) => row(String(i + 1), r)), row('median', medianRun)],
          notes: [
            `POST /api/v1/imports?format=linkedin&dryRun=false, content-type text/csv, ${(file.length / 1024).toFixed(0)} KiB (tests/fixtures/imports/generate.ts), signed in as a fresh user each run;`,
            `the table already holds ${background.toLocaleString('en-US')} contacts of other users. Import ms: request sent → whole answer read (committed, every row imported: checked).`,
            `GET /healthz (the database liveness check) and GET /livez (no database) each on their own kept-alive connection, one request at a time, the next ${POLL_EVERY_MS} ms`,
            'after the last one started (at once if it took longer); percentiles over the polls in flight at any moment of the import (polls: /healthz). The /livez poller is a',
            'diagnostic: both silent at once means the event loop was blocked; /healthz slow with /livez answering means it waited for the database (PGlite runs one',
            'statement or transaction at a time). Silence @: the longest stretch with no answer on that connection, and when it began (ms after the import was sent).',
            "Server CPU: the Rapport process's CPU time (all threads, /proc) during the import.",
          ],
        },
      ],
      verdicts: [
        { name: `${rows.toLocaleString('en-US')}-row LinkedIn import, median (ms)`, value: importMs, target: `≤ ${TARGET_IMPORT_MS}`, pass: importMs <= TARGET_IMPORT_MS },
        { name: '/healthz p99 during the import, median of runs (ms)', value: p99, target: `≤ ${TARGET_HEALTHZ_P99_MS}`, pass: p99 <= TARGET_HEALTHZ_P99_MS },
      ],
      data: { rows, background, fileBytes: file.length, runs },
    };
  },
};
