import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { TIME_HOLDING_STATUSES } from '../../../shared/domain/appointment-policy';
import type { Interval } from '../../../shared/domain/slots';
import { advisorReasonCodes, advisorSettings, appointments, availabilityExceptions, availabilityRules, users } from '../../db/schema/index';

/** An advisor's own set-up. Every function takes the advisor's id; slot search reads several advisors at once. */

export type AdvisorSettingsRow = typeof advisorSettings.$inferSelect;
export type RuleRow = typeof availabilityRules.$inferSelect;
export type ExceptionRow = typeof availabilityExceptions.$inferSelect;
export type SettingsValues = Pick<AdvisorSettingsRow, 'timeZone' | 'bufferMinutes' | 'minimumNoticeMinutes' | 'horizonDays'>;

export function findAdvisorSettings(db: Db, advisorId: string): Promise<AdvisorSettingsRow | undefined> {
  return db
    .select()
    .from(advisorSettings)
    .where(eq(advisorSettings.advisorId, advisorId))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function saveAdvisorSettings(db: Db, advisorId: string, values: SettingsValues, now: Date): Promise<AdvisorSettingsRow> {
  const rows = await db
    .insert(advisorSettings)
    .values({ advisorId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: advisorSettings.advisorId, set: { ...values, updatedAt: now } })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('advisor_settings upsert returned no row');
  return row;
}

/** Sets the zone, creating the settings row with its defaults when the advisor has none yet. */
export async function saveAdvisorTimeZone(db: Db, advisorId: string, timeZone: string, now: Date): Promise<void> {
  await db
    .insert(advisorSettings)
    .values({ advisorId, timeZone, updatedAt: now })
    .onConflictDoUpdate({ target: advisorSettings.advisorId, set: { timeZone, updatedAt: now } });
}

export async function saveFeedTokenHash(db: Db, advisorId: string, tokenHash: string | null, now: Date): Promise<boolean> {
  const rows = await db
    .update(advisorSettings)
    .set({ calendarFeedTokenHash: tokenHash, updatedAt: now })
    .where(eq(advisorSettings.advisorId, advisorId))
    .returning({ advisorId: advisorSettings.advisorId });
  return rows.length > 0;
}

/** The advisor a calendar feed token belongs to (live advisor accounts only). */
export function findAdvisorByFeedTokenHash(db: Db, tokenHash: string) {
  return db
    .select({ advisorId: advisorSettings.advisorId, timeZone: advisorSettings.timeZone, name: users.name })
    .from(advisorSettings)
    .innerJoin(users, eq(users.id, advisorSettings.advisorId))
    .where(and(eq(advisorSettings.calendarFeedTokenHash, tokenHash), eq(users.role, 'advisor'), isNull(users.disabledAt)))
    .limit(1)
    .then((rows) => rows[0]);
}

export function listRules(db: Db, advisorId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(availabilityRules)
    .where(eq(availabilityRules.advisorId, advisorId))
    .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startTime));
}

/** Replaces the weekly hours and the zone in one transaction. */
export async function replaceRules(
  db: Db,
  advisorId: string,
  timeZone: string,
  rules: { weekday: number; start: string; end: string }[],
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await saveAdvisorTimeZone(tx, advisorId, timeZone, now);
    await tx.delete(availabilityRules).where(eq(availabilityRules.advisorId, advisorId));
    if (rules.length > 0) {
      await tx.insert(availabilityRules).values(rules.map((r) => ({ advisorId, weekday: r.weekday, startTime: r.start, endTime: r.end })));
    }
  });
}

export type NewException = Omit<typeof availabilityExceptions.$inferInsert, 'id' | 'advisorId'>;

export async function insertException(db: Db, advisorId: string, values: NewException): Promise<ExceptionRow> {
  const rows = await db
    .insert(availabilityExceptions)
    .values({ ...values, advisorId })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('availability_exceptions insert returned no row');
  return row;
}

export async function deleteException(db: Db, advisorId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(availabilityExceptions)
    .where(and(eq(availabilityExceptions.advisorId, advisorId), eq(availabilityExceptions.id, id)))
    .returning({ id: availabilityExceptions.id });
  return rows.length > 0;
}

