import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  DEFAULT_APPOINTMENT_POLICY,
  TIME_HOLDING_STATUSES,
  type Term,
  bookingRefusal,
  businessDaysBefore,
  canMarkAttendance,
  canTransition,
  cancellationDeadline,
  cancellationStatus,
  classifyAttendance,
  countInTerm,
  countsTowardTermCap,
  documentDeadline,
  holdsAdvisorTime,
  isDocumentOnTime,
  isLateCancellation,
  isUnderTermCap,
  noShowStanding,
  termAt,
  termOn,
} from './appointment-policy';

const NY_OFFICE = { timeZone: 'America/New_York', holidays: [] as string[] };
const d = (iso: string) => new Date(iso);

describe('APPT-02 documents', () => {
  const start = d('2026-06-10T14:00:00Z');

  it('APPT-02: a document is due 24 h before the start; an upload exactly then is on time', () => {
    expect(documentDeadline(start)).toEqual(d('2026-06-09T14:00:00Z'));
    expect(isDocumentOnTime(d('2026-06-09T13:59:00Z'), start)).toBe(true);
    expect(isDocumentOnTime(d('2026-06-09T14:00:00Z'), start)).toBe(true);
    expect(isDocumentOnTime(d('2026-06-09T14:01:00Z'), start)).toBe(false);
  });
});

describe('APPT-03 cancellation cutoff', () => {
  const start = d('2026-06-10T14:00:00Z'); // Wed

  it('APPT-03: the default is 24 h; cancelling at the deadline is on time, a second later is late', () => {
    expect(DEFAULT_APPOINTMENT_POLICY.cancellationCutoff).toBe('24h');
    expect(cancellationDeadline(start, '24h', NY_OFFICE)).toEqual(d('2026-06-09T14:00:00Z'));
    expect(isLateCancellation(start, d('2026-06-09T13:59:59Z'), '24h', NY_OFFICE)).toBe(false);
    expect(isLateCancellation(start, d('2026-06-09T14:00:00Z'), '24h', NY_OFFICE)).toBe(false);
    expect(isLateCancellation(start, d('2026-06-09T14:00:01Z'), '24h', NY_OFFICE)).toBe(true);
  });

  it('APPT-03: the 4 h and 48 h presets count real hours', () => {
    expect(cancellationDeadline(start, '4h', NY_OFFICE)).toEqual(d('2026-06-10T10:00:00Z'));
    expect(cancellationDeadline(start, '48h', NY_OFFICE)).toEqual(d('2026-06-08T14:00:00Z'));
  });

  it('APPT-03: business days skip the weekend (Monday 10:00 → Friday 10:00, or Thursday for two)', () => {
    const monday = d('2026-06-15T14:00:00Z'); // 10:00 EDT
    expect(cancellationDeadline(monday, '1_business_day', NY_OFFICE)).toEqual(d('2026-06-12T14:00:00Z'));
    expect(cancellationDeadline(monday, '2_business_days', NY_OFFICE)).toEqual(d('2026-06-11T14:00:00Z'));
    expect(cancellationDeadline(d('2026-06-16T14:00:00Z'), '1_business_day', NY_OFFICE)).toEqual(d('2026-06-15T14:00:00Z'));
  });

  it('APPT-03: business days skip listed holidays (Fri 3 Jul 2026, Independence Day observed)', () => {
    const office = { ...NY_OFFICE, holidays: ['2026-07-03'] };
    const monday = d('2026-07-06T14:00:00Z');
    expect(cancellationDeadline(monday, '1_business_day', office)).toEqual(d('2026-07-02T14:00:00Z'));
    expect(cancellationDeadline(monday, '2_business_days', office)).toEqual(d('2026-07-01T14:00:00Z'));
    expect(isLateCancellation(monday, d('2026-07-02T14:00:00Z'), '1_business_day', office)).toBe(false);
    expect(isLateCancellation(monday, d('2026-07-03T09:00:00Z'), '1_business_day', office)).toBe(true);
  });

  it('APPT-03: business days keep the wall time across a DST change (Mon 9 Mar 10:00 EDT → Fri 6 Mar 10:00 EST)', () => {
    expect(cancellationDeadline(d('2026-03-09T14:00:00Z'), '1_business_day', NY_OFFICE)).toEqual(d('2026-03-06T15:00:00Z'));
  });

  it('APPT-03: counting back from a weekend start lands on the Friday before', () => {
    expect(businessDaysBefore('2026-06-13', 1, [])).toBe('2026-06-12');
    expect(businessDaysBefore('2026-06-15', 2, ['2026-06-12'])).toBe('2026-06-10');
  });

  it('APPT-03: a student cancelling late is late_cancelled; staff cancelling is never late; after the start, no cancel', () => {
    const base = { start, cutoff: '24h' as const, calendar: NY_OFFICE };
    expect(cancellationStatus({ ...base, now: d('2026-06-08T12:00:00Z'), by: 'student' })).toBe('cancelled');
    expect(cancellationStatus({ ...base, now: d('2026-06-10T12:00:00Z'), by: 'student' })).toBe('late_cancelled');
    expect(cancellationStatus({ ...base, now: d('2026-06-10T12:00:00Z'), by: 'staff' })).toBe('cancelled');
    expect(cancellationStatus({ ...base, now: start, by: 'student' })).toBeNull();
  });
});

