import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emptyBody } from '../../../shared/contracts/auth';
import {
  bulkBody,
  bulkResponse,
  contactEnvelope,
  contactListResponse,
  contactSummaryResponse,
  createContactBody,
  interactionBody,
  interactionSchema,
  ledgerBody,
  ledgerEntrySchema,
  listContactsQuery,
  remindersQuery,
  remindersResponse,
  updateContactBody,
} from '../../../shared/contracts/contacts';
import { idParams } from '../../../shared/contracts/admin';
import { requireAuth } from '../../plugins/session';
import type { InteractionRow, LedgerRow } from './activity.repo';
import { toContactDto } from './contact-mapping';
import type { ContactsService } from './contacts.service';

const interactionParams = z.object({ id: z.string().uuid(), interactionId: z.string().uuid() });
const entryParams = z.object({ id: z.string().uuid(), entryId: z.string().uuid() });

function toInteractionDto(row: InteractionRow) {
  return { id: row.id, contactId: row.contactId, kind: row.kind, occurredAt: row.occurredAt.toISOString(), summary: row.summary, createdAt: row.createdAt.toISOString() };
}

function toLedgerDto(row: LedgerRow) {
  return { id: row.id, contactId: row.contactId, direction: row.direction, description: row.description, occurredAt: row.occurredAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/** A student's own network: /api/v1/contacts. Every call is scoped to the signed-in owner. */
export function contactsRoutes(contacts: ContactsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['contacts'];

    r.get('', { schema: { tags, querystring: listContactsQuery, response: { 200: contactListResponse } } }, async (request) => {
      const page = await contacts.list(requireAuth(request).user.id, request.query);
      return { items: page.items.map(toContactDto), nextCursor: page.nextCursor, ...(page.match ? { match: page.match } : {}) };
    });

    r.post('', { schema: { tags, body: createContactBody, response: { 201: contactEnvelope } } }, async (request, reply) => {
      const contact = await contacts.create(requireAuth(request).user.id, request.body);
      return reply.status(201).send({ contact: toContactDto(contact) });
    });

    r.get('/summary', { schema: { tags, response: { 200: contactSummaryResponse } } }, async (request) =>
      contacts.summary(requireAuth(request).user.id),
    );

    r.post('/bulk', { schema: { tags, body: bulkBody, response: { 200: bulkResponse } } }, async (request) => ({
      affected: await contacts.bulk(requireAuth(request).user.id, request.body),
    }));

    r.get('/:id', { schema: { tags, params: idParams, response: { 200: contactEnvelope } } }, async (request) => ({
      contact: toContactDto(await contacts.get(requireAuth(request).user.id, request.params.id)),
    }));

    r.patch('/:id', { schema: { tags, params: idParams, body: updateContactBody, response: { 200: contactEnvelope } } }, async (request) => ({
      contact: toContactDto(await contacts.update(requireAuth(request).user.id, request.params.id, request.body)),
    }));

    r.delete('/:id', { schema: { tags, params: idParams, body: emptyBody } }, async (request, reply) => {
      await contacts.remove(requireAuth(request).user.id, request.params.id);
      return reply.status(204).send();
    });

    r.get(
      '/:id/interactions',
      { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(interactionSchema) }) } } },
      async (request) => ({ items: (await contacts.interactions(requireAuth(request).user.id, request.params.id)).map(toInteractionDto) }),
    );

    r.post(
      '/:id/interactions',
      { schema: { tags, params: idParams, body: interactionBody, response: { 201: z.object({ interaction: interactionSchema, contact: contactEnvelope.shape.contact }) } } },
      async (request, reply) => {
        const result = await contacts.logInteraction(requireAuth(request).user.id, request.params.id, request.body);
        return reply.status(201).send({ interaction: toInteractionDto(result.interaction), contact: toContactDto(result.contact) });
      },
    );

    r.delete(
      '/:id/interactions/:interactionId',
      { schema: { tags, params: interactionParams, body: emptyBody, response: { 200: contactEnvelope } } },
      async (request) => ({
        contact: toContactDto(await contacts.removeInteraction(requireAuth(request).user.id, request.params.id, request.params.interactionId)),
      }),
    );

    r.get(
      '/:id/ledger',
      { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ledgerEntrySchema), gives: z.number().int(), asks: z.number().int() }) } } },
      async (request) => {
        const ledger = await contacts.ledger(requireAuth(request).user.id, request.params.id);
        return { items: ledger.items.map(toLedgerDto), gives: ledger.gives, asks: ledger.asks };
      },
    );

    r.post('/:id/ledger', { schema: { tags, params: idParams, body: ledgerBody, response: { 201: z.object({ entry: ledgerEntrySchema }) } } }, async (request, reply) => {
      const entry = await contacts.addLedgerEntry(requireAuth(request).user.id, request.params.id, request.body);
      return reply.status(201).send({ entry: toLedgerDto(entry) });
    });

    r.delete('/:id/ledger/:entryId', { schema: { tags, params: entryParams, body: emptyBody } }, async (request, reply) => {
      await contacts.removeLedgerEntry(requireAuth(request).user.id, request.params.id, request.params.entryId);
      return reply.status(204).send();
    });
  };
}

/** Due items with their rule ID: /api/v1/reminders. Later capabilities add their rules here. */
export function remindersRoutes(contacts: ContactsService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '',
      { schema: { tags: ['reminders'], querystring: remindersQuery, response: { 200: remindersResponse } } },
      async (request) => {
        const { from, to } = request.query;
        return { items: await contacts.reminders(requireAuth(request).user.id, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }) };
      },
    );
  };
}
