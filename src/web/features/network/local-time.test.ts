import { describe, expect, test } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('datetime-local values', () => {
  test('go to the input and back to the same instant', () => {
    const moment = new Date(2026, 10, 29, 15, 9);
    expect(toLocalInput(moment)).toBe('2026-11-29T15:09');
    expect(fromLocalInput(toLocalInput(moment))).toBe(moment.toISOString());
  });

  test('refuse what is not a date', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});
