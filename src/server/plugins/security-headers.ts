import type { FastifyInstance } from 'fastify';

// Written out rather than Helmet's defaults, which allow inline styles and more (SECURITY.md headers, ASVS 3.4).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
// API answers hold private data: never cached.
const API_HEADERS: Record<string, string> = { ...PAGE_HEADERS, 'cache-control': 'no-store' };

function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/healthz') || url.startsWith('/livez');
}

/** The security headers of a response to `url` (API answers are never cached). */
export function securityHeadersFor(url: string): Record<string, string> {
  return isApiPath(url) ? API_HEADERS : PAGE_HEADERS;
}

/**
 * Security headers on every response, set once when the request arrives (a synchronous hook with one
 * precomputed object: this runs on every request, so it stays cheap). Error and not-found answers keep them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeadersFor(request.url));
    done();
  });
}
