import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTransactionOf, withoutRepeatedParsers, wrapPglite, type Database } from './client';

let client: PGlite;
let database: Database;
beforeAll(async () => {
  client = await PGlite.create('memory://');
  database = wrapPglite(client);
  await client.exec(`create table moments (id int primary key, at timestamptz not null, on_day date not null, span interval not null, ats timestamptz[] not null)`);
});
afterAll(async () => {
  await database.close();
});

describe('the embedded database client', () => {
  it('hands Drizzle dates, intervals and timestamp arrays as it expects them, in and outside a transaction', async () => {
    const insert = sql`insert into moments values (1, '2026-03-08T06:59:59.123Z', '2026-03-08', '1 day 02:00', array['2026-03-08T07:00:00Z'::timestamptz])`;
    await database.db.execute(insert);
    const read = sql`select at, on_day, span, ats from moments where id = 1`;
    const rowOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows[0];
    const outside = rowOf(await database.db.execute(read));
    const inside = await database.db.transaction(async (tx) => rowOf(await tx.execute(read)));
    // Text, as Drizzle's PGlite driver asks for these types (it maps them to Date and strings itself).
    expect(outside).toEqual({ at: '2026-03-08 06:59:59.123+00', on_day: '2026-03-08', span: '1 day 02:00:00', ats: '{"2026-03-08 07:00:00+00"}' });
    expect(inside).toEqual(outside);
  });

  it('drops only the parsers the client already applies; any other parser still reaches PGlite', () => {
    const text = (value: string) => value;
    const drizzle = { rowMode: 'array' as const, parsers: { 1184: text, 1114: text, 1082: text, 1186: text, 1185: text } };
    expect(withoutRepeatedParsers(drizzle)).toEqual({ rowMode: 'array' });
    const other = { rowMode: 'object' as const, parsers: { 1184: text, 3802: (value: string) => JSON.parse(value) as unknown } };
    expect(withoutRepeatedParsers(other)).toBe(other);
    expect(withoutRepeatedParsers(undefined)).toBeUndefined();
  });

  it('finds the PGlite transaction under a Drizzle transaction (for COPY), and none outside one', async () => {
    expect(pgliteTransactionOf(database.db)).toBeNull();
    await database.db.transaction(async (tx) => {
      const raw = pgliteTransactionOf(tx);
      expect(raw).not.toBeNull();
      await raw?.query(`copy moments from '/dev/blob'`, [], { blob: new Blob(['2\t2026-03-29T01:00:00Z\t2026-03-29\t1 hour\t{}\n']) });
      const seen = (await tx.execute(sql`select count(*)::int as n from moments where id = 2`)) as unknown as { rows: { n: number }[] };
      expect(seen.rows[0]?.n).toBe(1);
    });
  });
});
