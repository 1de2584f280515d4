import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type every repository takes: the same on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Answers when the database can run a query. */
  ping(): Promise<void>;
  /** True while the embedded database runs a transaction: its one connection is taken and a ping would queue. */
  busy(): boolean;
  /** When a statement last came back (epoch ms), inside a transaction too: a long import is progress, not a hang. */
  lastAnswerAt?(): number;
  /** Flushes and closes; on PGlite runs CHECKPOINT first so the data directory is clean. */
  close(): Promise<void>;
  /** Runs fn while holding a cluster-wide advisory lock (PGlite has one connection, so it just runs). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
};

export const pgliteExtensions = { pg_trgm, btree_gist, btree_gin };

/**
 * The types Drizzle's PGlite driver reads as text and converts itself. It says so by passing these parsers with
 * every statement, and PGlite then copies its whole parser table (318 types) to merge them, once per statement:
 * about 0.15 ms each, measured, on statements that take 0.15 ms themselves. The client is given them once
 * instead and the per-statement copy is skipped (`withoutRepeatedParsers`).
 */
const TEXT_TYPES: readonly number[] = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const asText = (value: string) => value;

type QueryOptions = Parameters<PGlite['query']>[2];

/** The options without `parsers` when they only repeat what the client already does; otherwise unchanged. */
export function withoutRepeatedParsers(options: QueryOptions): QueryOptions {
  const parsers = options?.parsers;
  if (!parsers) return options;
  for (const key of Object.keys(parsers)) if (!TEXT_TYPES.includes(Number(key))) return options;
  const { parsers: _repeated, ...rest } = options;
  return rest;
}

/** Routes a query function through `withoutRepeatedParsers`, and tells `answered` when a statement comes back. */
function skipRepeatedParsers<T extends { query: PGlite['query'] }>(target: T, answered: () => void): T {
  const query = target.query.bind(target);
  target.query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    const result = await query(text, params, withoutRepeatedParsers(options));
    answered();
    return result;
  }) as PGlite['query'];
  return target;
}

/** The PGlite transactions our wrapper opened (Drizzle runs each of its transactions in one of them). */
const pgliteTransactions = new WeakSet<Transaction>();

/**
 * The PGlite transaction under a Drizzle transaction, for what Drizzle has no words for (COPY … FROM a blob);
 * null on a PostgreSQL server, outside a transaction, or if Drizzle stops keeping it where it does today
 * (`session.client`) — callers then take the plain SQL way.
 */
export function pgliteTransactionOf(tx: Db): Transaction | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client && pgliteTransactions.has(client as Transaction) ? (client as Transaction) : null;
}

export function wrapPglite(client: PGlite): Database {
  for (const type of TEXT_TYPES) client.parsers[type] = asText;
  let lastAnswer = Number.NEGATIVE_INFINITY;
  const answered = () => {
    lastAnswer = Date.now();
  };
  skipRepeatedParsers(client, answered);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  // Drizzle runs every transaction through client.transaction: counting them tells the health probe that the
  // one connection is working for us rather than stuck.
  let transactions = 0;
  const transaction = client.transaction.bind(client);
  client.transaction = async (fn) => {
    transactions += 1;
    try {
      return await transaction((tx) => {
        pgliteTransactions.add(tx);
        return fn(skipRepeatedParsers(tx, answered));
      });
    } finally {
      transactions -= 1;
    }
  };
  return {
    kind: 'pglite',
    db,
    async ping() {
      await client.query('select 1');
    },
    busy: () => transactions > 0,
    lastAnswerAt: () => lastAnswer,
    async close() {
      if (client.closed) return;
      await client.query('CHECKPOINT');
      await client.close();
    },
    withAdvisoryLock: (_key, fn) => fn(),
  };
}

/** Opens (creating if needed) the embedded database under dataDir; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create(dataDir, {
    extensions: pgliteExtensions,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  return wrapPglite(client);
}

export function openPostgres(connectionString: string, poolSize: number): Database {
  // work_mem 16 MB per sort or bitmap (default 4 MB): a broad search prefix collects tens of thousands of
  // matches, and below this the bitmap turns lossy and every row on its pages is rechecked (ADR 011).
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000, options: '-c work_mem=16MB' });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async ping() {
      await db.execute(sql`select 1`);
    },
    // A pool has other connections: a ping never queues behind one transaction.
    busy: () => false,
    async close() {
      await pool.end();
    },
    async withAdvisoryLock(key, fn) {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
        lockClient.release();
      }
    },
  };
}

/** SQLSTATE of a database error, looking through Drizzle's wrapper; undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The constraint a database error names (foreign keys, checks, exclusions), looking through Drizzle's wrapper. */
export function sqlConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const constraint = (current as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string' && constraint !== '') return constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
