import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { advisorReasonCodes, officeSettings, reasonCodes, users } from '../../db/schema/index';

/** Office-wide advising data: reason codes, who offers them, and the office policy. Admin writes carry the actor. */

export type ReasonCodeRow = typeof reasonCodes.$inferSelect;
export type OfficeSettingsRow = typeof officeSettings.$inferSelect;
export type ReasonCodeValues = Omit<typeof reasonCodes.$inferInsert, 'code' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'sortOrder'>;

export function listReasonCodes(db: Db, options: { activeOnly: boolean }): Promise<ReasonCodeRow[]> {
  return db
    .select()
    .from(reasonCodes)
    .where(options.activeOnly ? eq(reasonCodes.active, true) : undefined)
    .orderBy(asc(reasonCodes.sortOrder), asc(reasonCodes.label));
}

export function findReasonCode(db: Db, code: string): Promise<ReasonCodeRow | undefined> {
  return db
    .select()
    .from(reasonCodes)
    .where(eq(reasonCodes.code, code))
    .limit(1)
    .then((rows) => rows[0]);
}

/** Inserts a new code; undefined when the code exists already (primary key, no read-then-write). */
export async function insertReasonCode(db: Db, actorId: string, code: string, values: ReasonCodeValues, now: Date): Promise<ReasonCodeRow | undefined> {
  const rows = await db
    .insert(reasonCodes)
    .values({ ...values, code, updatedBy: actorId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}

export async function updateReasonCode(db: Db, actorId: string, code: string, patch: Partial<ReasonCodeValues>, now: Date): Promise<ReasonCodeRow | undefined> {
  const rows = await db
    .update(reasonCodes)
    .set({ ...patch, updatedBy: actorId, updatedAt: now })
    .where(eq(reasonCodes.code, code))
    .returning();
  return rows[0];
}

/** Deletes a code; appointments reference codes with ON DELETE RESTRICT, so a used code raises 23001. */
export async function deleteReasonCode(db: Db, _actorId: string, code: string): Promise<boolean> {
  const rows = await db.delete(reasonCodes).where(eq(reasonCodes.code, code)).returning({ code: reasonCodes.code });
  return rows.length > 0;
}

/** Advisor ids per code, for the admin's list. */
export async function advisorIdsByCode(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.select().from(advisorReasonCodes).orderBy(asc(advisorReasonCodes.advisorId));
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.reasonCode, [...(map.get(row.reasonCode) ?? []), row.advisorId]);
  return map;
}

/** The subset of ids that belong to advisor accounts. */
export async function filterAdvisorIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, 'advisor')));
  return rows.map((r) => r.id);
}

/** Replaces the advisors who offer a code, in one transaction. */
export async function replaceCodeAdvisors(db: Db, _actorId: string, code: string, advisorIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(advisorReasonCodes).where(eq(advisorReasonCodes.reasonCode, code));
    if (advisorIds.length > 0) await tx.insert(advisorReasonCodes).values(advisorIds.map((advisorId) => ({ advisorId, reasonCode: code })));
  });
}

export function findOfficeSettings(db: Db): Promise<OfficeSettingsRow | undefined> {
  return db
    .select()
    .from(officeSettings)
    .where(eq(officeSettings.id, 1))
    .limit(1)
    .then((rows) => rows[0]);
}

export type OfficeSettingsValues = Omit<typeof officeSettings.$inferInsert, 'id' | 'updatedBy' | 'updatedAt'>;

/** Writes the one policy row (insert or replace). */
export async function saveOfficeSettings(db: Db, actorId: string, values: OfficeSettingsValues, now: Date): Promise<OfficeSettingsRow> {
  const row = { ...values, id: 1, updatedBy: actorId, updatedAt: now };
  const rows = await db.insert(officeSettings).values(row).onConflictDoUpdate({ target: officeSettings.id, set: row }).returning();
  const saved = rows[0];
  if (!saved) throw new Error('office_settings upsert returned no row');
  return saved;
}
