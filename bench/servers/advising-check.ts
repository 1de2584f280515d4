// Reads back what a booking burst left in the database, after the server has stopped (PGlite's directory serves
// one process at a time): rows at the storm slot, appointments of the throughput students, confirmation mails,
// and APPT-07 checked from the outside (pairs of time-holding appointments of one advisor that overlap).
// BENCH_DATA_DIR or BENCH_DATABASE_URL; BENCH_CHECK: JSON {advisorId, start, stormStudents, throughputStudents}.
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../src/server/db/client';
import type { CheckResult } from '../lib/advising-plan';

type Check = { advisorId: string; start: string; stormStudents: string[]; throughputStudents: string[] };
const check = JSON.parse(process.env.BENCH_CHECK ?? 'null') as Check | null;
if (!check) throw new Error('BENCH_CHECK is required');
if (!process.send) throw new Error('started without an IPC channel');
const url = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const database = url ? openPostgres(url, 1) : dataDir ? await openPglite(dataDir) : undefined;
if (!database) throw new Error('BENCH_DATA_DIR or BENCH_DATABASE_URL is required');

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await database!.db.execute(query)) as unknown as { rows: { n: string | number }[] };
  return Number(result.rows[0]?.n ?? Number.NaN);
}

const holding = sql`status in ('booked', 'attended', 'late', 'no_show')`;
const storm = sql`advisor_id = ${check.advisorId}::uuid and starts_at = ${check.start}::timestamptz`;
const stormStudents = sql`(select unnest(${sql.param(check.stormStudents)}::uuid[]))`;
const throughputStudents = sql`(select unnest(${sql.param(check.throughputStudents)}::uuid[]))`;
const result: CheckResult = {
  type: 'checked',
  stormRows: await count(sql`select count(*) as n from appointments where ${storm}`),
  stormHoldingRows: await count(sql`select count(*) as n from appointments where ${storm} and ${holding}`),
  stormMails: await count(sql`select count(*) as n from mail_outbox where kind = 'appointment_confirmation' and user_id in ${stormStudents}`),
  throughputRows: await count(sql`select count(*) as n from appointments where student_id in ${throughputStudents} and ${holding}`),
  throughputMails: await count(sql`select count(*) as n from mail_outbox where kind = 'appointment_confirmation' and user_id in ${throughputStudents}`),
  overlappingPairs: await count(sql`
    select count(*) as n
      from appointments a
      join appointments b on a.advisor_id = b.advisor_id and a.id < b.id
     where a.status in ('booked', 'attended', 'late', 'no_show')
       and b.status in ('booked', 'attended', 'late', 'no_show')
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`),
};
await database.close();
process.send(result, undefined, {}, () => process.exit(0));
