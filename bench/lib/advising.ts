// Shared by the advising benchmarks (slot-search, booking-storm): a database per engine (PGlite in the scratch
// directory, or a database of its own on the local PostgreSQL server), seeded by bench/servers/seed-advising-db.ts,
// Rapport started on it as a child process, and timed loopback requests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AdvisingPlan, SeededAdvising } from './advising-plan';
import { spawnNode, waitForExit, waitForMessage, waitForReady, type Child } from './child';
import { createBenchDatabase, serverVersion, type BenchDatabase } from './pg-server';
import { percentileOfSorted } from './stats';
import { spawnRapport } from './rapport-http';
import type { BenchContext } from './types';

export type { AdvisingPlan, SeededAdvising };

export type Engine =
  | { kind: 'pglite'; label: string; dataDir: string }
  | { kind: 'postgres'; label: string; url: string; poolSize: number; database: BenchDatabase; version: string };

/** PGlite in `scratchDir/<name>` first; then the PostgreSQL server when it answers (else a note says why not). */
export async function engines(context: BenchContext, name: string, poolSize: number): Promise<{ engines: Engine[]; skipped: string | undefined }> {
  const list: Engine[] = [{ kind: 'pglite', label: 'PGlite (embedded)', dataDir: join(context.scratchDir, `${name}-pglite`) }];
  try {
    const database = await createBenchDatabase(`rapport_${name.replace(/-/g, '_')}`);
    const version = await serverVersion(database.url);
    list.push({ kind: 'postgres', label: `PostgreSQL ${version} (pool ${poolSize})`, url: database.url, poolSize, database, version });
    return { engines: list, skipped: undefined };
  } catch (error) {
    return { engines: list, skipped: `PostgreSQL server not used: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Drops the engine's server database (PGlite's directory goes with the scratch directory). */
export async function releaseEngine(context: BenchContext, engine: Engine): Promise<void> {
  if (engine.kind !== 'postgres') return;
  await engine.database.drop().catch((error: unknown) => context.progress(`could not drop ${engine.database.name}: ${String(error)}`));
}

function engineEnv(engine: Engine): Record<string, string> {
  return engine.kind === 'pglite' ? { BENCH_DATA_DIR: engine.dataDir } : { BENCH_DATABASE_URL: engine.url, BENCH_DB_POOL_SIZE: String(engine.poolSize) };
}

/** Seeds the engine's database in a child process and waits for it to exit. */
export async function seedAdvising(context: BenchContext, engine: Engine, plan: AdvisingPlan): Promise<SeededAdvising> {
  const child = spawnNode({
    label: `seed ${engine.label}`,
    cwd: context.root,
    args: ['--import', 'tsx', 'bench/servers/seed-advising-db.ts'],
    env: { ...process.env, ...engineEnv(engine), BENCH_ADVISING_PLAN: JSON.stringify(plan) },
    stdout: 'ignore',
    ipc: true,
  });
  child.process.on('message', (message: { type?: string; message?: string }) => {
    if (message.type === 'progress' && message.message) context.progress(`${engine.label}: ${message.message}`);
  });
  try {
    const seeded = await waitForMessage(child, 'seeded', 15 * 60_000);
    await waitForExit(child.process);
    return seeded as unknown as SeededAdvising;
  } finally {
    await child.stop();
  }
}

/**
 * The API benchmarks need no web app: a one-file directory keeps a Vite build out of the run (the static plugin
 * is still registered, as in production).
 */
function webPlaceholder(context: BenchContext): string {
  const dir = join(context.scratchDir, 'web-placeholder');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>Rapport</title><div id="root"></div></html>\n');
  return dir;
}

/** Rapport (bench/servers/rapport.ts) on the engine, logging at info to /dev/null; BENCH_PROFILE=1 when `profile`. */
export async function startRapportOn(context: BenchContext, engine: Engine, options: { profile?: boolean } = {}): Promise<{ child: Child; port: number }> {
  return spawnRapport(context, `Rapport on ${engine.label}`, {
    ...engineEnv(engine),
    BENCH_WEB_DIST_DIR: webPlaceholder(context),
    ...(options.profile ? { BENCH_PROFILE: '1' } : {}),
  });
}

/** Samples the server's CPU while `during` runs (the child must have been started with `profile`). */
export async function profileDuring<T>(child: Child, file: string, during: () => Promise<T>): Promise<T> {
  const started = waitForMessage(child, 'profile-started', 10_000);
  child.process.send({ type: 'profile-start' });
  await started;
  try {
    return await during();
  } finally {
    const written = waitForMessage(child, 'profile-written', 60_000);
    child.process.send({ type: 'profile-stop', file });
    await written;
  }
}

export type Timed = { status: number; ms: number; body: string; headers: Record<string, string | string[] | undefined> };

/**
 * One request to 127.0.0.1, timed from the call to the last byte of the answer. `agent` keeps a connection
 * (undefined: a connection of its own, as 200 different browsers would open).
 */
export function timedRequest(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: string; agent?: Agent; timeoutMs?: number }): Promise<Timed> {
  return new Promise((resolve) => {
    const sent = performance.now();
    const headers = { ...(options.headers ?? {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(options.body)) }) };
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method, headers, agent: options.agent ?? false, timeout: options.timeoutMs ?? 60_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - sent, body, headers: res.headers }));
      res.on('error', (error) => resolve({ status: 0, ms: performance.now() - sent, body: String(error), headers: {} }));
    });
    req.on('timeout', () => req.destroy(new Error(`${options.method} ${options.path} timed out`)));
    // A refused or reset connection counts as status 0 (an error), never as a crash of the benchmark.
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - sent, body: String(error), headers: {} }));
    req.end(options.body);
  });
}

export type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** Runs `fn` for every item at once and resolves with the answers in order, plus the wall time of the whole burst. */
export async function burst<T>(items: readonly T[], fn: (item: T, index: number) => Promise<Timed>): Promise<{ answers: Timed[]; wallMs: number }> {
  const began = performance.now();
  const answers = await Promise.all(items.map((item, i) => fn(item, i)));
  return { answers, wallMs: performance.now() - began };
}

/** A keep-alive agent with one connection: sequential requests as one browser tab makes them. */
export function oneConnection(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/** The local date `days` after today in `timeZone` (YYYY-MM-DD). */
export function localDateIn(timeZone: string, days: number, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now + days * 86_400_000));
}
