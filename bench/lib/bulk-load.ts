// Bulk loading the contacts table for a benchmark the way pg_restore does: secondary indexes dropped and
// rebuilt afterwards, foreign-key triggers skipped while loading (every owner exists by construction), then
// VACUUM ANALYZE. The rebuilt indexes are the migrations' own definitions, read back from pg_indexes.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';

type Rows<T> = { rows: T[] };

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

export type LoadTimings = { loadMs: number; indexMs: number; vacuumMs: number; indexes: { name: string; ms: number }[] };

/**
 * Drops the contacts table's secondary indexes, runs `load`, recreates them and runs VACUUM ANALYZE.
 * Runs every statement on `db`; with a connection pool, give it a pool of one so session settings hold.
 */
export async function bulkLoadContacts(db: Db, load: () => Promise<void>, options: { maintenanceWorkMem?: string } = {}): Promise<LoadTimings> {
  const indexes = await rows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition
          from pg_indexes i
         where i.schemaname = 'public' and i.tablename = 'contacts'
           and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
         order by i.indexname`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${JSON.stringify(index.name)}`));
  // Skipping the per-row foreign-key checks halves PGlite's insert time; needs a superuser, else they stay on.
  const skipTriggers = await db.execute(sql`set session_replication_role = replica`).then(
    () => true,
    () => false,
  );
  let loadMs = 0;
  try {
    const started = performance.now();
    await load();
    loadMs = performance.now() - started;
  } finally {
    if (skipTriggers) await db.execute(sql`set session_replication_role = origin`);
  }

  if (options.maintenanceWorkMem) await db.execute(sql.raw(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`));
  const timed: { name: string; ms: number }[] = [];
  const indexStarted = performance.now();
  for (const index of indexes) {
    const started = performance.now();
    await db.execute(sql.raw(index.definition));
    timed.push({ name: index.name, ms: performance.now() - started });
  }
  const indexMs = performance.now() - indexStarted;
  if (options.maintenanceWorkMem) await db.execute(sql`reset maintenance_work_mem`);

  const vacuumStarted = performance.now();
  await db.execute(sql`vacuum analyze contacts`);
  return { loadMs, indexMs, vacuumMs: performance.now() - vacuumStarted, indexes: timed };
}

/**
 * Grows the table by copying existing contacts of `sourceOwners` to new owners (source owner i's rows go to
 * target owner i of each copy), `rowsWanted` rows in all: an INSERT … SELECT of text the app already
 * derived (search_text, sort_key, due dates), so no row is built twice. Returns the number copied.
 */
export async function copyContactsToOwners(db: Db, sourceOwners: readonly string[], targetOwners: readonly string[], rowsWanted: number): Promise<number> {
  const columns = (
    await rows<{ name: string }>(
      db,
      sql`select column_name as name from information_schema.columns
           where table_schema = 'public' and table_name = 'contacts' and is_generated = 'NEVER'
             and column_name not in ('id', 'owner_id', 'referred_by_id')
           order by ordinal_position`,
    )
  ).map((c) => JSON.stringify(c.name));
  const list = columns.join(', ');
  const fromSource = columns.map((c) => `c.${c}`).join(', ');
  let copied = 0;
  for (let start = 0; start < targetOwners.length && copied < rowsWanted; start += sourceOwners.length) {
    const targets = targetOwners.slice(start, start + sourceOwners.length);
    const sources = sourceOwners.slice(0, targets.length);
    const result = await rows<{ n: number }>(
      db,
      sql`with m as (select unnest(${sql.param(sources)}::uuid[]) as src, unnest(${sql.param(targets)}::uuid[]) as dst),
               ins as (
                 insert into contacts (owner_id, ${sql.raw(list)})
                 select m.dst, ${sql.raw(fromSource)} from contacts c join m on c.owner_id = m.src
                  limit ${rowsWanted - copied}
                 returning 1)
          select count(*)::int as n from ins`,
    );
    copied += result[0]?.n ?? 0;
  }
  return copied;
}
