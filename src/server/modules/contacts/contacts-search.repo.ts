import { and, asc, desc, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema/index';
import { filterConditions, listedColumns, type ContactFilter, type ListedContact } from './contacts.repo';

export type SearchMatch = 'exact' | 'close';

/**
 * The words of a query as a prefix full-text query for to_tsquery ("pri sha" → 'pri':* & 'sha':*). Words are
 * split on spaces only and quoted, so PostgreSQL's own parser reads "maria.brandt@post.example" as the address
 * it stored. Words without a letter or digit are dropped (they would match nothing).
 */
export function prefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 8);
  return words.length > 0 ? words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`).join(' & ') : null;
}

/**
 * The query parsed by PostgreSQL as the stored text was, each word then tagged like the stored words (searchWords
 * in the schema): `n_` matches names and organisation only, `_` any field. Only the owner's words can match.
 */
function taggedQuery(ownerId: string, tsquery: string, kind: 'n_' | '_'): SQL {
  return sql`regexp_replace(to_tsquery('simple', ${tsquery})::text, '(^|[ (!])''', '\\1''' || right(${ownerId}::uuid::text, 8) || ${kind}, 'g')::tsquery`;
}

/** Below this many characters a trigram comparison says nothing useful, so typo tolerance stays off. */
const FUZZY_MIN_LENGTH = 3;

type Tier = { where: SQL; orderBy: SQL[] };

/**
 * Matches a word tier reads from the GIN index before it calls the word broad. Reading every match and sorting it
 * costs in proportion to the matches (a tag on 10,000 of 100,000 contacts: ~25 ms on the server); walking the
 * network in name order until a page is full costs in proportion to contacts ÷ matches. Measured over the search
 * benchmark's 200 queries on the server (1,000,000 contacts): p95 17.3 ms never walking, 14.9–17.1 with 2,000,
 * 13.8–14.5 with 1,000, 15.1–15.8 with 600.
 */
const BROAD_WORD_MATCHES = 1_000;

/** How far a walk goes before it gives up (matches bunched late in the alphabet) and the tier reads every match. */
const WALK_ROWS = 10_000;

/** The two limits above; tests pass small ones to take every way with a few contacts. */
export type SearchTuning = { broadWordMatches: number; walkRows: number };
const TUNING: SearchTuning = { broadWordMatches: BROAD_WORD_MATCHES, walkRows: WALK_ROWS };

/**
 * The first `want` rows of a word tier, or null when the word is broad: its matches are read from the GIN index
 * up to BROAD_WORD_MATCHES and sorted, and counted as they are (a window count over the capped rows).
 */
async function narrowWordPage(db: Db, where: SQL | undefined, tier: Tier, want: number, tuning: SearchTuning): Promise<ListedContact[] | null> {
  // Named after the table, so the tier's ordering (written against contacts) reads the capped rows.
  const capped = db.select(listedColumns).from(contacts).where(where).limit(tuning.broadWordMatches).as('contacts');
  const page = await db
    .select({ ...listedColumns, matches: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(capped)
    .orderBy(...tier.orderBy)
    .limit(want);
  if ((page[0]?.matches ?? 0) >= tuning.broadWordMatches) return null;
  return page.map(({ matches: _matches, ...row }) => row);
}

/**
 * The first `want` rows of a tier in name order, found by walking the scope in name order (the name index) and
 * testing each row, for at most WALK_ROWS rows; null when the page is not full by then. The walk is a subquery
 * with its own LIMIT, so the tier's test cannot be pushed into it and turned back into an index scan.
 */
async function walkedPage(db: Db, scope: SQL[], tier: Tier, want: number, tuning: SearchTuning): Promise<ListedContact[] | null> {
  const walked = db
    .select({ ...listedColumns, searchNames: contacts.searchNames, searchVector: contacts.searchVector })
    .from(contacts)
    .where(and(...scope))
    .orderBy(asc(contacts.sortKey), asc(contacts.id))
    .limit(tuning.walkRows)
    .as('contacts');
  const page = await db.select(listedColumns).from(walked).where(tier.where).orderBy(...tier.orderBy).limit(want);
  return page.length >= want ? page : null;
}

/**
 * The exact matches in three tiers, best first: names that start with the query (read in that order from a btree,
 * so a broad prefix costs a page of rows), then contacts whose names or organisation contain every word, then
 * those matching only in title, place, tags, emails or notes (both in name order, from the owner-tagged GIN index).
 */
function exactTiers(ownerId: string, needle: string, tsquery: string): Tier[] {
  const names = sql`(${contacts.searchNames} collate "C")`;
  const startsWithQuery = sql`${names} ^@ ${needle}`;
  const inNames = sql`${contacts.searchVector} @@ ${taggedQuery(ownerId, tsquery, 'n_')}`;
  const anywhere = sql`${contacts.searchVector} @@ ${taggedQuery(ownerId, tsquery, '_')}`;
  const nameOrder = [asc(contacts.sortKey), asc(contacts.id)];
  return [
    // Alone, so the planner reads the names index in order and stops at the page (with the word match added, it
    // would multiply two correlated estimates, expect few rows and read every match instead).
    { where: startsWithQuery, orderBy: [asc(names), asc(contacts.id)] },
    { where: and(inNames, not(startsWithQuery)) as SQL, orderBy: nameOrder },
    { where: and(anywhere, not(inNames), not(startsWithQuery)) as SQL, orderBy: nameOrder },
  ];
}

/**
 * Search (ADR 011), best first, a page at a time by offset:
 * 1. every word as a prefix of a word anywhere on the contact (full text over owner-tagged words), in tiers:
 *    names starting with the query, then names or organisation matching, then other fields; each in name order;
 * 2. only when nothing matches that way: names and organisations that look like the query (trigram word
 *    similarity, owner-scoped GIN index), closest first — the typo tolerance ("brandtt" finds Brandt).
 * Typos never crowd out exact matches, and a prefix of names reads a page of rows, however many names it starts.
 */
export async function searchContacts(
  db: Db,
  ownerId: string,
  q: string,
  filter: ContactFilter,
  limit: number,
  offset: number,
  tuning: SearchTuning = TUNING,
): Promise<{ rows: ListedContact[]; match: SearchMatch }> {
  const needle = q.toLowerCase().trim().slice(0, 200);
  const tsquery = prefixQuery(needle);
  const scope = filterConditions(ownerId, filter);
  // The owner's tag keeps other owners' words out of the index scan; the owner is still checked on every row found
  // (two owners can share a tag), but as a filter: as an index condition the planner ANDs the owner's whole posting
  // list into each bitmap (13 ms for 100,000 contacts) and gains nothing.
  const scopeByTag = filterConditions(ownerId, filter, sql`(${contacts.ownerId} = ${ownerId}) is true`);

  if (tsquery) {
    const rows: ListedContact[] = [];
    // Rows of earlier tiers still to pass over before this page starts, and whether any tier matched at all.
    let skip = offset;
    let matched = false;
    for (const [i, tier] of exactTiers(ownerId, needle, tsquery).entries()) {
      const where = and(...(i === 0 ? scope : scopeByTag), tier.where);
      const want = limit + 1 - rows.length;
      // The first tier reads the names index in order already. A word tier's first page: a narrow word's matches
      // are read and sorted, a broad word's found by walking the names in order; either way the same rows.
      const first = i > 0 && skip === 0 ? ((await narrowWordPage(db, where, tier, want, tuning)) ?? (await walkedPage(db, scope, tier, want, tuning))) : null;
      const page =
        first ??
        (await db
          .select(listedColumns)
          .from(contacts)
          .where(where)
          .orderBy(...tier.orderBy)
          .limit(want)
          .offset(skip));
      rows.push(...page);
      if (rows.length > limit) break;
      if (page.length > 0) {
        matched = true;
        skip = 0;
      } else if (skip > 0) {
        // The page starts past this tier: count its rows (at most `skip`) to know where the next tier starts.
        const counted = await db.execute(sql`select count(*)::int as n from (${db.select({ one: sql`1` }).from(contacts).where(where).limit(skip)}) as t`);
        const n = (counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
        if (n > 0) matched = true;
        skip -= n;
      }
    }
    // A later page past the last exact match is empty, not the start of the fuzzy list.
    if (rows.length > 0 || matched) return { rows, match: 'exact' };
  }
  if (needle.length < FUZZY_MIN_LENGTH) return { rows: [], match: 'exact' };
  const close = await db
    .select(listedColumns)
    .from(contacts)
    .where(and(...scope, sql`${needle} <% ${contacts.searchNames}`))
    .orderBy(desc(sql`word_similarity(${needle}, ${contacts.searchNames})`), asc(contacts.sortKey), asc(contacts.id))
    .limit(limit + 1)
    .offset(offset);
  return { rows: close, match: close.length > 0 ? 'close' : 'exact' };
}
