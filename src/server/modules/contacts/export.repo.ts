import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { contacts, interactions, ledgerEntries } from '../../db/schema/index';
import type { InteractionRow, LedgerRow } from './activity.repo';
import type { ContactRow } from './contacts.repo';

const referrer = alias(contacts, 'referrer');

/** The ids of the owner's live contacts in name order: what an export walks through, a page at a time. */
export async function listLiveContactIds(db: Db, ownerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.sortKey), asc(contacts.id));
  return rows.map((row) => row.id);
}

export type ExportContactRow = { contact: ContactRow; referrerFirstName: string | null; referrerLastName: string | null };

/** Live contacts among `ids`, each with the name of the (live) contact who referred them; one query. */
export function findContactsWithReferrer(db: Db, ownerId: string, ids: string[]): Promise<ExportContactRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ contact: contacts, referrerFirstName: referrer.firstName, referrerLastName: referrer.lastName })
    .from(contacts)
    .leftJoin(referrer, and(eq(referrer.id, contacts.referredById), eq(referrer.ownerId, ownerId), isNull(referrer.deletedAt)))
    .where(and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt), inArray(contacts.id, ids)));
}

/** Interactions of many contacts in one query, oldest first per contact. */
export function listInteractionsOf(db: Db, ownerId: string, contactIds: string[]): Promise<InteractionRow[]> {
  if (contactIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(interactions)
    .where(and(eq(interactions.ownerId, ownerId), inArray(interactions.contactId, contactIds)))
    .orderBy(asc(interactions.contactId), asc(interactions.occurredAt), asc(interactions.createdAt), asc(interactions.id));
}

/** Ledger entries of many contacts in one query, oldest first per contact. */
export function listLedgerOf(db: Db, ownerId: string, contactIds: string[]): Promise<LedgerRow[]> {
  if (contactIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.ownerId, ownerId), inArray(ledgerEntries.contactId, contactIds)))
    .orderBy(asc(ledgerEntries.contactId), asc(ledgerEntries.occurredAt), asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
}
