import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Bindings, ChildLoggerOptions, LogFn } from 'pino';

const PROBES = new Set(['/livez', '/healthz']);

/**
 * One log line per request, when it completes: request id, method, path (never the query string, which may carry a
 * token), status and time. Load-balancer probes are logged only when they fail, so they do not drown the log.
 * The line goes through the app's logger with the request id in it, so no request needs a logger of its own for it.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const url = request.url;
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const status = reply.statusCode;
    if (status < 400 && !error && PROBES.has(path)) return;
    const line = { reqId: request.id, method: request.method, path, status, ms: Math.round(reply.elapsedTime * 10) / 10 };
    // The error itself (with its stack) is logged once by the error handler; this line says which request.
    if (error || status >= 500) request.server.log.error(line, 'request failed');
    else request.server.log.info(line, 'request completed');
  }
}

type Args = Parameters<LogFn>;

/**
 * The logger of one request (`request.log`), made only when something logs through it. Fastify asks for one per
 * request; a pino child costs ~2 µs to make (its bindings are serialised through the redaction), and most requests
 * never log anything but their completion line (written by RequestLog through the app's logger).
 */
class RequestLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  fatal(...args: Args): void {
    this.logger.fatal(...args);
  }
  error(...args: Args): void {
    this.logger.error(...args);
  }
  warn(...args: Args): void {
    this.logger.warn(...args);
  }
  info(...args: Args): void {
    this.logger.info(...args);
  }
  debug(...args: Args): void {
    this.logger.debug(...args);
  }
  trace(...args: Args): void {
    this.logger.trace(...args);
  }
  silent(...args: Args): void {
    this.logger.silent(...args);
  }
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory`: a RequestLogger in place of a pino child per request. */
export function requestLoggerFactory(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new RequestLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}
