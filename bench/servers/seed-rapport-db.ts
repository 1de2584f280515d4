// Prepares a PGlite data directory for the HTTP benchmarks, then exits: migrations, student accounts made
// by the app's own createUser (so they can sign in), their contacts and other users' contacts, VACUUM
// ANALYZE. Runs before any server starts on the directory, so no seeding garbage is left in a server.
// BENCH_DATA_DIR: the directory; BENCH_SEED_PLAN: JSON {users:[{email,password,contacts}], background}.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openConfiguredDatabase } from '../../src/server/db/open';
import { bulkLoadContacts } from '../lib/bulk-load';
import { insertBenchUsers, seedContacts, type SeedGroup } from '../lib/seed-contacts';

type Plan = { users: { email: string; password: string; contacts: number }[]; background: number };

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
const plan = JSON.parse(process.env.BENCH_SEED_PLAN ?? '{"users":[],"background":0}') as Plan;
if (!process.send) throw new Error('started without an IPC channel; run it from bench/run.ts');

const started = performance.now();
const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const database = await openConfiguredDatabase(config, { migrate: true });
const app = await buildApp(config, { database, logger: false });
const db = database.db;

const users: { email: string; id: string; contacts: number }[] = [];
for (const user of plan.users) {
  const row = await app.services.auth.createUser({ email: user.email, name: `Bench ${user.email.split('@')[0]}`, password: user.password, role: 'student' });
  users.push({ email: user.email, id: row.id, contacts: user.contacts });
}
const PER_BACKGROUND_OWNER = 500;
const backgroundOwners = await insertBenchUsers(db, 'office', Math.ceil(plan.background / PER_BACKGROUND_OWNER));
const groups: SeedGroup[] = [
  ...users.filter((u) => u.contacts > 0).map((u, i) => ({ seed: 3001 + i, owners: [{ ownerId: u.id, count: u.contacts }] })),
  {
    seed: 4004,
    owners: backgroundOwners.map((ownerId, i) => ({ ownerId, count: Math.max(0, Math.min(PER_BACKGROUND_OWNER, plan.background - i * PER_BACKGROUND_OWNER)) })),
  },
];
await bulkLoadContacts(db, async () => {
  await seedContacts(db, groups, new Date());
});
await app.close();
await database.close();
process.send({ type: 'seeded', users, background: plan.background, ms: performance.now() - started }, undefined, {}, () => process.exit(0));
