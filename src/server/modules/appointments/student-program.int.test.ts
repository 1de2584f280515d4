import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, bookableAdvisor, signedInUser, uniqueEmail, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { users } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';

/**
 * The student's programme of study (DESIGN.md roles: advisors see the booking student's name and program, never
 * their private network): set by the student through PATCH /api/v1/me, or by an admin at account creation;
 * carried by the appointment DTOs and the advisor's agenda.
 */

let t: TestApp;
let advisor: SignedInUser;
let admin: SignedInUser;
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW) });
  advisor = await bookableAdvisor(t.app);
  admin = await signedInUser(t.app, { role: 'admin' });
});
afterAll(async () => {
  await t.close();
});

const patchMe = (user: SignedInUser, payload: unknown) => as(t.app, user.cookie)({ method: 'PATCH', url: '/api/v1/me', payload: payload as object });

describe('PATCH /api/v1/me: the program', () => {
  it('200: a user sets their own program (trimmed), changes the name alone without losing it, and clears it with null or ""', async () => {
    const student = await signedInUser(t.app, { name: 'Aisha Bello' });
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/me' })).json().user.program).toBeNull();
    const set = await patchMe(student, { program: '  BA Economics, class of 2027 ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().user).toMatchObject({ name: 'Aisha Bello', program: 'BA Economics, class of 2027' });
    const renamed = await patchMe(student, { name: 'Aisha B.' });
    expect(renamed.json().user).toMatchObject({ name: 'Aisha B.', program: 'BA Economics, class of 2027' });
    const both = await patchMe(student, { name: 'Aisha Bello', program: 'MA Economics, class of 2029' });
    expect(both.json().user).toMatchObject({ name: 'Aisha Bello', program: 'MA Economics, class of 2029' });
    expect((await patchMe(student, { program: null })).json().user.program).toBeNull();
    await patchMe(student, { program: 'BA Economics' });
    expect((await patchMe(student, { program: '   ' })).json().user.program).toBeNull();
  });

  it('400 for more than 120 characters, control characters, a non-string, an empty body or unknown fields; 401 anonymous', async () => {
    const student = await signedInUser(t.app);
    await patchMe(student, { program: 'BSc Physics' });
    for (const payload of [{ program: 'x'.repeat(121) }, { program: 'BA\nEconomics' }, { program: 42 }, {}, { program: 'BA', role: 'admin' }]) {
      const response = await patchMe(student, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await patchMe(student, { program: 'x'.repeat(120) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { program: 'BA' } })).statusCode).toBe(401);
  });

  it('the database keeps the same bound (CHECK users_program_length)', async () => {
    const student = await signedInUser(t.app);
    await expect(t.app.services.db.update(users).set({ program: 'x'.repeat(121) }).where(eq(users.id, student.id))).rejects.toThrow();
  });
});

describe('POST /api/v1/admin/users: the program', () => {
  it('201: an admin creates a student with a program; without one it is null; 400 too long; 403 for an advisor', async () => {
    const create = (who: SignedInUser, payload: Record<string, unknown>) =>
      as(t.app, who.cookie)({ method: 'POST', url: '/api/v1/admin/users', payload: { email: uniqueEmail(), name: 'Jonas Becker', role: 'student', password: DEFAULT_PASSWORD, ...payload } });
    const created = await create(admin, { program: 'MSc Mechanical Engineering, class of 2027' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user).toMatchObject({ role: 'student', program: 'MSc Mechanical Engineering, class of 2027' });
    expect((await create(admin, {})).json().user.program).toBeNull();
    expect((await create(admin, { program: 'y'.repeat(121) })).statusCode).toBe(400);
    expect((await create(advisor, { program: 'BA' })).statusCode).toBe(403);
  });
});

describe('appointments carry studentProgram', () => {
  it('the student’s appointment, the advisor’s agenda item and the advisor’s appointment show the program; another advisor gets 404', async () => {
    const student = await signedInUser(t.app, { name: 'Mei Tanaka', program: 'BA International Relations, class of 2028' });
    const booked = await as(t.app, student.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: '2026-03-10T14:00:00Z', mode: 'video' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().appointment.studentProgram).toBe('BA International Relations, class of 2028');
    const id = booked.json().appointment.id;
    const agenda = await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-10' });
    expect(agenda.json().items.find((a: { id: string }) => a.id === id)).toMatchObject({
      student: { id: student.id, name: 'Mei Tanaka' },
      studentProgram: 'BA International Relations, class of 2028',
    });
    // A program changed later shows at once (it is read from the account, not copied).
    await patchMe(student, { program: 'BA International Relations and Economics, class of 2028' });
    const one = await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` });
    expect(one.json().appointment.studentProgram).toBe('BA International Relations and Economics, class of 2028');
    const list = await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/appointments' });
    expect(list.json().items[0].studentProgram).toBe('BA International Relations and Economics, class of 2028');
    const stranger = await bookableAdvisor(t.app, { name: 'Stranger' });
    expect((await as(t.app, stranger.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}` })).statusCode).toBe(404);
    // The advisor sees the name and program, nothing of the student's network or account internals.
    expect(one.body).not.toMatch(/auditPseudonym|passwordHash|contacts/);
  });
});
