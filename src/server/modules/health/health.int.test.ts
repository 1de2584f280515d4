import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { createDbLiveness } from './db-liveness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /healthz and /livez', () => {
  it('answers 200 {"status":"ok"} when the database answers', async () => {
    for (const url of ['/healthz', '/livez']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    }
  });

  it('stays quick while a long transaction holds the embedded database, and says so when it is down', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = t.database.db.transaction(async (tx) => {
      await tx.query.users.findFirst();
      await held;
    });
    const started = performance.now();
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    release();
    await transaction;
  });
});

describe('createDbLiveness', () => {
  it('is alive when the ping answers, busy-but-alive after a recent answer, down when the ping fails or never answered', async () => {
    let clock = 0;
    let mode: 'ok' | 'hang' | 'fail' = 'ok';
    const database = {
      ping: () => (mode === 'ok' ? Promise.resolve() : mode === 'fail' ? Promise.reject(new Error('closed')) : new Promise<void>(() => {})),
    };
    const isAlive = createDbLiveness(database, () => clock);
    expect(await isAlive()).toBe(true);
    mode = 'hang';
    clock = 5_000;
    expect(await isAlive()).toBe(true);
    clock = 20_000;
    expect(await isAlive()).toBe(false);
    const fresh = createDbLiveness({ ping: () => Promise.reject(new Error('closed')) }, () => 0);
    expect(await fresh()).toBe(false);
    const never = createDbLiveness({ ping: () => new Promise<void>(() => {}) }, () => 0);
    expect(await never()).toBe(false);
  });
});