describe('APPT-04 attendance', () => {
  const start = d('2026-06-10T14:00:00Z');
  const at = (time: string) => d(`2026-06-10T${time}Z`);
  const classify = (lengthMinutes: number, arrivedAt: Date | null, now: Date) => classifyAttendance({ start, lengthMinutes, arrivedAt, now });

  it('APPT-04: on time is attended, up to 10 min late is late, more than 10 min late is a no-show', () => {
    const now = at('15:00:00');
    expect(classify(30, at('13:58:00'), now)).toBe('attended');
    expect(classify(30, at('14:00:00'), now)).toBe('attended');
    expect(classify(30, at('14:05:00'), now)).toBe('late');
    expect(classify(30, at('14:10:00'), now)).toBe('late');
    expect(classify(30, at('14:10:01'), now)).toBe('no_show');
  });

  it('APPT-04: absent at the halfway point is a no-show, sooner than 10 min for a 15-minute appointment', () => {
    expect(classify(15, at('14:07:00'), at('15:00:00'))).toBe('late');
    expect(classify(15, at('14:07:30'), at('15:00:00'))).toBe('late');
    expect(classify(15, at('14:08:00'), at('15:00:00'))).toBe('no_show');
    expect(classify(15, null, at('14:08:00'))).toBe('no_show');
  });

  it('APPT-04: not arrived yet is pending until the no-show moment has passed', () => {
    expect(classify(30, null, at('14:09:00'))).toBe('pending');
    expect(classify(30, null, at('14:10:00'))).toBe('pending');
    expect(classify(30, null, at('14:10:01'))).toBe('no_show');
  });

  it('APPT-04: the lateness setting changes the threshold', () => {
    expect(classifyAttendance({ start, lengthMinutes: 60, arrivedAt: at('14:12:00'), now: at('15:00:00') }, 15)).toBe('late');
  });

  it('attendance is marked from the start, never before', () => {
    expect(canMarkAttendance(start, at('13:59:00'))).toBe(false);
    expect(canMarkAttendance(start, start)).toBe(true);
  });
});

