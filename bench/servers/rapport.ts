// Rapport as main.ts runs it (config → PGlite or a server → migrations → buildApp → mailer → listen), on a throwaway
// data directory (or database) and a port the system picks. Logging stays on at the configured level: it is part of the stack.
import '../../src/server/keep-next-tick-shape';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openConfiguredDatabase } from '../../src/server/db/open';
import { announceReady, exitOnSigterm } from './ready';

// BENCH_DATABASE_URL (with BENCH_DB_POOL_SIZE) runs it on a PostgreSQL server instead of PGlite in BENCH_DATA_DIR.
const dataDir = process.env.BENCH_DATA_DIR;
const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!dataDir && !databaseUrl) throw new Error('BENCH_DATA_DIR or BENCH_DATABASE_URL is required');

const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir ?? '/nonexistent',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: process.env.BENCH_DB_POOL_SIZE ?? '10' } : {}),
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  WEB_DIST_DIR: process.env.BENCH_WEB_DIST_DIR ?? './dist/web',
});
const database = await openConfiguredDatabase(config, { migrate: true });
const app = await buildApp(config, { database });
app.services.mailer.start();
await app.listen({ port: config.port, host: config.host });
announceReady(app.server);

// BENCH_PROFILE=1: the parent can sample this process's CPU over a window it chooses (IPC 'profile-start', then
// 'profile-stop' with a file name; answered with 'profile-started' / 'profile-written'). Off otherwise.
if (process.env.BENCH_PROFILE === '1') {
  const session = new Session();
  session.connect();
  process.on('message', (message: { type?: string; file?: string; intervalUs?: number }) => {
    if (message.type === 'profile-start') {
      void (async () => {
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: message.intervalUs ?? 200 });
        await session.post('Profiler.start');
        process.send?.({ type: 'profile-started' });
      })();
    } else if (message.type === 'profile-stop' && message.file) {
      const file = message.file;
      void (async () => {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
        process.send?.({ type: 'profile-written', file });
      })();
    }
  });
}
exitOnSigterm(async () => {
  await app.close();
  await database.close();
});
