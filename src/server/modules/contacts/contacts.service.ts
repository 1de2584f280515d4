import type {
  BulkBody,
  CreateContactInput,
  InteractionKind,
  LedgerDirection,
  ListContactsQuery,
  ReminderDto,
  UpdateContactInput,
} from '../../../shared/contracts/contacts';
import { CIRCLES } from '../../../shared/contracts/contacts';
import { DEFAULT_CADENCE, displayName, isDormant, latestInteraction, nextKeepInTouchDue, stageAfterInteraction } from '../../../shared/domain/cadence';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError, errors } from '../../lib/errors';
import {
  deleteInteraction,
  deleteLedgerEntry,
  insertInteraction,
  insertLedgerEntry,
  latestInteractionAt,
  listInteractions,
  listLedger,
} from './activity.repo';
import { buildSearchColumns, buildSortKey, toNewContactRow } from './contact-mapping';
import { searchContacts, type SearchMatch } from './contacts-search.repo';
import {
  applyBulkPatches,
  bumpLedgerCounts,
  countByCircle,
  findContact,
  findContactsByIds,
  insertContacts,
  listContacts,
  listDormant,
  listKeepInTouchDue,
  restoreContacts,
  softDeleteContacts,
  updateContact,
  type ContactRow,
  type ListedContact,
} from './contacts.repo';

const DAY_MS = 86_400_000;

type SearchCursor = { kind: 'search'; offset: number };
type ListCursor = { kind: 'list'; sortKey: string; id: string };

