import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, Schema } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// Any constant works; it only has to be the same in every instance of Rapport.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies the committed migrations. On a server several instances may start at once, so they queue on a
 * session advisory lock and the later ones find nothing left to do (ADR 0002).
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () =>
    migratePg(database.db as unknown as NodePgDatabase<Schema>, { migrationsFolder }),
  );
}
