import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { sessions, users } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * ADR 016: requests that arrive together share one session lookup. Each still gets its own user, and a session
 * that has ended, idled out or whose account is disabled is refused however many arrive with it.
 */

let t: TestApp;
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
});
afterAll(async () => {
  await t.close();
});

const me = (cookie: string) => as(t.app, cookie)({ method: 'GET', url: '/api/v1/me' });

describe('session lookup shared by simultaneous requests (ADR 016)', () => {
  it('answers each of 60 requests at once with its own user; a signed-out, a disabled and an unknown cookie → 401', async () => {
    const students = await signedInUsers(t, 60);
    const [signedOut, disabled] = students;
    if (!signedOut || !disabled) throw new Error('no students');
    expect((await as(t.app, signedOut.cookie)({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBeLessThan(300);
    await t.app.services.db.update(users).set({ disabledAt: NOW }).where(eq(users.id, disabled.id));

    const answers = await Promise.all([...students.map((s) => me(s.cookie)), me(`${t.config.session.cookieName}=not-a-session`)]);
    const live = students.slice(2);
    expect(answers.slice(2, 2 + live.length).map((a) => a.statusCode)).toEqual(live.map(() => 200));
    expect(answers.slice(2, 2 + live.length).map((a) => a.json().user.id)).toEqual(live.map((s) => s.id));
    expect([answers[0]?.statusCode, answers[1]?.statusCode, answers.at(-1)?.statusCode]).toEqual([401, 401, 401]);
  });

  it('touches an idle session at most once a minute and refuses it after the idle timeout', async () => {
    const [student] = await signedInUsers(t, 1);
    if (!student) throw new Error('no student');
    const lastSeen = async () => (await t.app.services.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, student.id)))[0]?.at;
    const started = await lastSeen();
    t.clock.advance(30_000);
    expect((await me(student.cookie)).statusCode).toBe(200);
    expect(await lastSeen()).toEqual(started);
    t.clock.advance(31_000);
    await Promise.all([me(student.cookie), me(student.cookie), me(student.cookie)]);
    expect((await lastSeen())?.getTime()).toBe(t.clock.now().getTime());
    t.clock.advance((t.config.session.idleMinutes + 1) * 60_000);
    expect((await me(student.cookie)).statusCode).toBe(401);
    t.clock.set(NOW);
  });
});
