import { describe, expect, test } from 'vitest';
import { dayPartOf, dayParts, formatWeekRange, weekDates, weekStart, weeksBetween } from './week';

describe('weeks on the booking page', () => {
  test('a week runs Monday to Sunday, across month and year ends', () => {
    expect(weekStart('2026-12-09')).toBe('2026-12-07');
    expect(weekStart('2026-12-07')).toBe('2026-12-07');
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(weekDates('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weeksBetween('2026-12-07', '2027-01-04')).toBe(4);
  });

  test('a week across the March DST change is still seven calendar days', () => {
    expect(weekDates('2027-03-08').at(-1)).toBe('2027-03-14');
    expect(weekStart('2027-03-14')).toBe('2027-03-08');
  });

  test('dates are written as the calendar says, in any viewer zone', () => {
    expect(dayParts('2026-12-08')).toEqual({ short: 'Tue', day: '8', month: 'December', long: 'Tuesday 8 December' });
    expect(formatWeekRange('2026-12-07')).toBe('7–13 December 2026');
    expect(formatWeekRange('2026-11-30')).toBe('30 November – 6 December 2026');
    expect(formatWeekRange('2026-12-28')).toBe('28 December 2026 – 3 January 2027');
  });

  test('times fall into morning, afternoon and evening by the local clock', () => {
    expect(dayPartOf('2026-12-08T09:30:00-05:00')).toBe('morning');
    expect(dayPartOf('2026-12-08T12:00:00-05:00')).toBe('afternoon');
    expect(dayPartOf('2026-12-08T17:00:00+01:00')).toBe('evening');
  });
});
