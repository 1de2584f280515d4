import type { Database, Db } from '../../db/client';
import { lockAdvisorTime, lockStudentBookings } from './appointments.repo';

/** Transaction-scoped advisory locks that order concurrent writers (ADR 012). */
export type WriteLocks = {
  /** Before changing which time these advisors hold: stops exclusion-constraint waits from forming deadlocks. */
  advisorTime(tx: Db, advisorIds: string[]): Promise<void>;
  /** Before counting a student's bookings against the term cap (APPT-06). */
  studentBookings(tx: Db, studentId: string): Promise<void>;
};

const none = async () => {};

/** On a server, real locks; PGlite has one connection and runs one transaction at a time, so none are needed. */
export function writeLocksFor(kind: Database['kind']): WriteLocks {
  if (kind === 'pglite') return { advisorTime: none, studentBookings: none };
  return { advisorTime: lockAdvisorTime, studentBookings: lockStudentBookings };
}