describe('APPT-05 no-show ladder and APPT-06 term cap', () => {
  it('APPT-05: 1 → notice, 2 → warning, 3 → blocked', () => {
    expect([0, 1, 2, 3, 4].map((n) => noShowStanding(n))).toEqual(['none', 'notice', 'warning', 'blocked', 'blocked']);
    expect(noShowStanding(1, { notice: 2, warning: 3, blocked: 4 })).toBe('none');
  });

  it('APPT-06: no cap by default; with a cap of 3, a third booking fits and a fourth does not', () => {
    expect(DEFAULT_APPOINTMENT_POLICY.termCap).toBeNull();
    expect(isUnderTermCap(100, null)).toBe(true);
    expect(isUnderTermCap(2, 3)).toBe(true);
    expect(isUnderTermCap(3, 3)).toBe(false);
  });

  it('APPT-05/06: a block comes before the cap; otherwise booking is allowed', () => {
    const policy = { ...DEFAULT_APPOINTMENT_POLICY, termCap: 3 };
    expect(bookingRefusal({ noShowsThisTerm: 3, appointmentsThisTerm: 5, policy })).toBe('no_show_blocked');
    expect(bookingRefusal({ noShowsThisTerm: 2, appointmentsThisTerm: 3, policy })).toBe('term_cap_reached');
    expect(bookingRefusal({ noShowsThisTerm: 2, appointmentsThisTerm: 2, policy })).toBeNull();
  });

  it('APPT-06: every status but an on-time cancellation counts toward the cap', () => {
    expect(APPOINTMENT_STATUSES.filter(countsTowardTermCap)).toEqual(['booked', 'late_cancelled', 'attended', 'late', 'no_show']);
  });
});

describe('terms', () => {
  const fall: Term = { id: 'fall-2026', name: 'Fall 2026', startsOn: '2026-08-24', endsOn: '2026-12-18' };
  const spring: Term = { id: 'spring-2027', name: 'Spring 2027', startsOn: '2027-01-11', endsOn: '2027-05-07' };
  const terms = [fall, spring];

  it('finds the term containing a date, first and last days included, none between terms', () => {
    expect(termOn('2026-08-24', terms)).toBe(fall);
    expect(termOn('2026-12-18', terms)).toBe(fall);
    expect(termOn('2026-12-25', terms)).toBeNull();
    expect(termOn('2027-03-01', terms)).toBe(spring);
  });

  it('reads an instant’s date in the office zone (Fri 18 Dec 22:00 in New York is still Fall)', () => {
    const lateEvening = d('2026-12-19T03:00:00Z');
    expect(termAt(lateEvening, terms, 'America/New_York')).toBe(fall);
    expect(termAt(lateEvening, terms, 'UTC')).toBeNull();
  });

  it('an overlapping shorter term inside a longer one wins for its dates', () => {
    const summer: Term = { id: 'summer-2027', name: 'Summer 2027', startsOn: '2027-05-01', endsOn: '2027-08-13' };
    expect(termOn('2027-05-03', [...terms, summer])).toBe(summer);
  });

  it('APPT-05: counters reset each term — three fall no-shows block in fall, none count in spring', () => {
    const noShows = [d('2026-09-10T15:00:00Z'), d('2026-10-01T15:00:00Z'), d('2026-11-05T15:00:00Z')];
    expect(noShowStanding(countInTerm(noShows, fall, 'America/New_York'))).toBe('blocked');
    expect(noShowStanding(countInTerm(noShows, spring, 'America/New_York'))).toBe('none');
  });
});

describe('appointment state machine', () => {
  const allowed = new Set([
    'booked→cancelled',
    'booked→late_cancelled',
    'booked→attended',
    'booked→late',
    'booked→no_show',
    'attended→late',
    'attended→no_show',
    'late→attended',
    'late→no_show',
    'no_show→attended',
    'no_show→late',
  ]);

  it('allows exactly the listed transitions among all 36 pairs', () => {
    for (const from of APPOINTMENT_STATUSES) {
      for (const to of APPOINTMENT_STATUSES) expect(canTransition(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
    }
  });

  it('cancelling twice is refused, and nothing returns to booked', () => {
    expect(canTransition('cancelled', 'cancelled')).toBe(false);
    expect(canTransition('late_cancelled', 'cancelled')).toBe(false);
    expect(APPOINTMENT_STATUSES.some((from: AppointmentStatus) => canTransition(from, 'booked'))).toBe(false);
  });

  it('APPT-07: booked and attendance outcomes hold the advisor’s time; cancellations free it', () => {
    expect([...TIME_HOLDING_STATUSES]).toEqual(['booked', 'attended', 'late', 'no_show']);
    expect(holdsAdvisorTime('cancelled')).toBe(false);
    expect(holdsAdvisorTime('late_cancelled')).toBe(false);
    expect(holdsAdvisorTime('booked')).toBe(true);
  });
});
