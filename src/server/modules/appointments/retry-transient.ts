import { sqlState } from '../../db/client';
import { errors } from '../../lib/errors';

// Deadlock detected and serialization failure: PostgreSQL aborted one transaction so that others can go on.
const TRANSIENT = new Set(['40P01', '40001']);

/**
 * Runs a transaction again when PostgreSQL aborted it to break a deadlock. Bookings that wait on each other's
 * uncommitted rows through the exclusion constraint (one moving into a slot another is leaving) can form a
 * cycle; the retry then sees the committed outcome and answers 2xx or 409 like any other attempt.
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!TRANSIENT.has(sqlState(error) ?? '')) throw error;
      if (attempt >= attempts) throw errors.conflict('CONFLICT', 'Several people are changing this time at once. Try again in a moment.');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
