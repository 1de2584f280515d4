import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema/index';
import { desc, eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/server/db/schema/index';
import { DEFAULT_PASSWORD, uniqueEmail } from '../factories';
import { as, createTestApp, sessionCookieFrom, type TestApp } from '../setup/test-app';

describe('no-default-accounts (ASVS 6.3.2)', () => {
  it('a fresh install has no account at all', async () => {
    const t = await createTestApp();
    try {
      expect(await t.database.db.select().from(users)).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  it('the first admin comes from the environment, once; a weak password is refused', async () => {
    const t = await createTestApp();
    try {
      const auth = t.app.services.auth;
      await expect(auth.ensureAdmin({ email: 'chief@office.edu', password: 'password1' })).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
      expect(await auth.ensureAdmin({ email: 'Chief@Office.edu', password: 'office keys on the blue hook' })).toBe('created');
      expect(await auth.ensureAdmin({ email: 'other@office.edu', password: 'office keys on the blue hook' })).toBe('exists');
      const admins = await t.database.db.select().from(users).where(eq(users.role, 'admin'));
      expect(admins.map((a) => a.email)).toEqual(['chief@office.edu']);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'chief@office.edu', password: 'office keys on the blue hook' },
      });
      expect(login.json().user.role).toBe('admin');
    } finally {
      await t.close();
    }
  });
});

describe('audit-and-logs: logs never hold secrets (ASVS 16.2.x, 16.3.x)', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestApp({ logger: { level: 'trace', stream } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('passwords, session cookies and reset tokens never reach the log; CR/LF never splits a line', async () => {
    const email = uniqueEmail();
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: DEFAULT_PASSWORD, name: 'Log Tester' },
    });
    const cookie = sessionCookieFrom(register);
    await as(t.app, cookie)({ method: 'GET', url: '/api/v1/me' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'wrong password here' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
    const [mail] = await t.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(1);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1] ?? 'missing';
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'another good phrase' } });
    await t.app.inject({ method: 'GET', url: '/api/v1/nowhere%0d%0a{"level":60,"msg":"forged"}' });
    await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'user-agent': 'evil\r\n{"forged":true}' } }).catch(() => undefined);

    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join('\n');
    for (const secret of [DEFAULT_PASSWORD, 'wrong password here', 'another good phrase', cookie.split('=')[1] ?? '', token]) {
      expect(all).not.toContain(secret);
    }
    for (const line of lines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toMatch(/^\{"forged"/);
    }
  });

  it('one line per request when it completes: its id, method, path without the query, status; probes only when they fail', async () => {
    const before = lines.length;
    await t.app.inject({ method: 'GET', url: '/livez' });
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=secret-words' });
    const written = lines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({ reqId: expect.stringMatching(/^req-\w+$/), method: 'GET', path: '/api/v1/contacts', status: 401, ms: expect.any(Number) }),
    ]);
    expect(JSON.stringify(written)).not.toContain('secret-words');
  });
});
