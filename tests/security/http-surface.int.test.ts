import Fastify from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../src/server/plugins/security-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, isGuardedPath, type Access } from '../../src/server/access';
import { registerSessionGuard } from '../../src/server/plugins/session';
import { ROLES, type Role } from '../../src/shared/contracts/users';
import { signedInUser, type SignedInUser } from '../factories';
import { as, createTestApp, type TestApp } from '../setup/test-app';

let t: TestApp;
const sessionsByRole = {} as Record<Role, SignedInUser>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessionsByRole[role] = await signedInUser(t.app, { role });
});
afterAll(async () => {
  await t.close();
});

const SOME_ID = '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11';
const concrete = (url: string) => url.replace(/:id\b/g, SOME_ID);
const entries = Object.entries(ROUTE_ACCESS) as [string, Access][];
const mutating = entries.filter(([key]) => !key.startsWith('GET '));

describe('authz-roles (ASVS 8.2.1, 8.3.1): the role × route allow-list', () => {
  it('the allow-list and the registered API routes are the same set', () => {
    const registered = t.app.routeTable.filter((r) => isGuardedPath(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(ROUTE_ACCESS)));
  });

  it('an API route missing from the allow-list cannot be registered (deny by default)', async () => {
    const app = Fastify();
    registerSessionGuard(app, t.config, t.app.services.auth);
    expect(() => app.get('/api/v1/not-in-the-list', async () => ({}))).toThrow(/missing from src\/server\/access.ts/);
    await app.close();
  });

  for (const [key, access] of entries) {
    const [method = 'GET', url = '/'] = key.split(' ');
    if (access === 'public') continue;
    it(`${key}: anonymous → 401, roles outside [${access.join(', ')}] → 403`, async () => {
      const anonymous = await t.app.inject({ method: method as 'GET', url: concrete(url), ...(method === 'GET' ? {} : { payload: {} }) });
      expect(anonymous.statusCode).toBe(401);
      // Fastify answers HEAD for every GET route: it must be guarded exactly like the GET.
      if (method === 'GET') expect((await t.app.inject({ method: 'HEAD', url: concrete(url) })).statusCode).toBe(401);
      for (const role of ROLES) {
        const response = await as(t.app, sessionsByRole[role].cookie)({
          method: method as 'GET',
          url: concrete(url),
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        if (access.includes(role)) {
          expect([401, 403], `${role} on ${key}: ${response.body}`).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, `${role} on ${key}`).toBe(403);
          expect(response.json().error.code).toBe('FORBIDDEN');
        }
      }
    });
  }
});

describe('content-type (ASVS 2.2.1, 13.1.5)', () => {
  it('every mutating route declares a body schema', () => {
    const missing = t.app.routeTable.filter((r) => r.method !== 'GET' && !r.hasBodySchema).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  const badTypes = [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'Application/JSON',
    'APPLICATION/JSON',
    'application/json\t',
    'application/json ',
    'application/json;charset=utf-16',
    'application/jsonx',
    'text/json',
  ];
  /** The upload types a route declares (POST /api/v1/documents takes text/plain files): not bad there. */
  const uploadTypesOf = (key: string) => t.app.routeTable.find((r) => `${r.method} ${r.url}` === key)?.uploadTypes ?? [];

  for (const [key] of mutating) {
    it(`${key} refuses non-JSON bodies with 415 (except the upload types it declares, which are matched exactly)`, async () => {
      const [method = 'POST', url = '/'] = key.split(' ');
      const uploads = uploadTypesOf(key);
      // An upload type is matched as written: upper case, a tab or a trailing space is refused like JSON's.
      const variants = uploads.flatMap((type) => [type.toUpperCase(), `${type}\t`, `${type} `, `${type}x`]);
      for (const type of [...badTypes.filter((bad) => !uploads.includes(bad)), ...variants]) {
        const response = await as(t.app, sessionsByRole.admin.cookie)({
          method: method as 'POST',
          url: concrete(url),
          headers: { 'content-type': type },
          payload: '{"email":"a@b.edu","password":"x"}',
        });
        expect(response.statusCode, `${type}: ${response.body}`).toBe(415);
        expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });
  }

  it('malformed JSON → 400 MALFORMED_JSON, never 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_JSON');
  });

  it('__proto__ in a body is refused', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.edu","password":"x","__proto__":{"role":"admin"}}',
    });
    expect(response.statusCode).toBe(400);
  });

  it('a body over 1 MiB → 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.edu', password: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('csrf-origin (ASVS 3.5.1–3.5.3)', () => {
  it('a cross-site request is refused for its origin before any session is looked up (403 even without a cookie)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: { firstName: 'Forged' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('a cross-site Origin on a state-changing request → 403 and nothing changes', async () => {
    const student = await signedInUser(t.app);
    const response = await as(t.app, student.cookie)({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example' },
      payload: { name: 'Hacked' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
    const me = await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().user.name).toBe(student.name);
  });

  it('a form post from another site (no JSON, Sec-Fetch-Site cross-site) changes nothing', async () => {
    const student = await signedInUser(t.app);
    const response = await as(t.app, student.cookie)({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'x=1',
    });
    expect(response.statusCode).toBe(403);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });

  it('the same origin (and clients that send no Origin) pass', async () => {
    const student = await signedInUser(t.app);
    const sameOrigin = await as(t.app, student.cookie)({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Renamed' },
    });
    expect(sameOrigin.statusCode).toBe(200);
    const publicOrigin = await as(t.app, student.cookie)({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { origin: new URL(t.config.publicUrl).origin },
      payload: { name: 'Renamed again' },
    });
    expect(publicOrigin.statusCode).toBe(200);
  });

  it('no GET route changes state', async () => {
    const admin = sessionsByRole.admin;
    const counts = async () => {
      const result = await t.database.db.execute<{ n: number }>(
        // Row counts of every table, compared before and after all the GETs.
        "select (select count(*) from users) + (select count(*) from sessions) + (select count(*) from mail_outbox) + (select count(*) from password_reset_tokens) + (select count(*) from rate_limit_buckets) as n" as never,
      );
      return JSON.stringify((result as unknown as { rows: unknown[] }).rows);
    };
    const before = await counts();
    for (const [key] of entries.filter(([k]) => k.startsWith('GET '))) {
      const response = await as(t.app, admin.cookie)({ method: 'GET', url: concrete(key.slice(4)) });
      expect(response.statusCode, key).toBeLessThan(500);
    }
    expect(await counts()).toBe(before);
  });
});

describe('headers (ASVS 3.4.x, 14.3.2)', () => {
  it('API responses carry HSTS ≥ 1 year, the strict CSP, nosniff, Referrer-Policy and no-store', async () => {
    for (const url of ['/api/v1/me', '/healthz', '/api/v1/nowhere']) {
      const response = await t.app.inject({ method: 'GET', url });
      const h = response.headers;
      const maxAge = Number(/max-age=(\d+)/.exec(String(h['strict-transport-security']))?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
      const csp = String(h['content-security-policy']);
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['cache-control']).toBe('no-store');
    }
  });

  it('no CORS for foreign origins, on simple requests and on preflights', async () => {
    const simple = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: 'https://evil.example' } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('exposure (ASVS 13.4.x, 16.5.1)', () => {
  it('/.git/HEAD and other dot paths are 404', async () => {
    for (const url of ['/.git/HEAD', '/.env', '/../package.json', '/%2e%2e/package.json']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('"dependencies"');
    }
  });

  it('addresses the router refuses (an id over 200 characters, a broken escape) answer in the error envelope with the security headers', async () => {
    const cases = [
      { url: `/api/v1/contacts/${'a'.repeat(500)}`, status: 404, code: 'NOT_FOUND' },
      { url: '/api/v1/contacts/%E0%A4%A', status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const { url, status, code } of cases) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(status);
      expect(response.json().error.code, url).toBe(code);
      expect(response.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('an unexpected failure answers 500 INTERNAL_ERROR without a stack or internals', async () => {
    const broken = await createTestApp();
    const user = await signedInUser(broken.app);
    await broken.database.close();
    try {
      const response = await as(broken.app, user.cookie)({ method: 'GET', url: '/api/v1/me' });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Try again in a moment.' },
      });
      const health = await broken.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.body).not.toMatch(/at .*\.ts|stack|pglite/i);
    } finally {
      await broken.app.close();
    }
  });

  it('the OpenAPI description is served at /api/docs and lists the public interface', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/admin/users', '/healthz']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
