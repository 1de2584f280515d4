import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config';
import { openPglite, openPostgres, type Database } from './client';
import { runMigrations } from './migrate';

/** The database the config names: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openConfiguredDatabase(config: Config, options: { migrate: boolean }): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl, config.dbPoolSize);
  } else {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    database = await openPglite(dir);
  }
  if (options.migrate) await runMigrations(database);
  return database;
}
