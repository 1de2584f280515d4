import type { FastifyInstance } from 'fastify';

/**
 * While the app closes, answers to requests already in flight carry `Connection: close`, so keep-alive
 * sockets end with their last response and the server can finish closing instead of waiting for clients.
 */
export function registerGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
