import { loadConfig } from '../config';
import { openConfiguredDatabase } from './open';

/** `npm run db:migrate`: applies migrations to the configured database and exits. */
const config = loadConfig();
const database = await openConfiguredDatabase(config, { migrate: true });
await database.close();
console.log(`Migrations applied (${config.databaseUrl ? 'PostgreSQL server' : config.dataDir}).`);
