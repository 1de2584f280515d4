import type { Database } from '../../db/client';

const BUDGET_MS = 100;
const RECENT_MS = 10_000;

/**
 * Whether the database is alive, answered within 100 ms. The embedded database has one connection, so a
 * long write (a 10,000-row import) makes every other query wait for it; a health probe must not wait with
 * them. If the ping has not come back within the budget but the database answered one within the last 10 s,
 * it is busy, not down. While the embedded database is inside one of our transactions and answered within the
 * last 10 s, the probe says so at once instead of queueing a ping behind the transaction. At most one ping is
 * in flight; a failing ping means down at once.
 */
export function createDbLiveness(database: Pick<Database, 'ping'> & Partial<Pick<Database, 'busy' | 'lastAnswerAt'>>, now: () => number = Date.now) {
  let inFlight: Promise<boolean> | undefined;
  let lastAnswer = Number.NEGATIVE_INFINITY;

  return async function isAlive(): Promise<boolean> {
    // Inside a transaction, each statement that comes back is an answer too: a 10,000-row import on a slow
    // machine can hold the connection for longer than RECENT_MS, one batch after another.
    if (database.busy?.() && now() - Math.max(lastAnswer, database.lastAnswerAt?.() ?? Number.NEGATIVE_INFINITY) < RECENT_MS) return true;
    inFlight ??= database.ping().then(
      () => {
        lastAnswer = now();
        inFlight = undefined;
        return true;
      },
      () => {
        inFlight = undefined;
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), BUDGET_MS);
    });
    const answer = await Promise.race([inFlight, late]);
    clearTimeout(timer);
    if (answer !== null) return answer;
    return now() - lastAnswer < RECENT_MS;
  };
}
