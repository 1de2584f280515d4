import { describe, expect, test } from 'vitest';
import { isLateNow } from './appointment-labels';

describe('isLateNow', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  test('hour cutoffs are decided here; business-day ones are left to the server', () => {
    expect(isLateNow('2026-12-02T11:00:00Z', '24h', now)).toBe(true);
    expect(isLateNow('2026-12-02T13:00:00Z', '24h', now)).toBe(false);
    expect(isLateNow('2026-12-01T15:00:00Z', '4h', now)).toBe(true);
    expect(isLateNow('2026-12-05T12:00:00Z', '1_business_day', now)).toBeUndefined();
  });
});
