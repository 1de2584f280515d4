import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { pgliteTransactionOf, type Db } from '../../db/client';
import { contacts } from '../../db/schema/index';
import type { NewContactRow } from '../contacts/contacts.repo';
import type { ExistingContact } from './import-matching';
import { snakeCase } from './import-rows';

/** `profileKey()` of import-matching.ts in SQL, with string functions only (a regex per row costs ~10 µs in PGlite). */
const lowerUrl = sql`split_part(split_part(lower(${contacts.linkedinUrl}), '?', 1), '#', 1)`;
const profileKeySql = sql`(case when strpos(${lowerUrl}, 'linkedin.com/') > 0 then rtrim(substr(${lowerUrl}, strpos(${lowerUrl}, 'linkedin.com/')), '/') end)`;

/** One text[] parameter however long the list; `= any()` of a constant array is a hash lookup (PostgreSQL ≥ 14). */
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

export type MatchKeys = { emails: string[]; importKeys: string[]; sortKeys: string[]; profiles: string[] };

/** Keys per kind in one matching statement: a statement over 10,000 keys held PGlite (and so the event loop) ~160 ms. */
export const MATCH_KEYS_PER_STATEMENT = 2_000;

/**
 * The owner's live contacts that may be duplicates of the file's rows (createMatcher decides which are). A network
 * no larger than the file is read whole: one cheap statement, where the key lookups below spend ~5 µs per key
 * only on planning (PostgreSQL weighs every element of a constant array; ~150 ms for a 10,000-row file on PGlite).
 * A larger network is searched by key, after the read that found it larger (one row more than the file has, read
 * for nothing; not measured separately).
 */
export async function findMatchCandidates(db: Db, ownerId: string, keys: MatchKeys): Promise<ExistingContact[]> {
  const longest = Math.max(keys.emails.length, keys.importKeys.length, keys.sortKeys.length, keys.profiles.length);
  if (longest === 0) return [];
  const network = await readNetworkUpTo(db, ownerId, longest);
  if (network) return network;
  await nextTurn();
  return findMatchCandidatesByKeys(db, ownerId, keys);
}

/** The owner's whole live network when it has at most `limit` contacts; undefined when it is larger. */
export async function readNetworkUpTo(db: Db, ownerId: string, limit: number): Promise<ExistingContact[] | undefined> {
  const network = await candidateQuery(db, ownerId).limit(limit + 1);
  return network.length <= limit ? network : undefined;
}

/**
 * The owner's live contacts sharing an email, import key, sort key (name) or LinkedIn profile with `keys`, in
 * statements of at most MATCH_KEYS_PER_STATEMENT keys of each kind with a turn of the event loop between them; a
 * contact found by several statements is returned once.
 */
export async function findMatchCandidatesByKeys(db: Db, ownerId: string, keys: MatchKeys): Promise<ExistingContact[]> {
  const longest = Math.max(keys.emails.length, keys.importKeys.length, keys.sortKeys.length, keys.profiles.length);
  const found = new Map<string, ExistingContact>();
  for (let start = 0; start < longest; start += MATCH_KEYS_PER_STATEMENT) {
    const end = start + MATCH_KEYS_PER_STATEMENT;
    const slice = {
      emails: keys.emails.slice(start, end),
      importKeys: keys.importKeys.slice(start, end),
      sortKeys: keys.sortKeys.slice(start, end),
      profiles: keys.profiles.slice(start, end),
    };
    for (const contact of await findMatchCandidatesOnce(db, ownerId, slice)) found.set(contact.id, contact);
    if (end < longest) await nextTurn();
  }
  return [...found.values()];
}

/**
 * One pass over the owner's rows with a hash lookup per key kind, so it costs the same whatever the planner
 * believes about a table that PGlite never analyses (joins against the key lists went nested-loop there:
 * 30 s for 10,000 × 10,000).
 */
function findMatchCandidatesOnce(db: Db, ownerId: string, keys: MatchKeys): Promise<ExistingContact[]> {
  const arms = [
    keys.importKeys.length > 0 ? sql`${contacts.importKey} = any(${textArray(keys.importKeys)})` : null,
    keys.sortKeys.length > 0 ? sql`${contacts.sortKey} = any(${textArray(keys.sortKeys)})` : null,
    keys.profiles.length > 0 ? sql`${profileKeySql} = any(${textArray(keys.profiles)})` : null,
    keys.emails.length > 0 ? sql`exists (select 1 from unnest(${contacts.emails}) as e(email) where lower(e.email) = any(${textArray(keys.emails)}))` : null,
  ].filter((arm) => arm !== null);
  if (arms.length === 0) return Promise.resolve([]);
  return candidateQuery(db, ownerId, sql`(${sql.join(arms, sql` or `)})`);
}

