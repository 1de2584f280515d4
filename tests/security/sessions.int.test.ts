import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/db/schema/index';
import { hashToken } from '../../src/server/lib/tokens';
import { signedInUser } from '../factories';
import { as, createTestApp, sessionCookieFrom, type TestApp } from '../setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60_000;
const me = (cookie: string) => as(t.app, cookie)({ method: 'GET', url: '/api/v1/me' });

describe('cookie-flags (ASVS 3.3.1–3.3.4)', () => {
  it('the session cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, without Domain', async () => {
    const user = await signedInUser(t.app);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^__Host-rapport_session=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
  });
});

describe('session-lifecycle (ASVS 7.2.4, 7.4.1, 7.3.1, 7.3.2, 7.4.2)', () => {
  it('tokens carry ≥128 bits and are stored only as their SHA-256', async () => {
    const user = await signedInUser(t.app);
    const token = user.cookie.split('=')[1] ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a login issues a new token and kills the one the browser held before', async () => {
    const user = await signedInUser(t.app);
    const again = await as(t.app, user.cookie)({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const fresh = sessionCookieFrom(again);
    expect(fresh).not.toBe(user.cookie);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('logout kills the session on the server, not only in the browser', async () => {
    const user = await signedInUser(t.app);
    expect((await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('idle for 30 minutes → signed out; activity keeps the session alive', async () => {
    const idle = await signedInUser(t.app);
    const active = await signedInUser(t.app);
    t.clock.advance(20 * MINUTE);
    expect((await me(active.cookie)).statusCode).toBe(200);
    t.clock.advance(11 * MINUTE);
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(active.cookie)).statusCode).toBe(200);
  });

  it('12 hours after sign-in the session ends even when used all the time', async () => {
    const user = await signedInUser(t.app);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await me(user.cookie)).statusCode).toBe(200);
    }
    t.clock.advance(25 * MINUTE);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('disabling a user kills their sessions at once; enabling lets them sign in again', async () => {
    const admin = await signedInUser(t.app, { role: 'admin' });
    const user = await signedInUser(t.app, { role: 'advisor' });
    const disable = await as(t.app, admin.cookie)({ method: 'POST', url: `/api/v1/admin/users/${user.id}/disable` });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().user.disabled).toBe(true);
    expect((await me(user.cookie)).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    await as(t.app, admin.cookie)({ method: 'POST', url: `/api/v1/admin/users/${user.id}/enable` });
    const back = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect(back.statusCode).toBe(200);
  });

  it('idle and absolute timeouts are settings', async () => {
    const short = await createTestApp({ env: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
    try {
      const user = await signedInUser(short.app);
      short.clock.advance(6 * MINUTE);
      expect((await as(short.app, user.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});
