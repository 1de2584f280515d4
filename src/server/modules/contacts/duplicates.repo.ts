import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';

/** A pair or membership found by the database: contact `id` shares `key` with contact `otherId`. */
export type DuplicateLink = { key: string; id: string; otherId: string };

const linkRows = z.object({ rows: z.array(z.object({ key: z.string(), id: z.string(), other_id: z.string() })) });

async function links(db: Db, query: SQL): Promise<DuplicateLink[]> {
  const result = linkRows.parse(await db.execute(query));
  return result.rows.map((row) => ({ key: row.key, id: row.id, otherId: row.other_id }));
}

/**
 * Contacts that share a normalised key (`keyed` yields `key, id` for the owner's live contacts): each is linked
 * to the first contact holding the same key. Grouping by the key finds the same pairs as a self-join on it
 * without building every pair of a large group.
 */
function sharedKey(keyed: SQL): SQL {
  return sql`
    select key, id, other_id
      from (select key, id::text as id,
                   min(id::text) over (partition by key) as other_id,
                   count(*) over (partition by key) as holders
              from (select distinct key, id from (${keyed}) as keyed where key <> '') as distinct_keys) as counted
     where holders > 1`;
}

/** Live contacts of the owner with any email in common (case-insensitive). */
export function emailLinks(db: Db, ownerId: string): Promise<DuplicateLink[]> {
  return links(
    db,
    sharedKey(sql`
      select lower(btrim(email)) as key, c.id
        from contacts c cross join lateral unnest(c.emails) as email
       where c.owner_id = ${ownerId} and c.deleted_at is null`),
  );
}

/**
 * The comparable form of a LinkedIn address: lower case without scheme, `www.` or a country prefix
 * (`uk.linkedin.com`), trailing slashes, query or fragment — `https://www.linkedin.com/in/Priya/?trk=x` and
 * `http://linkedin.com/in/priya` are the same profile. One pass of one expression: it runs on every row.
 */
export function normalisedLinkedIn(column: SQL): SQL {
  return sql`regexp_replace(lower(btrim(${column})), '^[a-z][a-z0-9+.-]*://(www\\.|[a-z]{2}\\.(?=linkedin\\.com))?|/*([?#].*)?$', '', 'g')`;
}

/** Live contacts of the owner with the same LinkedIn profile. */
export function linkedinLinks(db: Db, ownerId: string): Promise<DuplicateLink[]> {
  return links(
    db,
    sharedKey(sql`
      select ${normalisedLinkedIn(sql`c.linkedin_url`)} as key, c.id
        from contacts c
       where c.owner_id = ${ownerId} and c.deleted_at is null and c.linkedin_url is not null`),
  );
}

/** Trigram similarity (pg_trgm) from which two names at one organisation count as the same person. */
export const NAME_SIMILARITY = 0.6;

/**
 * Live contacts of the owner at the same organisation (case, spacing and punctuation ignored) whose names are
 * alike: trigram similarity ≥ NAME_SIMILARITY ("Jon Smith" / "John Smith", "Shah Priya" / "Priya Shah",
 * "Chris Wong" / "Christopher Wong"); key is "organisation / name".
 *
 * Comparing every pair at a 5,000-person employer would be millions of similarity() calls, so the self-join
 * pairs only colleagues who share a whole word of their names (blocking, as in record linkage); similarity()
 * then decides. A pair alike in every word but sharing none ("Jon Smyth" / "John Smith") is not offered.
 */
export function nameOrgLinks(db: Db, ownerId: string): Promise<DuplicateLink[]> {
  return links(
    db,
    sql`
      with people as (
        select id, name, org
          from (select id, name, org, count(*) over (partition by org) as colleagues
                  from (select c.id, c.sort_key as name,
                               btrim(regexp_replace(lower(c.organization), '[[:space:][:punct:]]+', ' ', 'g')) as org
                          from contacts c
                         where c.owner_id = ${ownerId} and c.deleted_at is null and c.organization is not null
                           and c.sort_key <> '') as normalised
                 where org <> '') as counted
         where colleagues > 1
      ),
      words as (
        select distinct p.id, p.org, word
          from people p cross join lateral regexp_split_to_table(p.name, '[[:space:][:punct:]]+') as word
         where length(word) > 1
      ),
      candidates as (
        select distinct a.id as a_id, b.id as b_id
          from words a
          join words b on b.org = a.org and b.word = a.word and a.id < b.id
      )
      select a.org || ' / ' || least(a.name, b.name) as key, a.id::text as id, b.id::text as other_id
        from candidates
        join people a on a.id = candidates.a_id
        join people b on b.id = candidates.b_id
       where similarity(a.name, b.name) >= ${NAME_SIMILARITY}`,
  );
}
