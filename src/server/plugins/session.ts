import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessFor, isGuardedPath, type Access } from '../access';
import type { Config } from '../config';
import { errors } from '../lib/errors';
import type { AuthService, AuthenticatedSession } from '../modules/auth/auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

/** The signed-in session of a request on a route that requires one. */
export function requireAuth(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw errors.unauthenticated();
  return request.auth;
}

export function sessionCookieToken(request: FastifyRequest, config: Config): string | undefined {
  const value = request.cookies[config.session.cookieName];
  return value && value.length <= 200 ? value : undefined;
}

/** Cookie flags of ASVS 3.3.1–3.3.4: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(config.session.cookieName, token, {
    path: '/',
    httpOnly: true,
    secure: config.session.secureCookie,
    sameSite: 'lax',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(config.session.cookieName, {
    path: '/',
    httpOnly: true,
    secure: config.session.secureCookie,
    sameSite: 'lax',
  });
}

/**
 * Checks every API route against the allow-list in access.ts: unknown routes cannot be registered, public
 * routes pass, the rest need a live session (401) of an allowed role (403).
 */
export function registerSessionGuard(app: FastifyInstance, config: Config, auth: AuthService): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS' || !isGuardedPath(route.url)) continue;
      if (!accessFor(method, route.url)) {
        throw new Error(`Route ${method} ${route.url} is missing from src/server/access.ts (deny by default).`);
      }
    }
  });

  async function guard(request: FastifyRequest, access: Access): Promise<void> {
    const token = sessionCookieToken(request, config);
    if (token) request.auth = await auth.authenticate(token);
    if (access === 'public') return;
    if (!request.auth) throw errors.unauthenticated();
    if (!access.includes(request.auth.user.role)) throw errors.forbidden();
  }

  // Callback style so requests that need no session (web files, probes) pass without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const url = request.routeOptions.url;
    if (!url || !isGuardedPath(url)) return done();
    const access = accessFor(request.method, url);
    if (!access) return done(errors.notFound('This page'));
    if (!url.startsWith('/api/')) return done();
    guard(request, access).then(() => done(), done);
  });
}
