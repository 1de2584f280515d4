import { describe, expect, test } from 'vitest';
import { BOTTOM_BAR_LIMIT, bottomBar, navFor } from './nav-items';

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((section) => section.items.map((item) => item.label));

describe('navFor', () => {
  test('a role sees only what it can use: the network for students and alumni, never for staff', () => {
    expect(labels('student')).toEqual(['Network', 'Appointments', 'Account']);
    expect(labels('alumni')).toEqual(['Network', 'Appointments', 'Account']);
    expect(labels('advisor')).toEqual(['Agenda', 'Availability', 'Account']);
    expect(labels('admin')).toEqual(['Users', 'Reason codes', 'Policy', 'Outbox', 'Audit', 'Account']);
  });

  test('UX.md: the phone bar holds five at most; beyond that, four and "More" with the rest in order', () => {
    const items = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((section) => section.items);
    for (const role of ['student', 'alumni', 'advisor'] as const) expect(bottomBar(items(role)).more).toEqual([]);
    const admin = bottomBar(items('admin'));
    expect(admin.bar.map((item) => item.label)).toEqual(['Users', 'Reason codes', 'Policy', 'Outbox']);
    expect(admin.more.map((item) => item.label)).toEqual(['Audit', 'Account']);
    expect(admin.bar.length + 1).toBeLessThanOrEqual(BOTTOM_BAR_LIMIT);
    const five = items('admin').slice(0, 5);
    expect(bottomBar(five)).toEqual({ bar: five, more: [] });
  });
});
