import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { advisorReasonCodes, advisorSettings, availabilityExceptions, availabilityRules, users } from '../../db/schema/index';

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
    .where(
      and(
        eq(advisorReasonCodes.reasonCode, reasonCode),
        eq(users.role, 'advisor'),
        isNull(users.disabledAt),
        advisorId ? eq(advisorReasonCodes.advisorId, advisorId) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
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
    .where(and(inArray(availabilityExceptions.advisorId, advisorIds), exceptionsInRange(from, to)));
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
