import { describe, expect, test } from 'vitest';
import { addDays, formatTime, groupByDay, localDate } from './zoned-time';

describe('zoned time on the appointment pages', () => {
  test('the same instant is a different calendar date and time in different zones', () => {
    const instant = new Date('2026-11-30T03:30:00Z');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-11-30');
    expect(localDate(instant, 'America/New_York')).toBe('2026-11-29');
    expect(formatTime(instant.toISOString(), 'America/New_York')).toBe('22:30');
  });

  test('days move by calendar, across month ends and DST changes', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-03-08', -7)).toBe('2026-03-01');
  });

  test('groups keep the order of the days', () => {
    const groups = groupByDay(['2026-12-02T09', '2026-12-01T10', '2026-12-01T09'], (value) => value.slice(0, 10));
    expect(groups).toEqual([
      { day: '2026-12-01', items: ['2026-12-01T10', '2026-12-01T09'] },
      { day: '2026-12-02', items: ['2026-12-02T09'] },
    ]);
  });
});
