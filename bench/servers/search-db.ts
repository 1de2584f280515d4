// A database for the search benchmark in its own process: seeds the contacts table (one searched user plus
// everyone else), then runs the repository's searchContacts in-process on the parent's command, and can grow
// the table to see how far PGlite's memory goes. Talks to bench/contact-search.ts over IPC:
//   → {type:'seeded', …}   after seeding;       ← {type:'measure', passes} → {type:'measured', …}
//   ← {type:'grow', total} → {type:'grown', …}  ← {type:'close'} (closes the database and exits)
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openPostgres, pgliteExtensions, wrapPglite, type Database } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';
import { searchContacts } from '../../src/server/modules/contacts/contacts-search.repo';
import { bulkLoadContacts, copyContactsToOwners, rows, type LoadTimings } from '../lib/bulk-load';
import { ownMemory } from '../lib/memory';
import { peopleOf, searchQueries, type SearchQuery } from '../lib/search-queries';
import { insertBenchUsers, seedContacts } from '../lib/seed-contacts';

const TARGET_SEED = 1001;
const BACKGROUND_SEED = 2002;
const PER_BACKGROUND_OWNER = 500;

const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const target = Number(process.env.BENCH_TARGET_CONTACTS ?? 100_000);
const total = Number(process.env.BENCH_TOTAL_CONTACTS ?? 300_000);
const others = total - target;
const generatedOthers = Math.min(others, Number(process.env.BENCH_GENERATED_OTHERS ?? others));

if (!process.send) throw new Error('started without an IPC channel; run it from bench/run.ts');
const send = (message: Record<string, unknown>) => process.send?.(message);
const progress = (message: string) => send({ type: 'progress', message });
process.once('disconnect', () => process.exit(0));

type QueryClient = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

let pglite: PGlite | undefined;
let database: Database;
let client: QueryClient;
if (engine === 'pglite') {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  pglite = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  database = wrapPglite(pglite);
  client = pglite as unknown as QueryClient;
  await runMigrations(database);
} else {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  // Migrations hold an advisory lock on one connection while they run on another.
  const migrator = openPostgres(url, 2);
  await runMigrations(migrator);
  await migrator.close();
  // One connection: session settings made while loading hold, and a search runs on one connection anyway.
  database = openPostgres(url, 1);
  client = (database.db as unknown as { $client: QueryClient }).$client;
}
const db = database.db;

/** The SQL statements `run` sends, caught at the driver (PGlite's query, or the pg pool's). */
async function capturedStatements(run: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
  const target = (pglite ?? (database.db as unknown as { $client: object }).$client) as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  const caught: { sql: string; params: unknown[] }[] = [];
  target.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') caught.push({ sql: first, params: (second as unknown[]) ?? [] });
    else if (first && typeof first === 'object' && 'text' in first) caught.push({ sql: String(first.text), params: (first as { values?: unknown[] }).values ?? (second as unknown[]) ?? [] });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    target.query = original;
  }
  return caught;
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  return ownMemory(pglite ? (pglite as unknown as { mod: { HEAPU8: Uint8Array } }).mod.HEAPU8.byteLength : undefined);
}

async function count(): Promise<number> {
  return (await rows<{ n: number }>(db, sql`select count(*)::int as n from contacts`))[0]?.n ?? 0;
}

function owners(ids: readonly string[], rowsWanted: number) {
  return ids.map((ownerId, i) => ({ ownerId, count: Math.max(0, Math.min(PER_BACKGROUND_OWNER, rowsWanted - i * PER_BACKGROUND_OWNER)) }));
}

const ownerCount = (n: number) => Math.ceil(n / PER_BACKGROUND_OWNER);