/** The owner's live contacts, with the fields matching needs; `matching` narrows them. */
function candidateQuery(db: Db, ownerId: string, matching?: SQL) {
  return db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      organization: contacts.organization,
      emails: contacts.emails,
      linkedinUrl: contacts.linkedinUrl,
      importKey: contacts.importKey,
    })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt), matching))
    .$dynamic();
}

/** Serialises imports of one owner until the transaction ends (a no-op wait on PGlite's one connection). */
export async function lockOwnerImports(tx: Db, ownerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7001, hashtext(${ownerId}))`);
}

/**
 * Rows per COPY on PGlite: ~25–50 ms of its thread (the event loop) each, every index in place. With 500 a COPY
 * that also cleaned a GIN pending list held it ~220 ms (/healthz p99 219 ms in the import benchmark); with 250,
 * 118–155 ms, and the import took no longer.
 */
export const COPY_CHUNK_ROWS = 250;

/**
 * Writes rows given as lines of COPY's text format (import-rows.ts builds them, ids included) with
 * COPY … FROM a blob, COPY_CHUNK_ROWS a statement, each followed by a turn of the event loop (ADR 018). PGlite only:
 * on it a third less time than the same rows through INSERT … SELECT from JSON (10,000 rows: ~1.05 s against ~1.6 s).
 */
export async function copyContactLines(tx: Db, columns: readonly string[], lines: readonly string[]): Promise<void> {
  const pglite = pgliteTransactionOf(tx);
  // Drizzle keeps PGlite's transaction where pgliteTransactionOf looks today; if an upgrade moves it, imports fail
  // here (and so do the integration tests) rather than write some other way unnoticed.
  if (!pglite) throw new Error('COPY needs the PGlite transaction under this Drizzle transaction, and none was found');
  const statement = `copy contacts (${columns.join(', ')}) from '/dev/blob'`;
  for (let start = 0; start < lines.length; start += COPY_CHUNK_ROWS) {
    await pglite.query(statement, [], { blob: new Blob([lines.slice(start, start + COPY_CHUNK_ROWS).join('')]) });
    await nextTurn();
  }
}

/** Rows per INSERT statement on a PostgreSQL server (PGlite takes COPY). */
export const INSERT_CHUNK_ROWS = 250;

/**
 * Writes records with multi-row inserts of INSERT_CHUNK_ROWS rows each (never a loop of single inserts) and returns
 * their new ids in order. Each chunk is one JSON parameter expanded by jsonb_populate_recordset: rows as VALUES with
 * ~25 bind parameters each cost about twice the CPU.
 */
export async function insertContactRecords(tx: Db, ownerId: string, rows: readonly NewContactRow[]): Promise<string[]> {
  const first = rows[0];
  if (!first) return [];
  // The columns are the keys toNewContactRow fills, so a column it gains later is carried over here too.
  const keys = Object.keys(first).filter((key) => key !== 'ownerId') as (keyof NewContactRow)[];
  const names = keys.map(snakeCase);
  const columns = sql.raw(['owner_id', ...names].join(', '));
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + INSERT_CHUNK_ROWS).map((row) => {
      const record: Record<string, unknown> = { owner_id: ownerId };
      for (let k = 0; k < keys.length; k += 1) record[names[k] as string] = row[keys[k] as keyof NewContactRow] ?? null;
      return record;
    });
    const result = await tx.execute(
      sql`insert into contacts (${columns}) select ${columns} from jsonb_populate_recordset(null::contacts, ${JSON.stringify(chunk)}::jsonb) returning id`,
    );
    ids.push(...(result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
    // Back-to-back statements never let the event loop run (PGlite answers with promises only); this does.
    await nextTurn();
  }
  return ids;
}

export const SEARCH_GIN_INDEXES = ['contacts_owner_search_vector_idx', 'contacts_owner_search_names_trgm_idx', 'contacts_emails_idx', 'contacts_tags_idx'] as const;

/**
 * Moves what a large import left in the GIN indexes' pending lists into the indexes proper: until then every
 * search also scans the pending list, and PGlite has no autovacuum to do it. One statement per index, so the
 * event loop gets a turn in between. Measured on PGlite after 10,000 rows: ~120 ms of CPU whatever the table
 * size, where `VACUUM (ANALYZE) contacts` took 450–620 ms and grew with the table (ADR 007).
 */
export async function flushSearchIndexes(db: Db): Promise<void> {
  for (const name of SEARCH_GIN_INDEXES) {
    await db.execute(sql`select gin_clean_pending_list(${name}::regclass)`);
    await nextTurn();
  }
}
