/**
 * Coalesces reads that many requests make at once into one statement (ADR 016).
 *
 * Lookups asked for in the same turn of the event loop, or while an earlier call is still running, are answered
 * together by one call of `run`. A call starts in the turn's check phase (setImmediate), after every request whose
 * bytes arrived in that turn has asked, so a quiet server waits for no timer. PGlite runs each statement to the
 * end before anything else happens, so without this each of 200 simultaneous requests pays a statement of its
 * own. A lookup never joins a call that has already started: every answer is read after it was asked for (a
 * session ended a moment before is never seen as live, a booking committed a moment before is seen).
 *
 * `keyOf` names equal questions (asked once per call); `run` answers the distinct ones, by key.
 */
export function coalescedLookup<Q, V>(
  run: (questions: Q[]) => Promise<Map<string, V>>,
  keyOf: (question: Q) => string,
  maxPerCall = 500,
): (question: Q) => Promise<V | undefined> {
  type Waiter = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };
  type Pending = { question: Q; waiters: Waiter[] };
  let waiting = new Map<string, Pending>();
  // True from the moment a call is scheduled until it has answered and nothing else waits.
  let busy = false;

  function next(): void {
    if (waiting.size === 0) {
      busy = false;
      return;
    }
    let batch = waiting;
    if (waiting.size > maxPerCall) {
      const entries = [...waiting];
      batch = new Map(entries.slice(0, maxPerCall));
      waiting = new Map(entries.slice(maxPerCall));
    } else {
      waiting = new Map();
    }
    run([...batch.values()].map((pending) => pending.question))
      .then(
        (found) => {
          for (const [key, pending] of batch) for (const waiter of pending.waiters) waiter.resolve(found.get(key));
        },
        (error: unknown) => {
          for (const pending of batch.values()) for (const waiter of pending.waiters) waiter.reject(error);
        },
      )
      .finally(next);
  }

  return (question) =>
    new Promise<V | undefined>((resolve, reject) => {
      const key = keyOf(question);
      const pending = waiting.get(key);
      if (pending) pending.waiters.push({ resolve, reject });
      else waiting.set(key, { question, waiters: [{ resolve, reject }] });
      if (!busy) {
        busy = true;
        setImmediate(next);
      }
    });
}
