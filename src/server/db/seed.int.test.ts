import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contracts/users';
import { as, createTestApp, sessionCookieFrom, type TestApp } from '../../../tests/setup/test-app';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemoOffice } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('seedDemoOffice', () => {
  it('creates one admin, two advisors, three alumni and four students on the demo domain, and is idempotent', async () => {
    const first = await seedDemoOffice(t.app.services);
    const second = await seedDemoOffice(t.app.services);
    expect(second).toEqual(first);

    const count = (role: string) => first.filter((a) => a.role === role).length;
    expect({ admin: count('admin'), advisor: count('advisor'), alumni: count('alumni'), student: count('student') }).toEqual({
      admin: 1,
      advisor: 2,
      alumni: 3,
      student: 4,
    });
    expect(new Set(first.map((a) => a.email)).size).toBe(10);
    for (const account of first) {
      expect(account.email.endsWith(`@${DEMO_DOMAIN}`)).toBe(true);
      expect(account.password).toBe(DEMO_PASSWORD);
    }

    // Seeding twice created no second account: the admin's user list holds each demo email once.
    const admin = first.find((a) => a.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password: admin.password } });
    const users = await as(t.app, sessionCookieFrom(login))({ method: 'GET', url: `/api/v1/admin/users?q=${DEMO_DOMAIN}&limit=100` });
    expect(users.statusCode).toBe(200);
    const emails: string[] = users.json().items.map((u: { email: string }) => u.email);
    expect(emails.sort()).toEqual(first.map((a) => a.email).sort());
  });

  it('gives every demo student a programme of study, which their /api/v1/me shows', async () => {
    const accounts = await seedDemoOffice(t.app.services);
    for (const student of accounts.filter((a) => a.role === 'student')) {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: student.email, password: student.password } });
      const me = await as(t.app, sessionCookieFrom(login))({ method: 'GET', url: '/api/v1/me' });
      expect(me.json().user.program, student.email).toMatch(/^(BA|BSc|MSc) .+, class of 20\d\d$/);
    }
  });

  it('gives the demo advisors hours and codes: a demo student finds Part-Time Job Search Strategies slots with both', async () => {
    const accounts = await seedDemoOffice(t.app.services);
    const student = accounts.find((a) => a.role === 'student');
    if (!student) throw new Error('no demo student');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: student.email, password: student.password } });
    const slots = await as(t.app, sessionCookieFrom(login))({ method: 'GET', url: '/api/v1/slots?reasonCode=PART_TIME_JOB_SEARCH&timeZone=Europe/London' });
    expect(slots.statusCode).toBe(200);
    const names = new Set(slots.json().items.map((s: { advisorName: string }) => s.advisorName));
    expect(names).toEqual(new Set(['Maya Castillo', 'Daniel Okonkwo']));
  });

  it.each(ROLES)('lets the demo %s sign in through POST /api/v1/auth/login with the printed password', async (role) => {
    const accounts = await seedDemoOffice(t.app.services);
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no demo ${role}`);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ email: account.email, name: account.name, role });
    const me = await as(t.app, sessionCookieFrom(login))({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().user).toMatchObject({ email: account.email, role });
  });

  it('fills a student’s network (four circles, due ties, a duplicate to merge) and books appointments the advisors see', async () => {
    const accounts = await seedDemoOffice(t.app.services);
    const signIn = async (local: string) => {
      const account = accounts.find((a) => a.email.startsWith(`${local}@`));
      if (!account) throw new Error(`no demo ${local}`);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password } });
      return as(t.app, sessionCookieFrom(login));
    };
    const aisha = await signIn('aisha.bello');
    const contacts = (await aisha({ method: 'GET', url: '/api/v1/contacts?limit=100' })).json().items as { circle: string }[];
    expect(contacts).toHaveLength(8);
    expect(new Set(contacts.map((c) => c.circle))).toEqual(new Set(['professional', 'community', 'personal', 'new']));
    const due = (await aisha({ method: 'GET', url: '/api/v1/reminders' })).json().items as unknown[];
    expect(due.length).toBeGreaterThan(0);
    const duplicates = (await aisha({ method: 'GET', url: '/api/v1/contacts/duplicates' })).json();
    expect(JSON.stringify(duplicates)).toContain('Grace');

    const maya = await signIn('maya.castillo');
    const agenda = async (includeCancelled: boolean) => {
      const items: { reasonCode: string; status: string }[] = [];
      for (let week = 0; week < 4; week += 1) {
        const date = new Date(Date.now() + week * 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        items.push(...(await maya({ method: 'GET', url: `/api/v1/advisors/me/agenda?view=week&date=${date}&includeCancelled=${String(includeCancelled)}` })).json().items);
      }
      return items;
    };
    expect((await agenda(false)).map((a) => a.reasonCode).sort()).toEqual(['PART_TIME_JOB_SEARCH', 'RESUME_REVIEW']);
    expect((await agenda(true)).filter((a) => a.status === 'cancelled').map((a) => a.reasonCode)).toEqual(['INTERNSHIP_SEARCH']);

    // Seeding again adds nothing: the same contacts and bookings.
    await seedDemoOffice(t.app.services);
    expect((await aisha({ method: 'GET', url: '/api/v1/contacts?limit=100' })).json().items).toHaveLength(8);
    expect(await agenda(true)).toHaveLength(3);
  });
});
