import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListResponse, auditQuery, type AuditEventDto } from '../../../shared/contracts/audit';
import type { Db } from '../../db/client';
import { decodeCursor, paginate } from '../../lib/cursor';
import { listAuditEvents } from './audit.repo';

type AuditListRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

function toAuditEventDto({ event, actorName, studentName }: AuditListRow): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: { id: event.actorId, name: actorName, role: event.actorRole, pseudonym: event.actorPseudonym },
    action: event.action,
    student: { id: event.studentId, name: studentName, pseudonym: event.studentPseudonym },
    target: { type: event.targetType, id: event.targetId },
  };
}

/** Staff access to students' records, for admins: /api/v1/admin/audit (admin only, see access.ts). */
export function auditRoutes(db: Db) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '',
      {
        schema: {
          tags: ['admin'],
          description:
            'Who on the staff read or changed which student’s appointments, agenda, documents or standing, newest first. ' +
            'After an account is erased its ids are null and its pseudonym remains.',
          querystring: auditQuery,
          response: { 200: auditListResponse },
        },
      },
      async (request) => {
        const { studentId, limit, cursor } = request.query;
        const rows = await listAuditEvents(db, { studentId, limit, cursor: decodeCursor(cursor) });
        const page = paginate(rows, limit, (row) => ({ createdAt: row.event.at, id: row.event.id }));
        return { items: page.items.map(toAuditEventDto), nextCursor: page.nextCursor };
      },
    );
  };
}
