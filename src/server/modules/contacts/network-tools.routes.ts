import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/admin';
import { contactEnvelope } from '../../../shared/contracts/contacts';
import { duplicatesResponse, exportQuery, mergeBody } from '../../../shared/contracts/network-tools';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { requireAuth } from '../../plugins/session';
import { toContactDto } from './contact-mapping';
import { createDuplicatesService } from './duplicates.service';
import { createExportService } from './export.service';
import { createMergeService } from './merge.service';

type Deps = { db: Db; clock: Clock };

/** Duplicate detection and merge of the signed-in owner's contacts: under /api/v1/contacts. */
export function contactToolsRoutes(deps: Deps) {
  const duplicates = createDuplicatesService(deps);
  const merges = createMergeService(deps);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['contacts'];

    r.get('/duplicates', { schema: { tags, response: { 200: duplicatesResponse } } }, async (request) =>
      duplicates.find(requireAuth(request).user.id),
    );

    r.post('/:id/merge', { schema: { tags, params: idParams, body: mergeBody, response: { 200: contactEnvelope } } }, async (request) => ({
      contact: toContactDto(await merges.merge(requireAuth(request).user.id, request.params.id, request.body)),
    }));
  };
}

/** Downloads of the signed-in owner's data: /api/v1/exports. */
export function exportRoutes(deps: Deps) {
  const exportService = createExportService(deps);
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/contacts',
      {
        schema: {
          tags: ['exports'],
          description: 'All own live contacts as a file: vCard 4.0 (.vcf), CSV with a header row (.csv) or JSON with interactions and ledger (.json).',
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const file = await exportService.open(requireAuth(request).user.id, request.query.format);
        return reply
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .type(file.contentType)
          .send(file.body);
      },
    );
  };
}
