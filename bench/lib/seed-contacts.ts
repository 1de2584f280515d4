// Fast seeding for the database benchmarks: users in one statement, contacts built by the app's own
// toNewContactRow (so search_text, sort_key and next_due_at are what the app would store) and written as
// big multi-row statements (one JSON document per chunk, expanded by jsonb_populate_recordset).
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { toNewContactRow } from '../../src/server/modules/contacts/contact-mapping';
import type { NewContactRow } from '../../src/server/modules/contacts/contacts.repo';
import { contactGenerator, prng } from './contact-data';

/** Rows per INSERT: large enough that statement overhead vanishes, small enough to keep each JSON document modest. */
export const SEED_CHUNK_ROWS = 5_000;

type Rows<T> = { rows: T[] };

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `count` sign-in-less student accounts (no password), e.g. owners of background contacts; returns ids in order. */
export async function insertBenchUsers(db: Db, label: string, count: number): Promise<string[]> {
  const result = (await db.execute(sql`
    insert into users (email, name, role, created_at, updated_at)
    select 'bench-' || ${label} || '-' || g || '@rapport.example', 'Bench ' || ${label} || ' ' || g, 'student', now(), now()
      from generate_series(1, ${count}::int) as g
    order by g
    returning id`)) as unknown as Rows<{ id: string }>;
  return result.rows.map((row) => row.id);
}

/** Writes rows (already built by toNewContactRow) with their owners, SEED_CHUNK_ROWS per statement. */
export async function insertContactRows(db: Db, rows: readonly { ownerId: string; row: NewContactRow }[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first.row);
  const columns = sql.raw(['owner_id', ...keys.map(snakeCase)].join(', '));
  for (let start = 0; start < rows.length; start += SEED_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + SEED_CHUNK_ROWS).map(({ ownerId, row }) => {
      const record: Record<string, unknown> = { owner_id: ownerId };
      for (const key of keys) record[snakeCase(key)] = row[key as keyof NewContactRow] ?? null;
      return record;
    });
    await db.execute(sql`insert into contacts (${columns}) select ${columns} from jsonb_populate_recordset(null::contacts, ${JSON.stringify(chunk)}::jsonb)`);
  }
}

export type SeedGroup = {
  /** Generator seed: the same seed and counts give the same people in the same order. */
  seed: number;
  /** Owners and how many contacts each gets. */
  owners: readonly { ownerId: string; count: number }[];
};

/**
 * Generates contacts with the app's own toNewContactRow and writes them. Groups have their own generators,
 * so one group's people do not depend on the others (the search benchmark derives its queries from the
 * searched user's group alone). Blocks of up to 250 contacts are written in an order drawn in proportion to
 * what each owner still needs, so every owner's rows are scattered across the table's pages as after years
 * of use. Contacts are "created" over the year before `now`. Returns the number written.
 */
export async function seedContacts(db: Db, groups: readonly SeedGroup[], now: Date, onProgress?: (written: number) => void): Promise<number> {
  const order = prng(groups.reduce((seed, g) => (seed * 31 + g.seed) >>> 0, 7));
  const owners = groups.flatMap((group) => {
    const generator = contactGenerator(group.seed);
    return group.owners.map((o) => ({ ownerId: o.ownerId, count: o.count, generator }));
  });
  const yearMs = 365 * 86_400_000;
  let written = 0;
  let batch: { ownerId: string; row: NewContactRow }[] = [];
  const flush = async () => {
    await insertContactRows(db, batch);
    written += batch.length;
    batch = [];
    onProgress?.(written);
  };
  let left = owners.reduce((sum, o) => sum + o.count, 0);
  while (left > 0) {
    let ticket = Math.floor(order() * left);
    const owner = owners.find((o) => (ticket -= o.count) < 0) ?? owners.find((o) => o.count > 0);
    if (!owner) break;
    const n = Math.min(250, owner.count);
    owner.count -= n;
    left -= n;
    for (let i = 0; i < n; i += 1) {
      const createdAt = new Date(now.getTime() - Math.floor(owner.generator.random() * yearMs));
      batch.push({ ownerId: owner.ownerId, row: toNewContactRow(owner.generator.next(), createdAt) });
    }
    if (batch.length >= SEED_CHUNK_ROWS * 4) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}
