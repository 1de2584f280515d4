// Where a start's time goes: main.ts's steps run one by one with a timer around each, reported over IPC.
// Imports are dynamic so that loading (and transpiling) each part is timed on its own.
import { performance } from 'node:perf_hooks';

const phases: { phase: string; ms: number }[] = [{ phase: 'node + tsx boot (process start → first line)', ms: performance.now() }];
async function timed<T>(phase: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await step();
  phases.push({ phase, ms: performance.now() - started });
  return value;
}

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');

const { loadConfig } = await timed('import config (zod)', () => import('../../src/server/config'));
const { buildApp } = await timed('import app (fastify, drizzle, routes)', () => import('../../src/server/app'));
const { openConfiguredDatabase } = await timed('import database client (pglite)', () => import('../../src/server/db/open'));
const { runMigrations } = await timed('import migrator', () => import('../../src/server/db/migrate'));
const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'info',
  WEB_DIST_DIR: process.env.BENCH_WEB_DIST_DIR ?? './dist/web',
});
const database = await timed('open PGlite data directory', () => openConfiguredDatabase(config, { migrate: false }));
await timed('migrations (nothing to apply)', () => runMigrations(database));
const app = await timed('buildApp', () => buildApp(config, { database }));
await timed('listen', () => app.listen({ port: 0, host: '127.0.0.1' }));
await app.close();
await database.close();
process.send?.({ type: 'phases', phases }, undefined, {}, () => process.exit(0));
