import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, interactions, ledgerEntries } from '../../db/schema/index';
import type { ContactRow } from './contacts.repo';
import type { MergedContactValues } from './merge-fields';

/**
 * The owner's live contacts among `ids`, locked for the rest of the transaction. Locking in id order means two
 * merges of the same pair wait for each other instead of deadlocking; the second then finds one gone (404).
 */
export function lockLiveContacts(db: Db, ownerId: string, ids: string[]): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
    .for('update');
}

/** Moves a contact's interactions and ledger entries to another contact of the same owner; returns the counts. */
export async function moveActivity(db: Db, ownerId: string, fromId: string, toId: string): Promise<{ interactions: number; ledger: number }> {
  const movedInteractions = await db
    .update(interactions)
    .set({ contactId: toId })
    .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, fromId)))
    .returning({ id: interactions.id });
  const movedLedger = await db
    .update(ledgerEntries)
    .set({ contactId: toId })
    .where(and(eq(ledgerEntries.ownerId, ownerId), eq(ledgerEntries.contactId, fromId)))
    .returning({ id: ledgerEntries.id });
  return { interactions: movedInteractions.length, ledger: movedLedger.length };
}

/** Contacts (deleted ones too) referred by `fromId` are now referred by `toId`. */
export async function repointReferrals(db: Db, ownerId: string, fromId: string, toId: string): Promise<void> {
  await db
    .update(contacts)
    .set({ referredById: toId })
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.referredById, fromId)));
}

export async function writeMergedContact(db: Db, ownerId: string, id: string, values: MergedContactValues): Promise<ContactRow | undefined> {
  const rows = await db
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)))
    .returning();
  return rows[0];
}

/** Removes the merged-away contact for good; its history has moved, so nothing cascades. */
export async function deleteMergedContact(db: Db, ownerId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)));
}
