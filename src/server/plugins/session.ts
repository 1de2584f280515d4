import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { accessFor, isGuardedPath, type Access } from '../access';
import type { Config } from '../config';
import { errors } from '../lib/errors';
import { isRequestGuard, routeHooks } from './request-guards';
import type { AuthService, AuthenticatedSession } from '../modules/auth/auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route, looked up in access.ts once when the route is registered. */
    access?: Access;
  }
}

/** The signed-in session of a request on a route that requires one. */
export function requireAuth(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw errors.unauthenticated();
  return request.auth;
}

export function sessionCookieToken(request: FastifyRequest, config: Config): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[config.session.cookieName];
  return value && value.length <= 200 ? value : undefined;
}

function sessionCookie(config: Config, value: string, lifetime: { maxAge: number; expires?: Date }): string {
  return stringifySetCookie({
    name: config.session.cookieName,
    value,
    path: '/',
    httpOnly: true,
    secure: config.session.secureCookie,
    sameSite: 'lax',
    ...lifetime,
  });
}

/** Cookie flags of ASVS 3.3.1–3.3.4: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.header('set-cookie', sessionCookie(config, token, { maxAge: config.session.absoluteHours * 3600 }));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.header('set-cookie', sessionCookie(config, '', { maxAge: 0, expires: new Date(0) }));
}

/**
 * Checks every API route against the allow-list in access.ts: unknown routes cannot be registered, public
 * routes pass, the rest need a live session (401) of an allowed role (403).
 */
export function registerSessionGuard(app: FastifyInstance, config: Config, auth: AuthService): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!isGuardedPath(route.url)) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'OPTIONS');
    const granted = new Set<Access>();
    for (const method of methods) {
      const access = accessFor(method, route.url);
      if (!access) {
        throw new Error(`Route ${method} ${route.url} is missing from src/server/access.ts (deny by default).`);
      }
      granted.add(access);
    }
    if (granted.size > 1) throw new Error(`Route ${route.url} serves methods with different access; register them separately.`);
    // Looked up once here, read from the route's config on every request. Only API routes know sessions:
    // probes stay free of database work even when a browser sends its cookie along.
    const [access] = granted;
    if (access && route.url.startsWith('/api')) {
      route.config = { ...route.config, access };
      // A route-level hook on API routes only: web files and probes never reach it. It goes after the origin and
      // content-type guards (cheap refusals before any session lookup), which registerRequestGuards puts first.
      const hooks = routeHooks(route.onRequest);
      const guards = hooks.filter((hook) => isRequestGuard(hook));
      route.onRequest = [...guards, sessionHook, ...hooks.filter((hook) => !isRequestGuard(hook))];
    }
  });

  async function guard(request: FastifyRequest, access: Access): Promise<void> {
    const token = sessionCookieToken(request, config);
    if (token) request.auth = await auth.authenticate(token);
    if (access === 'public') return;
    if (!request.auth) throw errors.unauthenticated();
    if (!access.includes(request.auth.user.role)) throw errors.forbidden();
  }

  // Callback style, so a public route called without a cookie passes without a promise.
  const sessionHook: onRequestHookHandler = (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (!access) return done();
    if (access === 'public' && request.headers.cookie === undefined) return done();
    guard(request, access).then(() => done(), done);
  };
}