// ---- seed ----------------------------------------------------------------------------------------------
const seedStarted = performance.now();
const [targetOwner] = await insertBenchUsers(db, 'searched', 1);
if (!targetOwner) throw new Error('could not create the searched user');
const backgroundOwners = await insertBenchUsers(db, 'office', ownerCount(generatedOthers));
let copyRound = 0;
const now = new Date();
const seeded: LoadTimings = await bulkLoadContacts(
  db,
  async () => {
    await seedContacts(
      db,
      [
        { seed: TARGET_SEED, owners: [{ ownerId: targetOwner, count: target }] },
        { seed: BACKGROUND_SEED, owners: owners(backgroundOwners, generatedOthers) },
      ],
      now,
      (written) => progress(`${engine}: ${written.toLocaleString('en-US')} contacts built and written`),
    );
    const toCopy = others - generatedOthers;
    if (toCopy > 0) {
      copyRound += 1;
      const copies = await insertBenchUsers(db, `copy${copyRound}`, ownerCount(toCopy));
      progress(`${engine}: copying ${toCopy.toLocaleString('en-US')} more contacts of other users (INSERT … SELECT)`);
      await copyContactsToOwners(db, backgroundOwners, copies, toCopy);
    }
    progress(`${engine}: rebuilding indexes, then VACUUM ANALYZE`);
  },
  { maintenanceWorkMem: engine === 'postgres' ? '512MB' : undefined },
);
const queries: SearchQuery[] = searchQueries(peopleOf(TARGET_SEED, target));
send({ type: 'seeded', rows: await count(), ms: performance.now() - seedStarted, timings: seeded, queries: queries.length, memory: memory() });

// ---- commands ------------------------------------------------------------------------------------------
type Sample = { category: string; q: string; ms: number[]; rows: number };

/** Evenly spaced queries of the list (every kind represented): `n` of them, or all. */
function spread(n: number): SearchQuery[] {
  if (n >= queries.length) return queries;
  const step = queries.length / n;
  return Array.from({ length: n }, (_, i) => queries[Math.floor(i * step)]).filter((q): q is SearchQuery => q !== undefined);
}

async function measure(passes: number, warmup: number, subset: number): Promise<{ samples: Sample[]; explain: string[] }> {
  for (const { q } of spread(warmup)) await searchContacts(db, targetOwner as string, q, {}, 50, 0);
  const samples: Sample[] = spread(subset).map((query) => ({ ...query, ms: [], rows: 0 }));
  for (let pass = 0; pass < passes; pass += 1) {
    for (const sample of samples) {
      const started = performance.now();
      const found = await searchContacts(db, targetOwner as string, sample.q, {}, 50, 0);
      sample.ms.push(performance.now() - started);
      sample.rows = found.rows.length;
    }
  }
  // The plan of the slowest query, to say where the time goes.
  const slowest = [...samples].sort((a, b) => Math.max(...b.ms) - Math.max(...a.ms))[0];
  let explain: string[] = [];
  if (slowest) {
    // searchContacts may run more than one statement (exact, then fuzzy): catch each and explain it.
    const statements = await capturedStatements(() => searchContacts(db, targetOwner as string, slowest.q, {}, 50, 0));
    explain = [`query: "${slowest.q}" (${slowest.category}), ${statements.length} statement(s)`];
    for (const statement of statements) {
      const plan = await client.query(`explain (analyze, buffers) ${statement.sql}`, statement.params);
      explain.push(...plan.rows.map((r) => String(Object.values(r)[0])));
    }
  }
  return { samples, explain };
}

async function grow(totalWanted: number) {
  const before = await count();
  const needed = totalWanted - before;
  if (needed <= 0) return { rows: before, ms: 0 };
  const started = performance.now();
  copyRound += 1;
  const copies = await insertBenchUsers(db, `copy${copyRound}`, ownerCount(needed));
  const timings = await bulkLoadContacts(db, async () => {
    await copyContactsToOwners(db, backgroundOwners, copies, needed);
    progress(`${engine}: ${totalWanted.toLocaleString('en-US')} rows written; rebuilding indexes, then VACUUM ANALYZE`);
  });
  return { rows: await count(), ms: performance.now() - started, timings };
}

process.on('message', (message: { type?: string; passes?: number; warmup?: number; subset?: number; total?: number }) => {
  const run = async () => {
    if (message.type === 'measure') {
      const result = await measure(message.passes ?? 1, message.warmup ?? 0, message.subset ?? queries.length);
      send({ type: 'measured', ...result, memory: memory() });
    } else if (message.type === 'grow') {
      try {
        const result = await grow(message.total ?? total);
        send({ type: 'grown', ...result, memory: memory() });
      } catch (error) {
        send({ type: 'grow-failed', error: error instanceof Error ? error.message : String(error), memory: memory() });
      }
    } else if (message.type === 'close') {
      await database.close();
      process.exit(0);
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
});
