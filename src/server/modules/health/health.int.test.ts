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

  it('answers while a long transaction holds the embedded database, without queueing behind it', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    let release = () => {};
    let started = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (started = resolve));
    const transaction = t.database.db.transaction(async (tx) => {
      await tx.query.users.findFirst();
      started();
      await held;
    });
    await inside;
    let busyMeanwhile: boolean;
    let status: number;
    try {
      busyMeanwhile = t.database.busy();
      // The transaction is released only after the probe has answered: a probe that queued a ping behind it
      // would never answer, and the test would time out. The benchmark, not this test, measures how fast it is.
      status = (await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode;
    } finally {
      release();
      await transaction;
    }
    // PGlite: the transaction holds the one connection, the probe answers without queueing a ping behind it.
    // PostgreSQL: the ping takes another connection of the pool.
    expect(busyMeanwhile).toBe(t.database.kind === 'pglite');
    expect(status).toBe(200);
    expect(t.database.busy()).toBe(false);
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
    // Inside a transaction of ours, a recent answer is enough; a stale one means pinging (and here, down).
    let busy = true;
    const whileBusy = createDbLiveness({ ping: database.ping, busy: () => busy }, () => clock);
    mode = 'ok';
    expect(await whileBusy()).toBe(true);
    mode = 'hang';
    clock = 25_000;
    expect(await whileBusy()).toBe(true);
    clock = 40_000;
    expect(await whileBusy()).toBe(false);
    // A long transaction whose statements keep coming back (an import's batches) is alive however long it runs.
    let statementAt = 39_000;
    const importing = createDbLiveness({ ping: database.ping, busy: () => true, lastAnswerAt: () => statementAt }, () => clock);
    expect(await importing()).toBe(true);
    clock = 60_000;
    expect(await importing()).toBe(false);
    statementAt = 59_500;
    expect(await importing()).toBe(true);
    busy = false;
    const fresh = createDbLiveness({ ping: () => Promise.reject(new Error('closed')) }, () => 0);
    expect(await fresh()).toBe(false);
    const never = createDbLiveness({ ping: () => new Promise<void>(() => {}) }, () => 0);
    expect(await never()).toBe(false);
  });
});
