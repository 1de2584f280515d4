import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema/index';
import { DEFAULT_PASSWORD, signedInUser, uniqueEmail } from '../factories';
import { as, createTestApp, type TestApp } from '../setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function register(password: string, email = uniqueEmail()) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password, name: 'Sam Lee' } });
}

function login(email: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

describe('password-policy through the API (ASVS 6.2.1, 6.2.5, 6.2.8, 6.2.9, 6.2.4)', () => {
  it('7 characters → 400 WEAK_PASSWORD with a reason on the password field', async () => {
    const response = await register('aZ3$kq9');
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('WEAK_PASSWORD');
    expect(error.message).toMatch(/at least 8 characters/);
    expect(error.issues[0].path).toBe('password');
  });

  it('a common password → 400 WEAK_PASSWORD saying why', async () => {
    const response = await register('password123');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/commonly used/);
  });

  it('64- and 128-character Unicode passphrases register and sign in', async () => {
    for (const length of [64, 128]) {
      const password = [...'žluťoučký kůň 🐎 úpěl ďábelské ódy '.repeat(10)].slice(0, length).join('');
      const email = uniqueEmail();
      expect((await register(password, email)).statusCode).toBe(201);
      expect((await login(email, password)).statusCode).toBe(200);
    }
  });

  it('no truncation: the first 72 characters of a longer password do not sign in', async () => {
    const password = `${'a quiet harbour at dawn '.repeat(4)}and then some`;
    const email = uniqueEmail();
    expect((await register(password, email)).statusCode).toBe(201);
    expect((await login(email, password.slice(0, 72))).statusCode).toBe(401);
    expect((await login(email, password)).statusCode).toBe(200);
  });
});

describe('hash-params (ASVS 11.4.2)', () => {
  it('stores argon2id with m≥19456, t≥2 and a unique salt of ≥16 bytes', async () => {
    const a = await signedInUser(t.app, { password: DEFAULT_PASSWORD });
    const b = await signedInUser(t.app, { password: DEFAULT_PASSWORD });
    const hashes = [];
    for (const id of [a.id, b.id]) {
      const [row] = await t.database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
      hashes.push(row?.hash ?? '');
    }
    const salts = hashes.map((hash) => {
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
      expect(match, hash).not.toBeNull();
      const [, m, tCost, , salt] = match ?? [];
      expect(Number(m)).toBeGreaterThanOrEqual(19456);
      expect(Number(tCost)).toBeGreaterThanOrEqual(2);
      expect(Buffer.from(salt ?? '', 'base64').length).toBeGreaterThanOrEqual(16);
      expect(hash).not.toContain(DEFAULT_PASSWORD);
      return salt;
    });
    expect(salts[0]).not.toBe(salts[1]);
  });
});

describe('mass-assignment (ASVS 8.2.3, 15.3.3)', () => {
  it('role, ownerId or id in a body are refused with 400 and change nothing', async () => {
    const user = await signedInUser(t.app);
    const attempts = [
      { method: 'PATCH' as const, url: '/api/v1/me', payload: { name: 'X', role: 'admin' } },
      { method: 'PATCH' as const, url: '/api/v1/me', payload: { name: 'X', id: '00000000-0000-0000-0000-000000000000' } },
      { method: 'POST' as const, url: '/api/v1/auth/register', payload: { email: uniqueEmail(), password: DEFAULT_PASSWORD, name: 'X', ownerId: user.id } },
    ];
    for (const attempt of attempts) {
      const response = await as(t.app, user.cookie)(attempt);
      expect(response.statusCode, JSON.stringify(attempt.payload)).toBe(400);
    }
    const me = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().user).toMatchObject({ role: 'student', name: user.name });
  });

  it('responses carry only whitelisted user fields, never the password hash', async () => {
    const admin = await signedInUser(t.app, { role: 'admin' });
    const list = await as(t.app, admin.cookie)({ method: 'GET', url: '/api/v1/admin/users' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/argon2|passwordHash|password_hash/);
    for (const item of list.json().items) {
      expect(Object.keys(item).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'lastSeenAt', 'name', 'program', 'role']);
      expect(list.body).not.toMatch(/auditPseudonym|audit_pseudonym/);
    }
  });
});

describe('account self-service', () => {
  it('PATCH /api/v1/me renames; 400 for an empty name; 401 without a session', async () => {
    const user = await signedInUser(t.app);
    const ok = await as(t.app, user.cookie)({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Priya S.' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe('Priya S.');
    const bad = await as(t.app, user.cookie)({ method: 'PATCH', url: '/api/v1/me', payload: { name: '   ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('name');
    const anon = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'x' } });
    expect(anon.statusCode).toBe(401);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const user = await signedInUser(t.app);
    const other = await login(user.email, user.password);
    const otherCookie = `${other.cookies[0]?.name}=${other.cookies[0]?.value}`;
    const wrong = await as(t.app, user.cookie)({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'not it at all', newPassword: 'a brand new phrase here' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('currentPassword');
    const weak = await as(t.app, user.cookie)({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: user.password, newPassword: 'iloveyou' },
    });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', issues: [{ path: 'newPassword' }] });
    const ok = await as(t.app, user.cookie)({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: user.password, newPassword: 'a brand new phrase here' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await as(t.app, otherCookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await login(user.email, 'a brand new phrase here')).statusCode).toBe(200);
  });

  it('sign out of other devices revokes every other session and reports the count', async () => {
    const user = await signedInUser(t.app);
    await login(user.email, user.password);
    await login(user.email, user.password);
    const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/me/sessions/revoke-others' });
    expect(response.json()).toEqual({ revoked: 2 });
    expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });
});
