import { Buffer } from 'node:buffer';
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { TIME_HOLDING_STATUSES } from '../../../shared/domain/appointment-policy';
import type { MsInterval } from '../../../shared/domain/slots';
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
 * listOfferingAdvisors with each advisor's weekly hours, for slot search across every advisor of a code, in no
 * particular order (slot search ranks advisors by name itself). One JSON document, not 300 rows and 2,000 rules:
 * PGlite's cost is per row and column returned, not per byte. The hours are grouped once and joined (not a
 * subquery per advisor), and the names are not sorted by the database's collation (ADR 016).
 */
export async function listOfferingAdvisorsWithHours(db: Db, reasonCode: string, advisorId?: string): Promise<{ advisor: OfferingAdvisor; hours: WeeklyHoursRow[] }[]> {
  const result = (await db.execute(sql`
    select coalesce(json_agg(json_build_array(
             ${advisorSettings.advisorId}, ${users.name}, ${advisorSettings.timeZone}, ${advisorSettings.bufferMinutes},
             ${advisorSettings.minimumNoticeMinutes}, ${advisorSettings.horizonDays}, hours.list
           )), '[]')::text as advisors
      from ${advisorReasonCodes}
      join ${advisorSettings} on ${advisorSettings.advisorId} = ${advisorReasonCodes.advisorId}
      join ${users} on ${users.id} = ${advisorReasonCodes.advisorId}
      left join (select ${availabilityRules.advisorId} as advisor_id,
                        string_agg(${availabilityRules.weekday} || ' ' || ${availabilityRules.startTime} || ' ' || ${availabilityRules.endTime}, ',') as list
                   from ${availabilityRules}
                  ${advisorId ? sql`where ${availabilityRules.advisorId} = ${advisorId}` : sql``}
                  group by ${availabilityRules.advisorId}) hours on hours.advisor_id = ${advisorReasonCodes.advisorId}
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

/** The statuses that hold time, as SQL literals: the planner then sees the partial indexes' own predicate. */
const HOLDS_TIME = sql.raw(`(${TIME_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/** What the slot generator reads of an exception (ExceptionRow has these and more). */
export type ExceptionShape = Pick<ExceptionRow, 'advisorId' | 'kind' | 'startsAt' | 'endsAt' | 'date' | 'startTime' | 'endTime'>;

/** Milliseconds since the epoch of a timestamptz column, exactly (numeric, then truncated as a Date would be). */
const epochMs = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps sent in binary: microseconds since then. */
const PG_EPOCH_MS = 946_684_800_000;

/** The instant a binary timestamptz (8 bytes, big-endian microseconds since 2000) names, in ms, truncated as a Date is. */
function timestampAt(bytes: Buffer, offset: number): number {
  const micros = bytes.readInt32BE(offset) * 4_294_967_296 + bytes.readUInt32BE(offset + 4);
  return Math.floor(micros / 1000) + PG_EPOCH_MS;
}

/** A uuid from its 16 bytes, written as PostgreSQL writes it. */
function uuidAt(bytes: Buffer, offset: number): string {
  const hex = bytes.toString('hex', offset, offset + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Busy time as the statement below sends it: base64 of, per advisor, the advisor's uuid (16 bytes), a count
 * (4 bytes) and that many start/end pairs (8 + 8 bytes, binary timestamptz). Binary values cost PostgreSQL no
 * formatting: in PGlite, writing a timestamp as text took twice as long as finding the appointment.
 */
function parseBusy(base64: string, into: Map<string, MsInterval[]>): void {
  const bytes = Buffer.from(base64, 'base64');
  for (let at = 0; at + 20 <= bytes.length; ) {
    const advisorId = uuidAt(bytes, at);
    const count = bytes.readInt32BE(at + 16);
    at += 20;
    const intervals: MsInterval[] = [];
    for (let i = 0; i < count; i += 1, at += 16) intervals.push({ start: timestampAt(bytes, at), end: timestampAt(bytes, at + 8) });
    into.set(advisorId, intervals);
  }
}

/**
 * Slot search's reads for one window, in one statement:
 * - the exceptions of these advisors that can touch [exceptionsFrom, exceptionsTo) (what listExceptionsOf answers);
 * - their time-holding appointments that overlap [busyFrom, busyTo) (what listBusy answers), optionally only those
 *   starting at or after `startingFrom` (what a wider window adds to a narrower one), as milliseconds since the
 *   epoch per advisor (in no particular order).
 * A page across 300 advisors needs thousands of appointments: they are read from the covering index of
 * time-holding appointments (migration 0009, ADR 016) without visiting the table, and come back as one value
 * (see parseBusy): PGlite's cost is per row and column returned, and per value formatted as text.
 */
export async function listSlotSearchWindow(
  db: Db,
  advisorIds: string[],
  window: { exceptionsFrom: Date; exceptionsTo: Date; busyFrom: Date; busyTo: Date; startingFrom?: Date },
): Promise<{ exceptions: ExceptionShape[]; busy: Map<string, MsInterval[]> }> {
  const busy = new Map<string, MsInterval[]>();
  if (advisorIds.length === 0) return { exceptions: [], busy };
  const ids = sql`${sql.param(advisorIds)}::uuid[]`;
  const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;
  const readBusy = window.busyFrom.getTime() < window.busyTo.getTime();
  const result = (await db.execute(sql`
    select (select encode(string_agg(uuid_send(per_advisor.advisor_id) || int4send(per_advisor.n) || per_advisor.times, ''::bytea), 'base64')
              from (select ${appointments.advisorId} as advisor_id, count(*)::int4 as n,
                           string_agg(timestamptz_send(${appointments.startsAt}) || timestamptz_send(${appointments.endsAt}), ''::bytea) as times
                      from ${appointments}
                     where ${readBusy ? sql`true` : sql`false`}
                       and ${appointments.advisorId} = any(${ids})
                       and ${appointments.status} in ${HOLDS_TIME}
                       and tstzrange(${appointments.startsAt}, ${appointments.endsAt}) && tstzrange(${iso(window.busyFrom)}, ${iso(window.busyTo)})
                       ${window.startingFrom ? sql`and ${appointments.startsAt} >= ${iso(window.startingFrom)}` : sql``}
                     group by ${appointments.advisorId}) per_advisor) as busy,
           (select json_agg(json_build_array(${availabilityExceptions.advisorId}, ${availabilityExceptions.kind},
                                             ${epochMs(sql`${availabilityExceptions.startsAt}`)}, ${epochMs(sql`${availabilityExceptions.endsAt}`)},
                                             ${availabilityExceptions.date}, ${availabilityExceptions.startTime}, ${availabilityExceptions.endTime}))::text
              from ${availabilityExceptions}
             where ${availabilityExceptions.advisorId} = any(${ids})
               and ${exceptionsInRange(window.exceptionsFrom, window.exceptionsTo)}) as exceptions`)) as unknown as {
    rows: { busy: string | null; exceptions: string | null }[];
  };
  const row = result.rows[0];
  if (row?.busy) parseBusy(row.busy, busy);
  type Raw = [string, ExceptionRow['kind'], number | null, number | null, string | null, string | null, string | null];
  const exceptions = (JSON.parse(row?.exceptions ?? 'null') as Raw[] | null ?? []).map(([advisorId, kind, startsAt, endsAt, date, startTime, endTime]) => ({
    advisorId,
    kind,
    startsAt: startsAt === null ? null : new Date(startsAt),
    endsAt: endsAt === null ? null : new Date(endsAt),
    date,
    startTime,
    endTime,
  }));
  return { exceptions, busy };
}
