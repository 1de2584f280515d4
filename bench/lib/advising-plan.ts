// What the parent and the advising seed/check scripts (bench/servers/seed-advising-db.ts, advising-check.ts) tell
// each other. Kept apart from the scripts: importing a script would run it.

/** The code every seeded advisor offers, and the one the benchmarks search and book (30 minutes). */
export const BENCH_REASON_CODE = 'PART_TIME_JOB_SEARCH';

export type AdvisingPlan = {
  /**
   * 'office': advisors set up as an office would be (zones around the world, split days, buffers, notice,
   * exceptions, a realistic share already booked). 'plain': New York, Monday–Friday 09:00–17:00, no buffer, no
   * notice, a year ahead, nothing booked (the booking storm's advisors, as in booking-races.int.test.ts).
   */
  kind: 'office' | 'plain';
  advisors: number;
  /** Weeks ahead that already hold bookings (office only); four weeks behind hold past appointments. */
  weeks: number;
  /** Students who own the seeded appointments (no sign-in). */
  students: number;
  /** Students with a live session: their cookies are returned, in order. */
  signedIn: number;
  seed: number;
};

export type SeededAdvising = {
  type: 'seeded';
  advisors: { id: string; name: string; timeZone: string }[];
  cookies: string[];
  /** The signed-in students' ids, in the order of `cookies`. */
  studentIds: string[];
  counts: { rules: number; exceptions: number; appointments: number; holding: number; futureHolding: number; students: number; openSlots8w: number };
  ms: number;
};

export type CheckResult = {
  type: 'checked';
  stormRows: number;
  stormHoldingRows: number;
  stormMails: number;
  throughputRows: number;
  throughputMails: number;
  overlappingPairs: number;
};