/** Exceptions that can touch [from, to): time off ending after `from`, dates from a day before to a day after. */
function exceptionsInRange(from: Date, to: Date) {
  const firstDate = new Date(from.getTime() - 86_400_000).toISOString().slice(0, 10);
  const lastDate = new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10);
  return or(
    and(gt(availabilityExceptions.endsAt, from), sql`${availabilityExceptions.startsAt} < ${to}`),
    and(gte(availabilityExceptions.date, firstDate), lte(availabilityExceptions.date, lastDate)),
  );
}

export function listExceptions(db: Db, advisorId: string, from: Date, to: Date): Promise<ExceptionRow[]> {
  return db
    .select()
    .from(availabilityExceptions)
    .where(and(eq(availabilityExceptions.advisorId, advisorId), exceptionsInRange(from, to)))
    .orderBy(asc(availabilityExceptions.date), asc(availabilityExceptions.startsAt));
}

export function listOfferedCodes(db: Db, advisorId: string): Promise<string[]> {
  return db
    .select({ code: advisorReasonCodes.reasonCode })
    .from(advisorReasonCodes)
    .where(eq(advisorReasonCodes.advisorId, advisorId))
    .orderBy(asc(advisorReasonCodes.reasonCode))
    .then((rows) => rows.map((r) => r.code));
}

