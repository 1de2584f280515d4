import { z } from 'zod';
import {
  bulkResponse,
  contactEnvelope,
  contactListResponse,
  contactSummaryResponse,
  interactionSchema,
  ledgerEntrySchema,
  type BulkBody,
  type Circle,
  type ContactDto,
  type CreateContactBody,
  type InteractionDto,
  type InteractionKind,
  type LedgerDirection,
  type LedgerEntryDto,
} from '../../../shared/contracts/contacts';
import { api } from '../../lib/api';
import type { Page } from '../../lib/use-paged-list';

export const CONTACTS_PAGE_SIZE = 50;

export type SearchMatch = 'exact' | 'close';
export type ContactFilter = { q: string; circle: Circle | null; due: boolean; tag?: string | null };
export type ContactSummary = z.infer<typeof contactSummaryResponse>;
export type UpdateContactBody = Partial<CreateContactBody>;
export type Ledger = { items: LedgerEntryDto[]; gives: number; asks: number };

const interactionList = z.object({ items: z.array(interactionSchema) });
const interactionLogged = z.object({ interaction: interactionSchema, contact: contactEnvelope.shape.contact });
const ledgerResponse = z.object({ items: z.array(ledgerEntrySchema), gives: z.number().int(), asks: z.number().int() });
const ledgerEntryEnvelope = z.object({ entry: ledgerEntrySchema });

const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

/** The signed-in student's own network: /api/v1/contacts. */
export const contactsApi = {
  /** A page of contacts; `extra` says whether a search found exact or only close matches (typo tolerance). */
  list: (filter: ContactFilter, cursor?: string, limit = CONTACTS_PAGE_SIZE): Promise<Page<ContactDto> & { extra?: SearchMatch }> =>
    api
      .get('/api/v1/contacts', contactListResponse, {
        query: { q: filter.q, circle: filter.circle, due: filter.due ? 'true' : null, tag: filter.tag, cursor, limit },
      })
      .then((body) => ({ items: body.items, nextCursor: body.nextCursor, extra: body.match })),
  summary: (): Promise<ContactSummary> => api.get('/api/v1/contacts/summary', contactSummaryResponse),
  get: (id: string): Promise<ContactDto> => api.get(contactPath(id), contactEnvelope).then((body) => body.contact),
  create: (body: CreateContactBody): Promise<ContactDto> => api.post('/api/v1/contacts', contactEnvelope, body).then((answer) => answer.contact),
  update: (id: string, body: UpdateContactBody): Promise<ContactDto> => api.patch(contactPath(id), contactEnvelope, body).then((answer) => answer.contact),
  remove: (id: string): Promise<void> => api.delete(contactPath(id)),
  /** The people this person introduced you to (the first 200, in name order). */
  referredBy: async (id: string): Promise<ContactDto[]> => {
    const page = await api.get('/api/v1/contacts', contactListResponse, { query: { referredById: id, limit: 200 } });
    return page.items;
  },
  bulk: (body: BulkBody): Promise<number> => api.post('/api/v1/contacts/bulk', bulkResponse, body).then((answer) => answer.affected),

  interactions: (id: string): Promise<InteractionDto[]> => api.get(`${contactPath(id)}/interactions`, interactionList).then((body) => body.items),
  logInteraction: (id: string, body: { kind: InteractionKind; occurredAt: string; summary: string }) =>
    api.post(`${contactPath(id)}/interactions`, interactionLogged, body),
  removeInteraction: (id: string, interactionId: string): Promise<ContactDto> =>
    api.deleteFor(`${contactPath(id)}/interactions/${encodeURIComponent(interactionId)}`, contactEnvelope).then((body) => body.contact),

  ledger: (id: string): Promise<Ledger> => api.get(`${contactPath(id)}/ledger`, ledgerResponse),
  addLedgerEntry: (id: string, body: { direction: LedgerDirection; description: string }): Promise<LedgerEntryDto> =>
    api.post(`${contactPath(id)}/ledger`, ledgerEntryEnvelope, body).then((answer) => answer.entry),
  removeLedgerEntry: (id: string, entryId: string): Promise<void> => api.delete(`${contactPath(id)}/ledger/${encodeURIComponent(entryId)}`),
};

/** Bulk calls take at most 1,000 ids; undoing a large import sends them in slices. */
export async function bulkInSlices(action: 'delete' | 'restore', ids: readonly string[]): Promise<number> {
  let affected = 0;
  for (let start = 0; start < ids.length; start += 1000) {
    affected += await contactsApi.bulk({ action, ids: ids.slice(start, start + 1000) });
  }
  return affected;
}
