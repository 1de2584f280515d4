import { describe, expect, test } from 'vitest';
import { humanize, plural, timeAgo } from './format';

describe('timeAgo', () => {
  const now = new Date('2026-11-29T12:00:00Z');

  test('speaks in the largest whole unit', () => {
    expect(timeAgo('2026-11-29T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-11-29T11:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-11-28T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-11-08T12:00:00Z', now)).toBe('3 weeks ago');
    expect(timeAgo('2025-11-29T12:00:00Z', now)).toBe('last year');
  });
});

describe('humanize and plural', () => {
  test('turn codes and counts into words', () => {
    expect(humanize('password_reset')).toBe('Password reset');
    expect(humanize('appointment-confirmation')).toBe('Appointment confirmation');
    expect(plural(1, 'account')).toBe('1 account');
    expect(plural(3, 'account')).toBe('3 accounts');
    expect(plural(2, 'alumni', 'alumni')).toBe('2 alumni');
  });
});
