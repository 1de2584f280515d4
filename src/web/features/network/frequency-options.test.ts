import { describe, expect, test } from 'vitest';
import { frequencyOptions, frequencyOptionsWithDefault, parseFrequency } from './frequency-options';

describe('keep-in-touch options (CAD-08)', () => {
  test('offer 7/14/30/60/90/180/365 days and none, naming the circle default', () => {
    expect(frequencyOptions(90, 'professional').map((option) => option.label)).toEqual([
      'Every week',
      'Every 2 weeks',
      'Every month',
      'Every 2 months',
      'Every 3 months (default)',
      'Every 6 months',
      'Every year',
      'No reminders',
    ]);
    expect(frequencyOptions(null, 'new').at(-1)).toEqual({ value: 'none', label: 'No reminders (default)' });
  });

  test('keep a custom frequency a contact already has', () => {
    expect(frequencyOptions(45).map((option) => option.value)).toEqual(['7', '14', '30', '45', '60', '90', '180', '365', 'none']);
  });

  test('read back the choice, with the circle default and none', () => {
    expect(parseFrequency('30', 'professional')).toBe(30);
    expect(parseFrequency('none', 'professional')).toBeNull();
    expect(parseFrequency('default', 'personal')).toBe(30);
    expect(parseFrequency('default', 'new')).toBeNull();
    expect(frequencyOptionsWithDefault('community')[0]).toEqual({ value: 'default', label: 'Circle default: every 3 months' });
  });
});
