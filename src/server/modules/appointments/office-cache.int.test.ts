import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableAdvisor, saveOfficePolicy, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { manualClock } from '../../lib/clock';
import { createOfficeService } from './office.service';

/**
 * ADR 016: each process keeps a copy of the reason codes and the office policy. An admin's change through the
 * process is seen by the very next booking and slot search; through another process within the copy's lifetime;
 * a code the copy does not know yet is looked up before it is refused.
 */

let t: TestApp;
let admin: SignedInUser;
let advisor: SignedInUser;
// Monday 2 March 2026, noon UTC.
const NOW = new Date('2026-03-02T12:00:00Z');
// Monday 9 March 2026, 10:00 in New York.
const SLOT = '2026-03-09T14:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
  admin = await signedInUser(t.app, { role: 'admin' });
  advisor = await bookableAdvisor(t.app, { codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION'] });
});
afterAll(async () => {
  await t.close();
});

const asAdmin = () => as(t.app, admin.cookie);

function book(student: SignedInUser, reasonCode: string, start: string, mode = 'in_person') {
  return as(t.app, student.cookie)({ method: 'POST', url: '/api/v1/appointments', payload: { advisorId: advisor.id, reasonCode, start, mode } });
}

function search(student: SignedInUser, reasonCode: string) {
  return as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/slots?reasonCode=${reasonCode}&advisorId=${advisor.id}&from=2026-03-09&to=2026-03-10&timeZone=America/New_York` });
}

describe('reason codes and policy read from the process copy (ADR 016)', () => {
  it('a code an admin retires is refused by the next slot search and booking, and offered again once brought back', async () => {
    const student = await signedInUser(t.app);
    // Both reads fill the copy first.
    expect((await search(student, 'CAREER_EXPLORATION')).statusCode).toBe(200);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/reason-codes' })).json().items.map((c: { code: string }) => c.code)).toContain('CAREER_EXPLORATION');

    expect((await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/CAREER_EXPLORATION', payload: { active: false } })).statusCode).toBe(200);
    const searched = await search(student, 'CAREER_EXPLORATION');
    expect(searched.statusCode).toBe(400);
    expect(searched.json().error.code).toBe('REASON_CODE_UNAVAILABLE');
    const booked = await book(student, 'CAREER_EXPLORATION', SLOT);
    expect(booked.statusCode).toBe(400);
    expect(booked.json().error.code).toBe('REASON_CODE_UNAVAILABLE');
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/reason-codes' })).json().items.map((c: { code: string }) => c.code)).not.toContain('CAREER_EXPLORATION');

    expect((await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/CAREER_EXPLORATION', payload: { active: true } })).statusCode).toBe(200);
    expect((await search(student, 'CAREER_EXPLORATION')).statusCode).toBe(200);
    const again = await book(student, 'CAREER_EXPLORATION', SLOT);
    expect(again.statusCode, again.body).toBe(201);
  });

  it('a change of modes or lengths applies to the next booking', async () => {
    const student = await signedInUser(t.app);
    expect((await search(student, 'PART_TIME_JOB_SEARCH')).statusCode).toBe(200);
    const patched = await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/PART_TIME_JOB_SEARCH', payload: { modes: ['video'] } });
    expect(patched.statusCode, patched.body).toBe(200);
    try {
      const inPerson = await book(student, 'PART_TIME_JOB_SEARCH', '2026-03-09T15:00:00.000Z', 'in_person');
      expect(inPerson.statusCode).toBe(400);
      expect(inPerson.json().error.code).toBe('VALIDATION_FAILED');
      expect((await book(student, 'PART_TIME_JOB_SEARCH', '2026-03-09T15:00:00.000Z', 'video')).statusCode).toBe(201);
    } finally {
      await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/PART_TIME_JOB_SEARCH', payload: { modes: ['in_person', 'phone', 'video'] } });
    }
  });

  it('a code created and assigned by an admin is bookable at once', async () => {
    const student = await signedInUser(t.app);
    expect((await search(student, 'PART_TIME_JOB_SEARCH')).statusCode).toBe(200);
    const created = await asAdmin()({
      method: 'POST',
      url: '/api/v1/admin/reason-codes',
      payload: { code: 'CACHE_NEW_CODE', label: 'A new code', description: 'Added during the term.', defaultMinutes: 30, allowedMinutes: [30], modes: ['in_person'], audience: ['student'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await asAdmin()({ method: 'PUT', url: '/api/v1/admin/reason-codes/CACHE_NEW_CODE/advisors', payload: { advisorIds: [advisor.id] } })).statusCode).toBe(200);
    expect((await search(student, 'CACHE_NEW_CODE')).json().items.length).toBeGreaterThan(0);
    expect((await book(student, 'CACHE_NEW_CODE', '2026-03-09T16:00:00.000Z')).statusCode).toBe(201);
  });

  it('a saved office policy is what the next request reads', async () => {
    const before = await asAdmin()({ method: 'GET', url: '/api/v1/admin/office-policy' });
    expect(before.statusCode).toBe(200);
    await saveOfficePolicy(t.app, admin, { documentLeadHours: 48 });
    const after = await asAdmin()({ method: 'GET', url: '/api/v1/admin/office-policy' });
    expect(after.json().policy.documentLeadHours).toBe(48);
    await saveOfficePolicy(t.app, admin, { documentLeadHours: 24 });
    expect((await asAdmin()({ method: 'GET', url: '/api/v1/admin/office-policy' })).json().policy.documentLeadHours).toBe(24);
  });

  it('another process sees a retirement once its copy expires, and a code it has not seen yet at once', async () => {
    const db = t.app.services.db;
    const student = { role: 'student' as const };
    const here = createOfficeService({ db, clock: t.app.services.clock, cacheTtlMs: 200 });
    const elsewhere = createOfficeService({ db, clock: t.app.services.clock, cacheTtlMs: 200 });
    expect((await elsewhere.bookableReason(student, 'INTERVIEW_PREP')).code).toBe('INTERVIEW_PREP');

    await here.updateCode(admin.id, 'INTERVIEW_PREP', { active: false });
    try {
      await expect(here.bookableReason(student, 'INTERVIEW_PREP')).rejects.toMatchObject({ code: 'REASON_CODE_UNAVAILABLE' });
      await sleep(250);
      await expect(elsewhere.bookableReason(student, 'INTERVIEW_PREP')).rejects.toMatchObject({ code: 'REASON_CODE_UNAVAILABLE' });
    } finally {
      await here.updateCode(admin.id, 'INTERVIEW_PREP', { active: true });
    }

    // Not in the other process's copy: looked up before it is refused.
    await here.createCode(admin.id, { code: 'CACHE_OTHER_PROCESS', label: 'Elsewhere', description: '', defaultMinutes: 30, allowedMinutes: [30], modes: ['video'], audience: ['student'], needsDocument: null, active: true });
    expect((await elsewhere.bookableReason(student, 'CACHE_OTHER_PROCESS')).code).toBe('CACHE_OTHER_PROCESS');
    await expect(elsewhere.bookableReason(student, 'NO_SUCH_CODE')).rejects.toMatchObject({ code: 'REASON_CODE_UNAVAILABLE' });
  });
});
