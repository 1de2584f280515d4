import { describe, expect, test } from 'vitest';
import { lastContactWords, nextDueWords, times } from './contact-time';

const now = new Date(2026, 10, 29, 15, 0);
const at = (month: number, day: number, hour = 12) => new Date(2026, month, day, hour).toISOString();

describe('lastContactWords', () => {
  test('says how long ago in days, and "never" when there was no contact', () => {
    expect(lastContactWords(null, now)).toBe('never');
    expect(lastContactWords(at(10, 29, 9), now)).toBe('today');
    expect(lastContactWords(at(10, 28, 23), now)).toBe('yesterday');
    expect(lastContactWords(at(9, 19), now)).toBe('41 days ago');
  });
});

describe('nextDueWords (CAD-08 due date in words)', () => {
  test('counts calendar days ahead, and overdue days once it has passed', () => {
    expect(nextDueWords(null, now)).toEqual({ words: 'no reminder set', tone: 'none' });
    expect(nextDueWords(at(11, 4), now)).toEqual({ words: 'due in 5 days', tone: 'soon' });
    expect(nextDueWords(at(11, 30), now)).toEqual({ words: 'due in 31 days', tone: 'later' });
    expect(nextDueWords(at(10, 30), now)).toEqual({ words: 'due tomorrow', tone: 'soon' });
    expect(nextDueWords(at(10, 29, 20), now)).toEqual({ words: 'due today', tone: 'soon' });
    expect(nextDueWords(at(10, 29, 8), now)).toEqual({ words: 'due today', tone: 'overdue' });
    expect(nextDueWords(at(10, 26), now)).toEqual({ words: 'overdue by 3 days', tone: 'overdue' });
    expect(nextDueWords(at(10, 28), now)).toEqual({ words: 'overdue by 1 day', tone: 'overdue' });
  });
});

describe('times', () => {
  test('reads naturally', () => {
    expect(times(1)).toBe('once');
    expect(times(2)).toBe('twice');
    expect(times(5)).toBe('5 times');
  });
});
