import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adminUserEnvelope,
  idParams,
  listOutboxQuery,
  listUsersQuery,
  mailSchema,
  outboxResponse,
  userListResponse,
} from '../../../shared/contracts/admin';
import { createUserBody, emptyBody } from '../../../shared/contracts/auth';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { decodeCursor, paginate } from '../../lib/cursor';
import { AppError, errors } from '../../lib/errors';
import { requireAuth } from '../../plugins/session';
import { listMail, requeueFailed, type MailRow } from '../mail/mail.repo';
import type { Mailer } from '../mail/mailer';
import type { AdminService } from './admin.service';

function toMailDto(row: MailRow) {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Office administration: accounts and the mail outbox, /api/v1/admin (admin role only, see access.ts). */
export function adminRoutes(deps: { admin: AdminService; db: Db; clock: Clock; mailer: Mailer }) {
  const { admin, db, clock, mailer } = deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/users', { schema: { tags: ['admin'], querystring: listUsersQuery, response: { 200: userListResponse } } }, async (request) =>
      admin.list(request.query),
    );

    r.post('/users', { schema: { tags: ['admin'], body: createUserBody, response: { 201: adminUserEnvelope } } }, async (request, reply) => {
      const user = await admin.create(request.body);
      return reply.status(201).send({ user });
    });

    r.post(
      '/users/:id/disable',
      { schema: { tags: ['admin'], params: idParams, body: emptyBody, response: { 200: adminUserEnvelope } } },
      async (request) => ({ user: await admin.disable(requireAuth(request).user.id, request.params.id) }),
    );

    r.post(
      '/users/:id/enable',
      { schema: { tags: ['admin'], params: idParams, body: emptyBody, response: { 200: adminUserEnvelope } } },
      async (request) => ({ user: await admin.enable(requireAuth(request).user.id, request.params.id) }),
    );

    r.get('/outbox', { schema: { tags: ['admin'], querystring: listOutboxQuery, response: { 200: outboxResponse } } }, async (request) => {
      const rows = await listMail(db, request.query.limit, decodeCursor(request.query.cursor));
      const page = paginate(rows, request.query.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
      return { items: page.items.map(toMailDto), nextCursor: page.nextCursor, mode: mailer.mode };
    });

    r.post(
      '/outbox/:id/retry',
      { schema: { tags: ['admin'], params: idParams, body: emptyBody, response: { 200: mailSchema.pick({ id: true }) } } },
      async (request) => {
        if (mailer.mode !== 'smtp') {
          throw new AppError(409, 'CONFLICT', 'No SMTP server is configured; messages stay in the outbox.');
        }
        if (!(await requeueFailed(db, request.params.id, clock.now()))) throw errors.notFound('This failed message');
        void mailer.deliverDue().catch(() => {});
        return { id: request.params.id };
      },
    );
  };
}