function encode(cursor: SearchCursor | ListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decode(value: string | undefined): SearchCursor | ListCursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (parsed.kind === 'search' && typeof parsed.offset === 'number' && parsed.offset >= 0 && parsed.offset <= 10_000) {
      return { kind: 'search', offset: parsed.offset };
    }
    if (parsed.kind === 'list' && typeof parsed.sortKey === 'string' && typeof parsed.id === 'string') {
      return { kind: 'list', sortKey: parsed.sortKey, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(400, 'VALIDATION_FAILED', 'The page cursor is not valid; start from the first page.');
}

/** Derived columns (search text, sort key, CAD-08 due date) recomputed from a contact's current values. */
function derived(row: Omit<ContactRow, 'searchNames' | 'searchText' | 'sortKey' | 'nextDueAt'>) {
  return {
    ...buildSearchColumns(row),
    sortKey: buildSortKey(row.firstName, row.lastName),
    nextDueAt: nextKeepInTouchDue(row),
  };
}

export function createContactsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function getOwned(ownerId: string, id: string): Promise<ContactRow> {
    const contact = await findContact(db, ownerId, id);
    if (!contact) throw errors.notFound('This contact');
    return contact;
  }

  async function assertReferrer(ownerId: string, referredById: string | null | undefined, selfId?: string): Promise<void> {
    if (!referredById) return;
    if (referredById === selfId) throw errors.validation('A contact cannot be referred by themself.', [{ path: 'referredById', message: 'Choose someone else.' }]);
    // Someone else's contact id is "not found" here too: nothing about other networks leaks.
    if (!(await findContact(db, ownerId, referredById))) {
      throw errors.validation('The referring contact is not in your network.', [{ path: 'referredById', message: 'Choose one of your contacts.' }]);
    }
  }

  async function refreshAfterActivity(ownerId: string, contact: ContactRow, lastInteractionAt: Date | null, stage = contact.stage) {
    const now = clock.now();
    const updated = await updateContact(db, ownerId, contact.id, {
      lastInteractionAt,
      stage,
      nextDueAt: nextKeepInTouchDue({ lastInteractionAt, createdAt: contact.createdAt, keepInTouchDays: contact.keepInTouchDays }),
      updatedAt: now,
    });
    if (!updated) throw errors.notFound('This contact');
    return updated;
  }

  return {
    get: getOwned,

    async create(ownerId: string, input: CreateContactInput): Promise<ContactRow> {
      await assertReferrer(ownerId, input.referredById);
      const [row] = await insertContacts(db, ownerId, [toNewContactRow(input, clock.now())]);
      if (!row) throw new Error('contact insert returned no row');
      return row;
    },

    async update(ownerId: string, id: string, patch: UpdateContactInput): Promise<ContactRow> {
      const current = await getOwned(ownerId, id);
      await assertReferrer(ownerId, patch.referredById, id);
      const next = { ...current, ...patch, updatedAt: clock.now() };
      const updated = await updateContact(db, ownerId, id, { ...patch, ...derived(next), updatedAt: next.updatedAt });
      if (!updated) throw errors.notFound('This contact');
      return updated;
    },

    async remove(ownerId: string, id: string): Promise<void> {
      if ((await softDeleteContacts(db, ownerId, [id], clock.now())) === 0) throw errors.notFound('This contact');
    },

    /** A page of contacts; with `q`, `match` says whether these are exact matches or close ones (typo tolerance). */
    async list(ownerId: string, query: ListContactsQuery): Promise<{ items: ListedContact[]; nextCursor: string | null; match?: SearchMatch }> {
      const filter = {
        circle: query.circle,
        stage: query.stage,
        tag: query.tag,
        organization: query.organization,
        referredById: query.referredById,
        dueBefore: query.due === 'true' ? clock.now() : undefined,
      };
      const cursor = decode(query.cursor);
      if (query.q) {
        const offset = cursor?.kind === 'search' ? cursor.offset : 0;
        const { rows, match } = await searchContacts(db, ownerId, query.q, filter, query.limit, offset);
        const items = rows.slice(0, query.limit);
        return { items, match, nextCursor: rows.length > query.limit ? encode({ kind: 'search', offset: offset + query.limit }) : null };
      }
      const rows = await listContacts(db, ownerId, filter, query.limit, cursor?.kind === 'list' ? cursor : undefined);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > query.limit && last ? encode({ kind: 'list', sortKey: last.sortKey, id: last.id }) : null };
    },

    async summary(ownerId: string) {
      const rows = await countByCircle(db, ownerId, clock.now());
      const circles = Object.fromEntries(CIRCLES.map((c) => [c, rows.find((r) => r.circle === c)?.count ?? 0])) as Record<(typeof CIRCLES)[number], number>;
      return {
        total: rows.reduce((sum, r) => sum + r.count, 0),
        circles,
        due: rows.reduce((sum, r) => sum + r.due, 0),
      };
    },

    /** Logs an interaction; any interaction resets keep-in-touch (CAD-08) and may advance the stage. */
    async logInteraction(ownerId: string, contactId: string, input: { kind: InteractionKind; occurredAt: string; summary: string }) {
      const contact = await getOwned(ownerId, contactId);
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt.getTime() > clock.now().getTime() + DAY_MS) {
        throw errors.validation('An interaction cannot be more than a day in the future.', [{ path: 'occurredAt', message: 'Pick today or an earlier date.' }]);
      }
      return db.transaction(async (tx) => {
        const interaction = await insertInteraction(tx, ownerId, { contactId, kind: input.kind, occurredAt, summary: input.summary, now: clock.now() });
        const lastInteractionAt = latestInteraction(contact.lastInteractionAt, occurredAt);
        const now = clock.now();
        const stage = stageAfterInteraction(contact.stage, input.kind);
        const updated = await updateContact(tx, ownerId, contactId, {
          lastInteractionAt,
          stage,
          nextDueAt: nextKeepInTouchDue({ lastInteractionAt, createdAt: contact.createdAt, keepInTouchDays: contact.keepInTouchDays }),
          updatedAt: now,
        });
        if (!updated) throw errors.notFound('This contact');
        return { interaction, contact: updated };
      });
    },

    async interactions(ownerId: string, contactId: string) {
      await getOwned(ownerId, contactId);
      return listInteractions(db, ownerId, contactId);
    },

    async removeInteraction(ownerId: string, contactId: string, interactionId: string): Promise<ContactRow> {
      const contact = await getOwned(ownerId, contactId);
      if (!(await deleteInteraction(db, ownerId, contactId, interactionId))) throw errors.notFound('This interaction');
      return refreshAfterActivity(ownerId, contact, await latestInteractionAt(db, ownerId, contactId));
    },

    async addLedgerEntry(ownerId: string, contactId: string, input: { direction: LedgerDirection; description: string; occurredAt?: string }) {
      await getOwned(ownerId, contactId);
      return db.transaction(async (tx) => {
        const entry = await insertLedgerEntry(tx, ownerId, {
          contactId,
          direction: input.direction,
          description: input.description,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : clock.now(),
          now: clock.now(),
        });
        await bumpLedgerCounts(tx, ownerId, contactId, input.direction === 'give' ? 1 : 0, input.direction === 'ask' ? 1 : 0);
        return entry;
      });
    },

    async ledger(ownerId: string, contactId: string) {
      const contact = await getOwned(ownerId, contactId);
      return { items: await listLedger(db, ownerId, contactId), gives: contact.gives, asks: contact.asks };
    },

    async removeLedgerEntry(ownerId: string, contactId: string, entryId: string): Promise<void> {
      await getOwned(ownerId, contactId);
      await db.transaction(async (tx) => {
        const removed = await deleteLedgerEntry(tx, ownerId, contactId, entryId);
        if (!removed) throw errors.notFound('This entry');
        await bumpLedgerCounts(tx, ownerId, contactId, removed.direction === 'give' ? -1 : 0, removed.direction === 'ask' ? -1 : 0);
      });
    },

    /** Bulk actions on the owner's own contacts; ids of other networks are silently not affected. */
    async bulk(ownerId: string, body: BulkBody): Promise<number> {
      const now = clock.now();
      if (body.action === 'delete') return softDeleteContacts(db, ownerId, body.ids, now);
      if (body.action === 'restore') return restoreContacts(db, ownerId, body.ids, now);
      const rows = await findContactsByIds(db, ownerId, body.ids);
      const patches = rows.map((row) => {
        const patch: Partial<ContactRow> =
          body.action === 'tag'
            ? { tags: [...new Set([...row.tags, body.tag.toLowerCase()])] }
            : body.action === 'untag'
              ? { tags: row.tags.filter((t) => t !== body.tag.toLowerCase()) }
              : body.action === 'circle'
                ? { circle: body.circle }
                : { keepInTouchDays: body.keepInTouchDays };
        const next = { ...row, ...patch };
        const { searchText, nextDueAt } = derived(next);
        return { id: row.id, tags: next.tags, circle: next.circle, keepInTouchDays: next.keepInTouchDays, nextDueAt, searchText };
      });
      return applyBulkPatches(db, ownerId, patches, now);
    },

    /** Due keep-in-touch (CAD-08) and dormant ties (CAD-09) in the window, each with its rule and reason. */
    async reminders(ownerId: string, window: { from?: Date; to?: Date }): Promise<ReminderDto[]> {
      const now = clock.now();
      const to = window.to ?? now;
      const due = await listKeepInTouchDue(db, ownerId, window.from, to);
      const dormant = await listDormant(db, ownerId, new Date(now.getTime() - DEFAULT_CADENCE.dormantAfterDays * DAY_MS));
      const items: ReminderDto[] = [];
      const dormantIds = new Set(dormant.filter((c) => isDormant(c.lastInteractionAt, now)).map((c) => c.id));
      for (const c of due) {
        if (dormantIds.has(c.id) || !c.nextDueAt) continue;
        const name = displayName(c.firstName, c.lastName);
        const since = c.lastInteractionAt ? Math.floor((now.getTime() - c.lastInteractionAt.getTime()) / DAY_MS) : null;
        items.push({
          rule: 'CAD-08',
          dueAt: c.nextDueAt.toISOString(),
          contactId: c.id,
          contactName: name,
          title: `Catch up with ${name}`,
          reason:
            since === null
              ? `You added ${name} and planned to be in touch every ${c.keepInTouchDays} days — say hello.`
              : `Your last contact with ${name} was ${since} days ago; you planned every ${c.keepInTouchDays} days.`,
        });
      }
      for (const c of dormant) {
        if (!c.lastInteractionAt) continue;
        const name = displayName(c.firstName, c.lastName);
        const years = Math.floor((now.getTime() - c.lastInteractionAt.getTime()) / (365 * DAY_MS));
        items.push({
          rule: 'CAD-09',
          dueAt: new Date(c.lastInteractionAt.getTime() + DEFAULT_CADENCE.dormantAfterDays * DAY_MS).toISOString(),
          contactId: c.id,
          contactName: name,
          title: `Reconnect with ${name}`,
          reason: `It has been ${years} years since you were in touch. Old ties often give advice as useful as current ones (Levin, Walter & Murnighan 2011).`,
        });
      }
      return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
