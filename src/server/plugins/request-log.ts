import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const PROBES = new Set(['/livez', '/healthz']);

/**
 * One log line per request, when it completes: method, path (never the query string, which may carry a
 * token), status and time. Load-balancer probes are logged only when they fail, so they do not drown the log.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const path = request.url.split('?')[0] ?? '';
    const status = reply.statusCode;
    if (PROBES.has(path) && status < 400 && !error) return;
    const line = { method: request.method, path, status, ms: Math.round(reply.elapsedTime * 10) / 10 };
    // The error itself (with its stack) is logged once by the error handler; this line says which request.
    if (error || status >= 500) reply.log.error(line, 'request failed');
    else reply.log.info(line, 'request completed');
  }
}
