import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableAdvisor, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { SEED_REASON_CODES } from '../../../shared/domain/reason-codes';
import { sqlState } from '../../db/client';
import { manualClock } from '../../lib/clock';

let t: TestApp;
let admin: SignedInUser;
let student: SignedInUser;
let advisor: SignedInUser;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(new Date('2026-03-02T12:00:00Z')) });
  admin = await signedInUser(t.app, { role: 'admin' });
  student = await signedInUser(t.app);
  advisor = await bookableAdvisor(t.app);
});
afterAll(async () => {
  await t.close();
});

const asAdmin = () => as(t.app, admin.cookie);

const newCode = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  label: 'Study abroad and work',
  description: 'Plan work experience during a semester abroad.',
  defaultMinutes: 30,
  allowedMinutes: [30, 45],
  modes: ['video'],
  audience: ['student'],
  ...overrides,
});

describe('reason codes (APPT-01)', () => {
  it('are seeded by the migration with the 20 codes of DOMAIN.md §6, in order, exactly as SEED_REASON_CODES', async () => {
    const response = await asAdmin()({ method: 'GET', url: '/api/v1/admin/reason-codes' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items.map(({ advisorIds: _a, ...rest }) => rest)).toEqual(
      SEED_REASON_CODES.map((c) => ({
        code: c.code,
        label: c.label,
        description: c.description,
        defaultMinutes: c.defaultMinutes,
        allowedMinutes: [...c.allowedMinutes],
        modes: [...c.modes],
        audience: [...c.audience],
        needsDocument: c.needsDocument,
        active: true,
      })),
    );
  });

  it('GET /api/v1/reason-codes lists the active codes to any signed-in user, incl. Part-Time Job Search Strategies; anonymous → 401', async () => {
    for (const user of [student, advisor, admin]) {
      const response = await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/reason-codes' });
      expect(response.statusCode).toBe(200);
      const items = response.json().items as { code: string; label: string }[];
      expect(items.find((c) => c.code === 'PART_TIME_JOB_SEARCH')).toMatchObject({ label: 'Part-Time Job Search Strategies', defaultMinutes: 30 });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reason-codes' })).statusCode).toBe(401);
  });

  it('an admin creates a code (201); a duplicate → 409 REASON_CODE_EXISTS; bad input → 400; others → 403, anonymous → 401', async () => {
    const created = await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('STUDY_ABROAD_WORK') });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().reasonCode).toMatchObject({ code: 'STUDY_ABROAD_WORK', active: true, needsDocument: null, advisorIds: [] });

    const again = await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('STUDY_ABROAD_WORK') });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REASON_CODE_EXISTS');

    for (const payload of [
      newCode('lower_case'),
      newCode('DEFAULT_NOT_ALLOWED', { defaultMinutes: 60 }),
      newCode('NO_MODES', { modes: [] }),
      newCode('BAD_MODE', { modes: ['carrier_pigeon'] }),
      { ...newCode('EXTRA_FIELD'), ownerId: admin.id },
    ]) {
      const response = await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }

    for (const user of [student, advisor]) {
      const response = await as(t.app, user.cookie)({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('SNEAKY_CODE') });
      expect(response.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('SNEAKY_CODE') })).statusCode).toBe(401);
  });

  it('PATCH edits and retires a code (gone from the public list); unknown → 404; default outside the allowed lengths → 400', async () => {
    await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('RETIRE_ME') });
    const patched = await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/RETIRE_ME', payload: { label: 'Retired soon', active: false } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().reasonCode).toMatchObject({ label: 'Retired soon', active: false });
    const list = await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/reason-codes' });
    expect(list.json().items.map((c: { code: string }) => c.code)).not.toContain('RETIRE_ME');

    expect((await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/NO_SUCH_CODE', payload: { label: 'x' } })).statusCode).toBe(404);
    const bad = await asAdmin()({ method: 'PATCH', url: '/api/v1/admin/reason-codes/RETIRE_ME', payload: { allowedMinutes: [45] } });
    expect(bad.statusCode).toBe(400);
    expect((await asAdmin()({ method: 'GET', url: '/api/v1/admin/reason-codes/RETIRE_ME' })).json().reasonCode.allowedMinutes).toEqual([30, 45]);
    expect((await asAdmin()({ method: 'GET', url: '/api/v1/admin/reason-codes/not-a-code' })).statusCode).toBe(400);
  });

  it('PUT …/advisors sets who offers a code; a non-advisor id → 400; the advisor sees it among their codes', async () => {
    await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('ASSIGNED_CODE') });
    const set = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/reason-codes/ASSIGNED_CODE/advisors', payload: { advisorIds: [advisor.id] } });
    expect(set.statusCode).toBe(200);
    expect(set.json().reasonCode.advisorIds).toEqual([advisor.id]);
    const mine = await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/advisors/me/reason-codes' });
    expect(mine.json().codes).toContain('ASSIGNED_CODE');

    const wrong = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/reason-codes/ASSIGNED_CODE/advisors', payload: { advisorIds: [student.id] } });
    expect(wrong.statusCode).toBe(400);
    const missing = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/reason-codes/NO_SUCH_CODE/advisors', payload: { advisorIds: [] } });
    expect(missing.statusCode).toBe(404);
  });

  it('DELETE removes an unused code (204); a code with appointments → 409 REASON_CODE_IN_USE; unknown → 404', async () => {
    await asAdmin()({ method: 'POST', url: '/api/v1/admin/reason-codes', payload: newCode('DELETE_ME') });
    expect((await asAdmin()({ method: 'DELETE', url: '/api/v1/admin/reason-codes/DELETE_ME' })).statusCode).toBe(204);
    expect((await asAdmin()({ method: 'DELETE', url: '/api/v1/admin/reason-codes/DELETE_ME' })).statusCode).toBe(404);

    const booked = await as(t.app, student.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: advisor.id, reasonCode: 'PART_TIME_JOB_SEARCH', start: '2026-03-09T15:00:00Z', mode: 'phone' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const inUse = await asAdmin()({ method: 'DELETE', url: '/api/v1/admin/reason-codes/PART_TIME_JOB_SEARCH' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('REASON_CODE_IN_USE');
  });
});

describe('office policy (APPT-02…06)', () => {
  const policy = {
    timezone: 'America/New_York',
    cancellationCutoff: '1_business_day',
    documentLeadHours: 24,
    noShowAfterMinutes: 10,
    noShowLadder: { notice: 1, warning: 2, blocked: 3 },
    termCap: 6,
    terms: [{ name: 'Spring 2026', startsOn: '2026-01-12', endsOn: '2026-05-08' }],
    holidays: ['2026-05-25', '2026-01-19'],
  };

  it('GET shows the handbook defaults before an admin saves one', async () => {
    const fresh = await createTestApp();
    try {
      const freshAdmin = await signedInUser(fresh.app, { role: 'admin' });
      const response = await as(fresh.app, freshAdmin.cookie)({ method: 'GET', url: '/api/v1/admin/office-policy' });
      expect(response.statusCode).toBe(200);
      expect(response.json().policy).toEqual({
        timezone: 'UTC',
        cancellationCutoff: '24h',
        documentLeadHours: 24,
        noShowAfterMinutes: 10,
        noShowLadder: { notice: 1, warning: 2, blocked: 3 },
        termCap: null,
        terms: [],
        holidays: [],
        advisorsMayBook: false,
        updatedAt: null,
      });
    } finally {
      await fresh.close();
    }
  });

  it('PUT saves the policy (holidays sorted, zone canonical); invalid input → 400; other roles → 403', async () => {
    const saved = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: { ...policy, timezone: 'america/new_york' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().policy).toMatchObject({ ...policy, holidays: ['2026-01-19', '2026-05-25'] });
    expect((await asAdmin()({ method: 'GET', url: '/api/v1/admin/office-policy' })).json().policy.termCap).toBe(6);

    for (const bad of [
      { ...policy, timezone: 'Mars/Olympus_Mons' },
      { ...policy, noShowLadder: { notice: 3, warning: 2, blocked: 1 } },
      { ...policy, cancellationCutoff: '3h' },
      { ...policy, terms: [{ name: 'Backwards', startsOn: '2026-05-01', endsOn: '2026-01-01' }] },
      { ...policy, holidays: ['2026-02-30'] },
      { ...policy, termCap: 0 },
    ]) {
      const response = await asAdmin()({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: bad });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
    }
    for (const user of [student, advisor]) {
      expect((await as(t.app, user.cookie)({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: policy })).statusCode).toBe(403);
      expect((await as(t.app, user.cookie)({ method: 'GET', url: '/api/v1/admin/office-policy' })).statusCode).toBe(403);
    }
    // Back to no cap for the rest of the file.
    await asAdmin()({ method: 'PUT', url: '/api/v1/admin/office-policy', payload: { ...policy, termCap: null } });
  });
});

describe('public interface', () => {
  it('the OpenAPI description lists the advising paths of DESIGN.md', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json();
    for (const path of ['/api/v1/reason-codes', '/api/v1/advisors/me/availability', '/api/v1/slots', '/api/v1/appointments', '/api/v1/appointments/{id}/cancel']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});

describe('APPT-07 exclusion constraint (migration 0006)', () => {
  async function insertRaw(studentId: string, advisorId: string, start: string, end: string, status = 'booked') {
    await t.database.db.execute(sql`
      insert into appointments (student_id, advisor_id, reason_code, mode, starts_at, ends_at, status, created_at, updated_at)
      values (${studentId}, ${advisorId}, 'PART_TIME_JOB_SEARCH', 'video', ${start}::timestamptz, ${end}::timestamptz, ${status}::appointment_status, now(), now())`);
  }

  it('refuses two time-holding appointments of one advisor that overlap (23P01), in SQL, without the app', async () => {
    const other = await bookableAdvisor(t.app, { name: 'Raw Advisor' });
    await insertRaw(student.id, other.id, '2026-04-01T14:00:00Z', '2026-04-01T15:00:00Z');
    let state: string | undefined;
    try {
      await insertRaw(student.id, other.id, '2026-04-01T14:30:00Z', '2026-04-01T15:30:00Z');
    } catch (error) {
      state = sqlState(error);
    }
    expect(state).toBe('23P01');
    // Touching is not overlapping ([start, end) ranges); another advisor is free; a cancelled one holds nothing.
    await insertRaw(student.id, other.id, '2026-04-01T15:00:00Z', '2026-04-01T15:30:00Z');
    await insertRaw(student.id, advisor.id, '2026-04-01T14:30:00Z', '2026-04-01T15:30:00Z');
    await insertRaw(student.id, other.id, '2026-04-01T14:00:00Z', '2026-04-01T15:00:00Z', 'cancelled');
    // Attendance outcomes keep holding the time.
    await insertRaw(student.id, other.id, '2026-04-02T14:00:00Z', '2026-04-02T15:00:00Z', 'attended');
    let again: string | undefined;
    try {
      await insertRaw(student.id, other.id, '2026-04-02T14:00:00Z', '2026-04-02T14:30:00Z');
    } catch (error) {
      again = sqlState(error);
    }
    expect(again).toBe('23P01');
  });
});
