import type { FastifyInstance } from 'fastify';

/**
 * While the app closes, keep-alive sockets whose last request has finished are closed every 50 ms, so the
 * server finishes closing as soon as the requests in flight are answered instead of waiting for clients.
 * (Fastify closes the sockets idle at the moment close starts; this catches the ones that become idle later.)
 */
export function registerGracefulClose(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    timer = setInterval(() => app.server.closeIdleConnections(), 50);
    timer.unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (timer) clearInterval(timer);
    done();
  });
}