export async function replaceOfferedCodes(db: Db, advisorId: string, codes: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(advisorReasonCodes).where(eq(advisorReasonCodes.advisorId, advisorId));
    if (codes.length > 0) await tx.insert(advisorReasonCodes).values(codes.map((reasonCode) => ({ advisorId, reasonCode })));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Slot search: the public side of many advisors' set-up (no private data).

export type OfferingAdvisor = { advisorId: string; name: string } & SettingsValues;

/** Who offers a code: live advisor accounts with settings; one advisor when `advisorId` is given. */
function offering(reasonCode: string, advisorId: string | undefined) {
  return and(eq(advisorReasonCodes.reasonCode, reasonCode), eq(users.role, 'advisor'), isNull(users.disabledAt), advisorId ? eq(advisorReasonCodes.advisorId, advisorId) : undefined);
}

/** Live advisors with settings who offer the code; one advisor when `advisorId` is given. */
export function listOfferingAdvisors(db: Db, reasonCode: string, advisorId?: string): Promise<OfferingAdvisor[]> {
  return db
    .select({
      advisorId: advisorSettings.advisorId,
      name: users.name,
      timeZone: advisorSettings.timeZone,
      bufferMinutes: advisorSettings.bufferMinutes,
      minimumNoticeMinutes: advisorSettings.minimumNoticeMinutes,
      horizonDays: advisorSettings.horizonDays,
    })
    .from(advisorReasonCodes)
    .innerJoin(advisorSettings, eq(advisorSettings.advisorId, advisorReasonCodes.advisorId))
    .innerJoin(users, eq(users.id, advisorReasonCodes.advisorId))
    .where(offering(reasonCode, advisorId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Weekly hours as slot search needs them: the rule's weekday and wall times (the generator's input). */
export type WeeklyHoursRow = Pick<RuleRow, 'weekday' | 'startTime' | 'endTime'>;

/**
 * listOfferingAdvisors with each advisor's weekly hours, for slot search across every advisor of a code. One
 * JSON document, not 300 rows and 2,000 rules: PGlite's cost is per row and column returned, not per byte.
 */
export async function listOfferingAdvisorsWithHours(db: Db, reasonCode: string, advisorId?: string): Promise<{ advisor: OfferingAdvisor; hours: WeeklyHoursRow[] }[]> {
  const hours = sql`(select string_agg(${availabilityRules.weekday} || ' ' || ${availabilityRules.startTime} || ' ' || ${availabilityRules.endTime}, ',')
                       from ${availabilityRules} where ${availabilityRules.advisorId} = ${advisorSettings.advisorId})`;
  const result = (await db.execute(sql`
    select coalesce(json_agg(json_build_array(
             ${advisorSettings.advisorId}, ${users.name}, ${advisorSettings.timeZone}, ${advisorSettings.bufferMinutes},
             ${advisorSettings.minimumNoticeMinutes}, ${advisorSettings.horizonDays}, ${hours}
           ) order by ${users.name}, ${users.id}), '[]')::text as advisors
      from ${advisorReasonCodes}
      join ${advisorSettings} on ${advisorSettings.advisorId} = ${advisorReasonCodes.advisorId}
      join ${users} on ${users.id} = ${advisorReasonCodes.advisorId}
     where ${offering(reasonCode, advisorId)}`)) as unknown as { rows: { advisors: string }[] };
  const rows = JSON.parse(result.rows[0]?.advisors ?? '[]') as [string, string, string, number, number, number, string | null][];
  return rows.map(([id, name, timeZone, bufferMinutes, minimumNoticeMinutes, horizonDays, rules]) => ({
    advisor: { advisorId: id, name, timeZone, bufferMinutes, minimumNoticeMinutes, horizonDays },
    hours: (rules ? rules.split(',') : []).map((rule) => {
      const [weekday, startTime, endTime] = rule.split(' ');
      return { weekday: Number(weekday), startTime: startTime ?? '', endTime: endTime ?? '' };
    }),
  }));
}

export function listRulesOf(db: Db, advisorIds: string[]): Promise<RuleRow[]> {
  if (advisorIds.length === 0) return Promise.resolve([]);
  return db.select().from(availabilityRules).where(inArray(availabilityRules.advisorId, advisorIds));
}

export function listExceptionsOf(db: Db, advisorIds: string[], from: Date, to: Date): Promise<ExceptionRow[]> {
  if (advisorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(availabilityExceptions)
    .where(and(sql`${availabilityExceptions.advisorId} in (select unnest(${sql.param(advisorIds)}::uuid[]))`, exceptionsInRange(from, to)));
}

/** Whether the user is a live advisor account. */
export function isAdvisor(db: Db, userId: string): Promise<boolean> {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, 'advisor'), isNull(users.disabledAt)))
    .limit(1)
    .then((rows) => rows.length > 0);
}

/** The statuses that hold time, as SQL literals: the planner then sees the no-overlap index's own predicate. */
const HOLDS_TIME = sql.raw(`(${TIME_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/**
 * Slot search's busy time: the time-holding appointments of these advisors that overlap [from, to) (what
 * listBusy answers), optionally only those starting at or after `startingFrom` (what a wider window adds to a
 * narrower one). A page across 300 advisors needs thousands of them, so they are found through the no-overlap
 * constraint's GiST index (`tstzrange(starts_at, ends_at) &&` under its status predicate, not a scan of every
 * appointment) and come back as one row per advisor: "start,end,start,end…" in ms since the epoch.
 */
export async function listBusyTimesOf(db: Db, advisorIds: string[], from: Date, to: Date, startingFrom?: Date): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>();
  if (advisorIds.length === 0 || from.getTime() >= to.getTime()) return out;
  const ms = (column: typeof appointments.startsAt | typeof appointments.endsAt) => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;
  const result = (await db.execute(sql`
    select ${appointments.advisorId} as advisor_id,
           string_agg(${ms(appointments.startsAt)} || ',' || ${ms(appointments.endsAt)}, ',') as times
      from ${appointments}
     where ${appointments.advisorId} in (select unnest(${sql.param(advisorIds)}::uuid[]))
       and ${appointments.status} in ${HOLDS_TIME}
       and tstzrange(${appointments.startsAt}, ${appointments.endsAt}) && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)
       ${startingFrom ? sql`and ${appointments.startsAt} >= ${startingFrom.toISOString()}::timestamptz` : sql``}
     group by ${appointments.advisorId}`)) as unknown as { rows: { advisor_id: string; times: string }[] };
  for (const row of result.rows) {
    const intervals: Interval[] = [];
    const times = row.times;
    for (let at = 0; at < times.length; ) {
      const comma = times.indexOf(',', at);
      const next = times.indexOf(',', comma + 1);
      const end = next < 0 ? times.length : next;
      intervals.push({ start: new Date(Number(times.slice(at, comma))), end: new Date(Number(times.slice(comma + 1, end))) });
      at = end + 1;
    }
    out.set(row.advisor_id, intervals);
  }
  return out;
}
