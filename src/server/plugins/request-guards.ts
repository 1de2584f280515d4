import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
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

/**
 * The origin and content-type guards run only where they can apply: as a route-level hook on every route that
 * takes a state-changing method, put first among the route's own hooks. Reads (pages, probes, GET API calls) pay
 * nothing. Route-level hooks run after the app's `onRequest` hooks (security headers), so refusals keep them.
 */
export function registerRequestGuards(app: FastifyInstance, config: Config): void {
  const guard: onRequestHookHandler = (request, _reply, done) => {
    if (!MUTATING.has(request.method)) return done();
    try {
      assertSameOrigin(config, request);
      assertContentType(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
  guards.add(guard);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((method) => MUTATING.has(method))) route.onRequest = [guard, ...routeHooks(route.onRequest)];
  });
}

const guards = new WeakSet<onRequestHookHandler>();

/** True for the hook registerRequestGuards adds (other route-level hooks go after it). */
export function isRequestGuard(hook: onRequestHookHandler): boolean {
  return guards.has(hook);
}

/** A route's `onRequest` option as a list (Fastify takes one function or an array). */
export function routeHooks(hooks: onRequestHookHandler | onRequestHookHandler[] | undefined): onRequestHookHandler[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}
