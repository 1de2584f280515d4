import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, signedInUser, uniqueEmail } from '../../../../tests/factories';
import { as, createTestApp, sessionCookieFrom, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/v1/auth/register', () => {
  it('creates a student, returns 201 {user} and a session cookie that works for /me', async () => {
    const email = uniqueEmail();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: DEFAULT_PASSWORD, name: 'Priya Shah' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email, name: 'Priya Shah', role: 'student' });
    expect(Object.keys(body.user).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'program', 'role']);
    const me = await as(t.app, sessionCookieFrom(response))({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
  });

  it('refuses a taken email (any case) with 409 EMAIL_TAKEN', async () => {
    const email = uniqueEmail();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: DEFAULT_PASSWORD, name: 'A' } });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: email.toUpperCase(), password: DEFAULT_PASSWORD, name: 'B' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('mass-assignment: a role in the body is refused with 400 and no admin is created (ASVS 8.2.3)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: uniqueEmail(), password: DEFAULT_PASSWORD, name: 'Eve', role: 'admin' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/v1/auth/login and logout', () => {
  it('logs in with the right password and out again; the old cookie is dead on the server', async () => {
    const user = await signedInUser(t.app);
    const me = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().user).toMatchObject({ id: user.id, email: user.email, role: 'student' });
    const logout = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(logout.statusCode).toBe(204);
    const after = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const user = await signedInUser(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not the password at all' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});
