import { and, desc, eq, sql } from 'drizzle-orm';
import type { InteractionKind, LedgerDirection } from '../../../shared/contracts/contacts';
import type { Db } from '../../db/client';
import { interactions, ledgerEntries } from '../../db/schema/index';

export type InteractionRow = typeof interactions.$inferSelect;
export type LedgerRow = typeof ledgerEntries.$inferSelect;

export async function insertInteraction(
  db: Db,
  ownerId: string,
  input: { contactId: string; kind: InteractionKind; occurredAt: Date; summary: string; now: Date },
): Promise<InteractionRow> {
  const rows = await db
    .insert(interactions)
    .values({ ownerId, contactId: input.contactId, kind: input.kind, occurredAt: input.occurredAt, summary: input.summary, createdAt: input.now })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert into interactions returned no row');
  return row;
}

/** A contact's timeline, newest first. */
export function listInteractions(db: Db, ownerId: string, contactId: string): Promise<InteractionRow[]> {
  return db
    .select()
    .from(interactions)
    .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId)))
    .orderBy(desc(interactions.occurredAt), desc(interactions.createdAt))
    .limit(1000);
}

export async function deleteInteraction(db: Db, ownerId: string, contactId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(interactions)
    .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId), eq(interactions.id, id)))
    .returning({ id: interactions.id });
  return rows.length > 0;
}

/** The newest interaction left with a contact, or null. */
export async function latestInteractionAt(db: Db, ownerId: string, contactId: string): Promise<Date | null> {
  const rows = await db
    .select({ at: sql<string | null>`max(${interactions.occurredAt})` })
    .from(interactions)
    .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId)));
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

export async function insertLedgerEntry(
  db: Db,
  ownerId: string,
  input: { contactId: string; direction: LedgerDirection; description: string; occurredAt: Date; now: Date },
): Promise<LedgerRow> {
  const rows = await db
    .insert(ledgerEntries)
    .values({ ownerId, contactId: input.contactId, direction: input.direction, description: input.description, occurredAt: input.occurredAt, createdAt: input.now })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert into ledger_entries returned no row');
  return row;
}

export function listLedger(db: Db, ownerId: string, contactId: string): Promise<LedgerRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.ownerId, ownerId), eq(ledgerEntries.contactId, contactId)))
    .orderBy(desc(ledgerEntries.occurredAt), desc(ledgerEntries.createdAt))
    .limit(1000);
}

export async function deleteLedgerEntry(db: Db, ownerId: string, contactId: string, id: string): Promise<LedgerRow | undefined> {
  const rows = await db
    .delete(ledgerEntries)
    .where(and(eq(ledgerEntries.ownerId, ownerId), eq(ledgerEntries.contactId, contactId), eq(ledgerEntries.id, id)))
    .returning();
  return rows[0];
}
