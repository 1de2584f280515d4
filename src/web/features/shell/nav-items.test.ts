import { describe, expect, test } from 'vitest';
import { navFor } from './nav-items';

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).flatMap((section) => section.items.map((item) => item.label));

describe('navFor', () => {
  test('a role sees only what it can use: the network for students and alumni, never for staff', () => {
    expect(labels('student')).toEqual(['Network', 'Appointments', 'Account']);
    expect(labels('alumni')).toEqual(['Network', 'Appointments', 'Account']);
    expect(labels('advisor')).toEqual(['Agenda', 'Availability', 'Account']);
    expect(labels('admin')).toEqual(['Users', 'Reason codes', 'Policy', 'Outbox', 'Audit', 'Account']);
  });
});
