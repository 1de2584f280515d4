import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../lib/errors';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Exactly the types we parse, written the way browsers and clients send them; anything else (uppercase,
// tabs, stray spaces, text/plain, forms) is refused before parsing (ASVS 2.2.1, 13.1.5).
const JSON_TYPE = /^application\/json(; ?charset=utf-8)?$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Non-JSON body types a route accepts (imports); matched exactly, lower case. */
    uploadTypes?: readonly string[];
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function allowedOrigins(config: Config, request: FastifyRequest): Set<string> {
  const origins = new Set([new URL(config.publicUrl).origin]);
  if (request.host) origins.add(`${request.protocol}://${request.host}`);
  return origins;
}

/**
 * Cross-site request forgery defence (ASVS 3.5.1–3.5.3): a state-changing request from a browser must come
 * from our own origin. Non-browser clients send neither Origin nor Sec-Fetch-Site and are not affected.
 */
function assertSameOrigin(config: Config, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!allowedOrigins(config, request).has(origin)) {
      throw new AppError(403, 'CROSS_ORIGIN_REQUEST', 'This request came from another site and was refused.');
    }
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new AppError(403, 'CROSS_ORIGIN_REQUEST', 'This request came from another site and was refused.');
  }
}

function assertContentType(request: FastifyRequest): void {
  if (!hasBody(request)) return;
  const type = request.headers['content-type'] ?? '';
  if (JSON_TYPE.test(type)) return;
  const uploads = request.routeOptions.config.uploadTypes ?? [];
  const essence = type.split(';')[0] ?? '';
  if (uploads.includes(essence) && type === type.trim() && !/[\t\r\n]/.test(type)) return;
  throw new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    uploads.length > 0 ? `Send the body as application/json or ${uploads.join(', ')}.` : 'Send the body as application/json.',
  );
}

export function registerRequestGuards(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (!MUTATING.has(request.method)) return done();
    try {
      assertSameOrigin(config, request);
      assertContentType(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
