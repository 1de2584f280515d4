// Rapport as main.ts runs it (config → PGlite → migrations → buildApp → mailer → listen), on a throwaway data
// directory and a port the system picks. Logging stays on at the configured level: it is part of the stack.
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openConfiguredDatabase } from '../../src/server/db/open';
import { announceReady, exitOnSigterm } from './ready';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');

const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  WEB_DIST_DIR: process.env.BENCH_WEB_DIST_DIR ?? './dist/web',
});
const database = await openConfiguredDatabase(config, { migrate: true });
const app = await buildApp(config, { database });
app.services.mailer.start();
await app.listen({ port: config.port, host: config.host });
announceReady(app.server);
exitOnSigterm(async () => {
  await app.close();
  await database.close();
});
