import { and, asc, eq, getTableColumns, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Circle, Stage } from '../../../shared/contracts/contacts';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema/index';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = Omit<typeof contacts.$inferInsert, 'id' | 'ownerId' | 'searchVector'>;
export type ContactPatch = Partial<Omit<NewContactRow, 'createdAt'>> & { updatedAt: Date };

// Lists and searches leave out the derived search columns (the tsvector alone is larger than the rest of a row).
const { searchVector: _vector, searchText: _text, searchNames: _names, ...columns } = getTableColumns(contacts);
/** The columns lists and searches select. */
export const listedColumns = columns;
/** A contact as lists and searches return it: every field, without the derived search columns. */
export type ListedContact = Omit<ContactRow, 'searchVector' | 'searchText' | 'searchNames'>;

const live = (ownerId: string) => and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt));

/** Inserts many contacts in one multi-row statement (a loop of single inserts freezes PGlite). */
export async function insertContacts(db: Db, ownerId: string, rows: NewContactRow[]): Promise<ContactRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(contacts)
    .values(rows.map((row) => ({ ...row, ownerId })))
    .returning();
}

export function findContact(db: Db, ownerId: string, id: string): Promise<ContactRow | undefined> {
  return db
    .select()
    .from(contacts)
    .where(and(live(ownerId), eq(contacts.id, id)))
    .limit(1)
    .then((rows) => rows[0]);
}

export function findContactsByIds(db: Db, ownerId: string, ids: string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(contacts)
    .where(and(live(ownerId), inArray(contacts.id, ids)));
}

export async function updateContact(db: Db, ownerId: string, id: string, patch: ContactPatch): Promise<ContactRow | undefined> {
  const rows = await db.update(contacts).set(patch).where(and(live(ownerId), eq(contacts.id, id))).returning();
  return rows[0];
}

export type ContactFilter = {
  q?: string;
  circle?: Circle;
  stage?: Stage;
  tag?: string;
  organization?: string;
  dueBefore?: Date;
  referredById?: string;
};

/**
 * The owner's live contacts narrowed by the list filters (circle, stage, tag, organisation, referrer, due); `owner`
 * replaces the plain owner condition where a query must check it in another form.
 */
export function filterConditions(ownerId: string, filter: ContactFilter, owner: SQL = eq(contacts.ownerId, ownerId)): SQL[] {
  const conditions: SQL[] = [owner, isNull(contacts.deletedAt)];
  if (filter.circle) conditions.push(eq(contacts.circle, filter.circle));
  if (filter.stage) conditions.push(eq(contacts.stage, filter.stage));
  if (filter.tag) conditions.push(sql`${contacts.tags} @> array[${filter.tag}]::text[]`);
  if (filter.organization) conditions.push(sql`lower(${contacts.organization}) = ${filter.organization.toLowerCase()}`);
  if (filter.referredById) conditions.push(eq(contacts.referredById, filter.referredById));
  if (filter.dueBefore) conditions.push(and(isNotNull(contacts.nextDueAt), lte(contacts.nextDueAt, filter.dueBefore)) as SQL);
  return conditions;
}

/** The network list in name order, a page at a time (keyset on sort key and id). */
export function listContacts(db: Db, ownerId: string, filter: ContactFilter, limit: number, after?: { sortKey: string; id: string }) {
  const conditions = filterConditions(ownerId, filter);
  if (after) {
    conditions.push(
      or(gt(contacts.sortKey, after.sortKey), and(eq(contacts.sortKey, after.sortKey), gt(contacts.id, after.id))) as SQL,
    );
  }
  return db
    .select(listedColumns)
    .from(contacts)
    .where(and(...conditions))
    .orderBy(asc(contacts.sortKey), asc(contacts.id))
    .limit(limit + 1);
}

export async function countByCircle(db: Db, ownerId: string, now: Date) {
  const rows = await db
    .select({
      circle: contacts.circle,
      count: sql<number>`count(*)::int`,
      due: sql<number>`count(*) filter (where ${contacts.nextDueAt} <= ${now.toISOString()}::timestamptz)::int`,
    })
    .from(contacts)
    .where(live(ownerId))
    .groupBy(contacts.circle);
  return rows;
}

/** Soft-deletes (undo is possible); returns how many were deleted. */
export async function softDeleteContacts(db: Db, ownerId: string, ids: string[], now: Date): Promise<number> {
  const rows = await db
    .update(contacts)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(live(ownerId), inArray(contacts.id, ids)))
    .returning({ id: contacts.id });
  return rows.length;
}

export async function restoreContacts(db: Db, ownerId: string, ids: string[], now: Date): Promise<number> {
  const rows = await db
    .update(contacts)
    .set({ deletedAt: null, updatedAt: now })
    .where(and(eq(contacts.ownerId, ownerId), isNotNull(contacts.deletedAt), inArray(contacts.id, ids)))
    .returning({ id: contacts.id });
  return rows.length;
}

/** Live contacts whose keep-in-touch date falls in [from, to] (CAD-08). */
export function listKeepInTouchDue(db: Db, ownerId: string, from: Date | undefined, to: Date) {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        live(ownerId),
        isNotNull(contacts.nextDueAt),
        lte(contacts.nextDueAt, to),
        from ? sql`${contacts.nextDueAt} >= ${from.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(asc(contacts.nextDueAt))
    .limit(500);
}

/** Live contacts last touched before `before` (CAD-09 dormant ties). */
export function listDormant(db: Db, ownerId: string, before: Date) {
  return db
    .select()
    .from(contacts)
    .where(and(live(ownerId), isNotNull(contacts.lastInteractionAt), lte(contacts.lastInteractionAt, before)))
    .orderBy(asc(contacts.lastInteractionAt))
    .limit(200);
}

/** Adjusts the gives/asks counters kept on the contact row. */
export async function bumpLedgerCounts(db: Db, ownerId: string, id: string, gives: number, asks: number): Promise<void> {
  await db
    .update(contacts)
    .set({ gives: sql`${contacts.gives} + ${gives}`, asks: sql`${contacts.asks} + ${asks}` })
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)));
}

export type BulkRowPatch = {
  id: string;
  tags: string[];
  circle: Circle;
  keepInTouchDays: number | null;
  nextDueAt: Date | null;
  searchText: string;
};

/** Writes per-row changes of a bulk action in one statement (jsonb_to_recordset), whatever the count. */
export async function applyBulkPatches(db: Db, ownerId: string, patches: BulkRowPatch[], now: Date): Promise<number> {
  if (patches.length === 0) return 0;
  const payload = JSON.stringify(
    patches.map((p) => ({ ...p, next_due_at: p.nextDueAt?.toISOString() ?? null, keep_in_touch_days: p.keepInTouchDays, search_text: p.searchText })),
  );
  const result = await db.execute(sql`
    update ${contacts} as c
       set tags = v.tags,
           circle = v.circle,
           keep_in_touch_days = v.keep_in_touch_days,
           next_due_at = v.next_due_at,
           search_text = v.search_text,
           updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${payload}::jsonb)
           as v(id uuid, tags text[], circle contact_circle, keep_in_touch_days integer, next_due_at timestamptz, search_text text)
     where c.id = v.id and c.owner_id = ${ownerId} and c.deleted_at is null
     returning c.id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
