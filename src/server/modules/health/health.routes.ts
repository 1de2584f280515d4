import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { createDbLiveness } from './db-liveness';

const status = z.object({ status: z.literal('ok') });
const LIVE = JSON.stringify({ status: 'ok' });

/** /healthz answers when the database does (for load balancers); /livez only says the process is up. */
export function healthRoutes(database: Database) {
  const isAlive = createDbLiveness(database);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/healthz', { schema: { tags: ['health'], response: { 200: status } } }, async () => {
      if (!(await isAlive())) throw new AppError(503, 'SERVICE_UNAVAILABLE', 'The database is not answering.');
      return { status: 'ok' as const };
    });
    // A constant answer, sent pre-serialised: probes hit this often and it should cost next to nothing.
    r.get('/livez', { schema: { tags: ['health'], description: 'Answers {"status":"ok"} while the process is up.' } }, (_request, reply) => {
      reply.type('application/json; charset=utf-8').send(LIVE);
    });
  };
}
