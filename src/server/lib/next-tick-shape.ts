import { createHook } from 'node:async_hooks';

/**
 * Keeps one entry of Node's `process.nextTick` queue alive for the life of the process (ADR 020).
 *
 * Every `nextTick` builds its queue entry with an object literal whose first keys are symbols. V8 remembers the
 * shape ("map") of that object at each property store. The shapes hang off each other by weak links, so a full
 * garbage collection at a moment when no queue entry is alive frees them; the next entry gets new shapes, and the
 * stores that remembered the old ones give up and take V8's slow path for good (megamorphic). Streams and HTTP
 * call `nextTick` several times a request, so from then on every request costs a few microseconds more. Opening
 * the embedded database with its extensions runs several full collections, which is how Rapport met it; any
 * long-running Node process meets it sooner or later.
 *
 * One entry that never dies keeps its shapes alive, and with them the fast path. Its callback does nothing.
 * Call this first thing in a process, before anything that allocates much.
 */
export function keepNextTickShape(): void {
  if (pinned !== undefined) return;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject' && pinned === undefined) pinned = resource;
    },
  });
  hook.enable();
  try {
    process.nextTick(doNothing);
  } finally {
    hook.disable();
  }
}

/** Whether the queue entry is held (for tests). */
export function nextTickShapeKept(): boolean {
  return pinned !== undefined;
}

let pinned: object | undefined;

function doNothing(): void {}
