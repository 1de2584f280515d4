import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, signedInUser, uniqueEmail, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let admin: SignedInUser;
let student: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInUser(t.app, { role: 'admin' });
  student = await signedInUser(t.app, { role: 'student' });
});
afterAll(async () => {
  await t.close();
});

const asAdmin = (options: Parameters<ReturnType<typeof as>>[0]) => as(t.app, admin.cookie)(options);

describe('POST /api/v1/admin/users', () => {
  it('creates an advisor who can sign in with the role given', async () => {
    const email = uniqueEmail('advisor');
    const response = await asAdmin({ method: 'POST', url: '/api/v1/admin/users', payload: { email, name: 'Dana Ortiz', role: 'advisor', password: DEFAULT_PASSWORD } });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ email, name: 'Dana Ortiz', role: 'advisor', disabled: false });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEFAULT_PASSWORD } });
    expect(login.json().user.role).toBe('advisor');
  });

  it('400 for an unknown role or a weak password; 409 for a taken email; 401 anonymous; 403 for a student', async () => {
    const bad = await asAdmin({ method: 'POST', url: '/api/v1/admin/users', payload: { email: uniqueEmail(), name: 'X', role: 'wizard', password: DEFAULT_PASSWORD } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('role');
    const weak = await asAdmin({ method: 'POST', url: '/api/v1/admin/users', payload: { email: uniqueEmail(), name: 'X', role: 'alumni', password: 'qwertyuiop' } });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const taken = await asAdmin({ method: 'POST', url: '/api/v1/admin/users', payload: { email: student.email, name: 'X', role: 'alumni', password: DEFAULT_PASSWORD } });
    expect(taken.statusCode).toBe(409);
    const payload = { email: uniqueEmail(), name: 'X', role: 'admin', password: DEFAULT_PASSWORD };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload })).statusCode).toBe(401);
    expect((await as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/admin/users', payload })).statusCode).toBe(403);
  });
});

describe('GET /api/v1/admin/users', () => {
  it('lists newest first, filters by role and text, pages with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(1000);
      await t.app.services.auth.createUser({ email: uniqueEmail('alum'), name: `Alumna Page ${i}`, role: 'alumni', password: DEFAULT_PASSWORD });
    }
    const first = await asAdmin({ method: 'GET', url: '/api/v1/admin/users?role=alumni&q=page&limit=2' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((u: { name: string }) => u.name)).toEqual(['Alumna Page 2', 'Alumna Page 1']);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await asAdmin({ method: 'GET', url: `/api/v1/admin/users?role=alumni&q=page&limit=2&cursor=${page1.nextCursor}` });
    expect(second.json()).toMatchObject({ items: [{ name: 'Alumna Page 0' }], nextCursor: null });
  });

  it('shows when each person was last active, also after they signed out', async () => {
    const user = await signedInUser(t.app, { name: 'Recently Active' });
    await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/auth/logout' });
    const list = await asAdmin({ method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent(user.email)}` });
    expect(list.json().items[0].lastSeenAt).toBe(t.clock.now().toISOString());
  });

  it('a search for % or _ matches them literally, and SQL in q finds nothing extra (sql-injection)', async () => {
    const pct = await asAdmin({ method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent('%')}` });
    expect(pct.json().items).toEqual([]);
    const injection = await asAdmin({ method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent("' OR 1=1--")}` });
    expect(injection.statusCode).toBe(200);
    expect(injection.json().items).toEqual([]);
  });

  it('400 for a bad limit or cursor; 403 for a student', async () => {
    expect((await asAdmin({ method: 'GET', url: '/api/v1/admin/users?limit=0' })).statusCode).toBe(400);
    expect((await asAdmin({ method: 'GET', url: '/api/v1/admin/users?cursor=garbage' })).statusCode).toBe(400);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(403);
  });
});

describe('POST /api/v1/admin/users/:id/disable and /enable', () => {
  it('404 for an unknown id, 400 for a malformed id, 409 for the admin themself', async () => {
    const unknown = await asAdmin({ method: 'POST', url: '/api/v1/admin/users/3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11/disable' });
    expect(unknown.statusCode).toBe(404);
    expect((await asAdmin({ method: 'POST', url: '/api/v1/admin/users/not-a-uuid/disable' })).statusCode).toBe(400);
    const self = await asAdmin({ method: 'POST', url: `/api/v1/admin/users/${admin.id}/disable` });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('CANNOT_CHANGE_SELF');
  });

  it('a student cannot disable anyone (403) and the target stays active', async () => {
    const other = await signedInUser(t.app);
    const response = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/admin/users/${other.id}/disable` });
    expect(response.statusCode).toBe(403);
    expect((await as(t.app, other.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/admin/outbox', () => {
  it('shows kept mail with its mode; 400 for a bad cursor; 403 for others', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: student.email } });
    const response = await asAdmin({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.mode).toBe('outbox');
    expect(body.items[0]).toMatchObject({ to: student.email, kind: 'password_reset', status: 'kept' });
    expect((await asAdmin({ method: 'GET', url: '/api/v1/admin/outbox?cursor=zzz' })).statusCode).toBe(400);
    for (const role of ['advisor', 'alumni'] as const) {
      const user = await signedInUser(t.app, { role });
      expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(403);
    }
  });
});
