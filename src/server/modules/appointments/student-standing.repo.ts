import { and, eq, gt, gte, inArray, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appointments, noShowClearances } from '../../db/schema/index';

/**
 * APPT-05 for many students at once (the advisor's agenda): each one's no-shows in the period since their latest
 * staff clearance, in one grouped statement. Students without any are absent from the map.
 */
export async function countNoShows(db: Db, studentIds: readonly string[], period: { from: Date; to: Date }): Promise<Map<string, number>> {
  if (studentIds.length === 0) return new Map();
  const cleared = db
    .select({ studentId: noShowClearances.studentId, at: max(noShowClearances.clearedAt).as('cleared_at') })
    .from(noShowClearances)
    .where(inArray(noShowClearances.studentId, [...studentIds]))
    .groupBy(noShowClearances.studentId)
    .as('cleared');
  const rows = await db
    .select({ studentId: appointments.studentId, noShows: sql<number>`count(*)`.mapWith(Number) })
    .from(appointments)
    .leftJoin(cleared, eq(cleared.studentId, appointments.studentId))
    .where(
      and(
        inArray(appointments.studentId, [...studentIds]),
        eq(appointments.status, 'no_show'),
        gte(appointments.startsAt, period.from),
        lt(appointments.startsAt, period.to),
        gt(appointments.startsAt, sql`coalesce(${cleared.at}, '-infinity'::timestamptz)`),
      ),
    )
    .groupBy(appointments.studentId);
  return new Map(rows.map((row) => [row.studentId, row.noShows]));
}
