import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/server/db/schema/index';
import { desc, eq } from 'drizzle-orm';
import { signedInUser, uniqueEmail } from '../factories';
import { as, createTestApp, type TestApp } from '../setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (app: TestApp['app'], email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

async function requestReset(email: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
}

/** The token from the newest reset mail to this address (what the user clicks). */
async function latestResetToken(email: string): Promise<string> {
  const [mail] = await t.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const match = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '');
  if (!match?.[1]) throw new Error(`no reset link mailed to ${email}`);
  return match[1];
}

const confirm = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });

describe('reset-token (ASVS 6.4.1, 6.4.3)', () => {
  it('a reset request always answers 202, for known and unknown emails alike', async () => {
    const user = await signedInUser(t.app);
    const known = await requestReset(user.email);
    const unknown = await requestReset(uniqueEmail('nobody'));
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
  });

  it('tokens are random and long; a token works once and ends every other session', async () => {
    const user = await signedInUser(t.app);
    await requestReset(user.email);
    const first = await latestResetToken(user.email);
    t.clock.advance(1000);
    await requestReset(user.email);
    const second = await latestResetToken(user.email);
    expect(first).not.toBe(second);
    expect(Buffer.from(first, 'base64url').length).toBeGreaterThanOrEqual(32);

    expect((await confirm(second, 'a new and better phrase')).statusCode).toBe(204);
    expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const reused = await confirm(second, 'yet another fine phrase');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('INVALID_RESET_TOKEN');
    // The older link died with the password change too.
    expect((await confirm(first, 'yet another fine phrase')).statusCode).toBe(400);
    expect((await login(t.app, user.email, 'a new and better phrase')).statusCode).toBe(200);
  });

  it('a token expires after 60 minutes', async () => {
    const user = await signedInUser(t.app);
    await requestReset(user.email);
    const token = await latestResetToken(user.email);
    t.clock.advance(61 * 60_000);
    expect((await confirm(token, 'a new and better phrase')).statusCode).toBe(400);
  });

  it('a weak new password is refused and the token stays usable', async () => {
    const user = await signedInUser(t.app);
    await requestReset(user.email);
    const token = await latestResetToken(user.email);
    const weak = await confirm(token, 'password1');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect((await confirm(token, 'a much better passphrase')).statusCode).toBe(204);
  });
});

describe('bruteforce (ASVS 6.3.1, 2.4.1)', () => {
  it('150 wrong logins on one account with a rotating X-Forwarded-For: the rest get 429; the owner can still reset', async () => {
    const user = await signedInUser(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      const response = await login(t.app, user.email, `wrong guess number ${i}`, { 'x-forwarded-for': `203.0.113.${i % 250}` });
      statuses.push(response.statusCode);
    }
    const firstBlocked = statuses.indexOf(429);
    expect(firstBlocked).toBeGreaterThan(0);
    expect(firstBlocked).toBeLessThanOrEqual(t.config.loginLimits.perAccount);
    expect(statuses.slice(firstBlocked).every((s) => s === 429)).toBe(true);
    // Even the right password waits while the account is locked…
    const right = await login(t.app, user.email, user.password);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(right.headers['retry-after']).toBeDefined();
    // …but the owner can reset, which lifts the lock.
    await requestReset(user.email);
    expect((await confirm(await latestResetToken(user.email), 'my fresh passphrase here')).statusCode).toBe(204);
    expect((await login(t.app, user.email, 'my fresh passphrase here')).statusCode).toBe(200);
  });

  it('one client address guessing across many accounts is limited too', async () => {
    const app = await createTestApp();
    try {
      const limit = app.config.loginLimits.perAddress;
      const statuses: number[] = [];
      for (let i = 0; i < limit + 5; i += 1) {
        statuses.push((await login(app.app, uniqueEmail('spray'), 'Winter2026!', { 'x-forwarded-for': `198.51.100.${i % 250}` })).statusCode);
      }
      expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('TRUST_PROXY trusts X-Forwarded-For only from the configured proxy address', async () => {
    const app = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const limit = app.config.loginLimits.perAddress;
      const spray = (remoteAddress: string, i: number) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: uniqueEmail('spray'), password: 'Winter2026!' },
          headers: { 'x-forwarded-for': `192.0.2.${i % 250}` },
          remoteAddress,
        });
      // Through the trusted proxy, each forwarded address is its own client: nobody is over the limit.
      const viaProxy: number[] = [];
      for (let i = 0; i < limit + 5; i += 1) viaProxy.push((await spray('127.0.0.1', i)).statusCode);
      expect(viaProxy.every((s) => s === 401)).toBe(true);
      // From any other peer the header is ignored: the peer itself is the client and gets limited.
      const direct: number[] = [];
      for (let i = 0; i < limit + 5; i += 1) direct.push((await spray('198.18.0.9', i)).statusCode);
      expect(direct.slice(limit).every((s) => s === 429)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('enumeration (ASVS 6.3.8)', () => {
  it('unknown email and wrong password: same status and body, median times within 20 ms', async () => {
    const app = await createTestApp();
    try {
      // Three known accounts keep each under the per-account limit while we take 24 samples a side.
      const known = [await signedInUser(app.app), await signedInUser(app.app), await signedInUser(app.app)];
      const unknown: number[] = [];
      const wrong: number[] = [];
      let unknownBody = '';
      let wrongBody = '';
      const time = async (email: string) => {
        const start = performance.now();
        const response = await login(app.app, email, 'some wrong password');
        return { ms: performance.now() - start, response };
      };
      for (let i = 0; i < 24; i += 1) {
        // Alternate which goes first so drift on a busy machine hits both sides alike.
        const knownEmail = known[i % known.length]?.email ?? '';
        let a: Awaited<ReturnType<typeof time>>;
        let b: Awaited<ReturnType<typeof time>>;
        if (i % 2 === 0) {
          a = await time(uniqueEmail('ghost'));
          b = await time(knownEmail);
        } else {
          b = await time(knownEmail);
          a = await time(uniqueEmail('ghost'));
        }
        unknown.push(a.ms);
        wrong.push(b.ms);
        expect(a.response.statusCode).toBe(401);
        expect(b.response.statusCode).toBe(401);
        unknownBody = a.response.body;
        wrongBody = b.response.body;
      }
      expect(unknownBody).toBe(wrongBody);
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
      expect(Math.abs(median(unknown) - median(wrong))).toBeLessThan(20);
    } finally {
      await app.close();
    }
  });
});
