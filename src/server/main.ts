import './keep-next-tick-shape';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openConfiguredDatabase } from './db/open';
import { AppError } from './lib/errors';

/** config → database → migrations → first admin → listen; SIGINT/SIGTERM close it all in order. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { migrate: true });
  const app = await buildApp(config, { database });

  if (config.admin) {
    const outcome = await app.services.auth.ensureAdmin(config.admin);
    if (outcome === 'created') app.log.info({ email: config.admin.email }, 'created the first admin from RAPPORT_ADMIN_EMAIL');
    if (outcome === 'email_taken') app.log.warn('RAPPORT_ADMIN_EMAIL belongs to an existing non-admin account; no admin was created');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      app.log.info('stopped: requests finished, database closed');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  app.services.mailer.start();
  // Documents attached to no appointment are deleted a day after their upload: now, then every hour (ADR 013).
  app.services.documents.start();
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Rapport is ready at ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError && error.code === 'WEAK_PASSWORD') {
    console.error(`RAPPORT_ADMIN_PASSWORD was refused: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
