import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody } from '../../../shared/contracts/auth';
import {
  adminReasonCodeEnvelope,
  adminReasonCodeListResponse,
  createReasonCodeBody,
  officePolicyBody,
  officePolicyEnvelope,
  reasonCodeAdvisorsBody,
  reasonCodeParams,
  updateReasonCodeBody,
} from '../../../shared/contracts/reason-codes';
import { requireAuth } from '../../plugins/session';
import { toOfficePolicyDto, type OfficeService } from './office.service';

/** Reason codes as the admin manages them: /api/v1/admin/reason-codes (admin only, see access.ts). */
export function adminReasonCodesRoutes(office: OfficeService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];

    r.get('', { schema: { tags, response: { 200: adminReasonCodeListResponse } } }, async () => ({ items: await office.allCodes() }));

    r.post('', { schema: { tags, body: createReasonCodeBody, response: { 201: adminReasonCodeEnvelope } } }, async (request, reply) =>
      reply.status(201).send({ reasonCode: await office.createCode(requireAuth(request).user.id, request.body) }),
    );

    r.get('/:code', { schema: { tags, params: reasonCodeParams, response: { 200: adminReasonCodeEnvelope } } }, async (request) => ({
      reasonCode: await office.getCode(request.params.code),
    }));

    r.patch('/:code', { schema: { tags, params: reasonCodeParams, body: updateReasonCodeBody, response: { 200: adminReasonCodeEnvelope } } }, async (request) => ({
      reasonCode: await office.updateCode(requireAuth(request).user.id, request.params.code, request.body),
    }));

    r.delete(
      '/:code',
      { schema: { tags, description: 'Deletes an unused code; a code with appointments → 409 REASON_CODE_IN_USE (retire it instead).', params: reasonCodeParams, body: emptyBody } },
      async (request, reply) => {
        await office.deleteCode(requireAuth(request).user.id, request.params.code);
        return reply.status(204).send();
      },
    );

    r.put('/:code/advisors', { schema: { tags, params: reasonCodeParams, body: reasonCodeAdvisorsBody, response: { 200: adminReasonCodeEnvelope } } }, async (request) => ({
      reasonCode: await office.setCodeAdvisors(requireAuth(request).user.id, request.params.code, request.body.advisorIds),
    }));
  };
}

/** The office's appointment policy: /api/v1/admin/office-policy (APPT-02…06). */
export function officePolicyRoutes(office: OfficeService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];

    r.get('', { schema: { tags, response: { 200: officePolicyEnvelope } } }, async () => ({ policy: toOfficePolicyDto(await office.office()) }));

    r.put('', { schema: { tags, body: officePolicyBody, response: { 200: officePolicyEnvelope } } }, async (request) => ({
      policy: toOfficePolicyDto(await office.savePolicy(requireAuth(request).user.id, request.body)),
    }));
  };
}
