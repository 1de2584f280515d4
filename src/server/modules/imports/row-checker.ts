import { Worker } from 'node:worker_threads';
import { checkImportFile, type CheckEvent, type ImportFile, type WritePlan } from './import-rows';
import { fromWorkerError, type WorkerAnswer, type WorkerJob } from './worker-protocol';

/**
 * Where import files are read and checked (ADR 019). A file of at least `workerFromBytes` goes to one long-lived
 * worker thread, so the event loop (which on PGlite also runs the database) writes the rows already checked while
 * the worker checks the next ones; a smaller file is checked inline, where a thread's round trip would cost more
 * than it saves. Both give the same events in the same order.
 */
export type RowCheckerOptions = {
  /** Files of at least this many bytes are checked in the worker; Infinity never uses it, 0 always does. */
  workerFromBytes: number;
  /** The worker stops after this long without a file (it holds ~40–120 MiB); the next large file starts a new one. */
  idleMs?: number;
};

export const DEFAULT_WORKER_IDLE_MS = 60_000;

/** ~1,000 LinkedIn rows: below this, checking takes ~40 ms inline. */
export const DEFAULT_WORKER_FROM_BYTES = 128 * 1024;

export type RowChecker = {
  /** The file's events, in order; a file that cannot be read throws its AppError from the iteration. */
  check(file: ImportFile, plan: WritePlan | undefined): AsyncIterable<CheckEvent>;
  /** Stops the worker (when the app closes); jobs still running fail. */
  close(): Promise<void>;
  /** Whether a worker thread is alive now. */
  hasWorker(): boolean;
};

/** An unbounded queue of events with one reader: the producer never waits (a job is at most IMPORT_MAX_ROWS rows). */
class EventQueue implements AsyncIterable<CheckEvent> {
  private readonly items: CheckEvent[] = [];
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  push(event: CheckEvent): void {
    this.items.push(event);
    this.signal();
  }

  end(error?: Error): void {
    this.ended = true;
    this.failure = error;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CheckEvent> {
    for (;;) {
      const next = this.items.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.ended) {
        if (this.failure) throw this.failure;
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}

function checkInline(file: ImportFile, plan: WritePlan | undefined): EventQueue {
  const queue = new EventQueue();
  checkImportFile(file, plan, (event) => queue.push(event)).then(
    () => queue.end(),
    (error: unknown) => queue.end(error instanceof Error ? error : new Error(String(error))),
  );
  return queue;
}

export function createRowChecker(options: RowCheckerOptions): RowChecker {
  let worker: Worker | undefined;
  let nextJob = 1;
  const running = new Map<number, EventQueue>();
  let idleTimer: NodeJS.Timeout | undefined;

  function stopWhenIdle(): void {
    if (running.size > 0 || !worker) return;
    const idle = worker;
    idleTimer = setTimeout(() => {
      if (worker === idle && running.size === 0) {
        worker = undefined;
        void idle.terminate();
      }
    }, options.idleMs ?? DEFAULT_WORKER_IDLE_MS);
    idleTimer.unref();
  }

  function failAll(error: Error): void {
    for (const queue of running.values()) queue.end(error);
    running.clear();
  }

  function startWorker(): Worker {
    const started = new Worker(new URL('./check-worker.mjs', import.meta.url));
    // Idle between imports, it must not keep the process alive.
    started.unref();
    started.on('message', (answer: WorkerAnswer) => {
      if ('ready' in answer) return;
      const queue = running.get(answer.job);
      if (!queue) return;
      if ('event' in answer) queue.push(answer.event);
      else {
        running.delete(answer.job);
        queue.end('error' in answer ? fromWorkerError(answer.error) : undefined);
        stopWhenIdle();
      }
    });
    // A worker that dies takes its jobs with it; the next import starts a new one.
    const lost = (error: Error) => {
      if (worker !== started) return;
      worker = undefined;
      failAll(error);
    };
    started.on('error', lost);
    started.on('exit', (code) => lost(new Error(`import check worker stopped (exit code ${code})`)));
    return started;
  }

  return {
    check(file, plan) {
      if (file.body.byteLength < options.workerFromBytes) return checkInline(file, plan);
      clearTimeout(idleTimer);
      worker ??= startWorker();
      const id = nextJob++;
      const queue = new EventQueue();
      running.set(id, queue);
      worker.postMessage({ id, file, ...(plan ? { plan } : {}) } satisfies WorkerJob);
      return queue;
    },
    hasWorker: () => worker !== undefined,
    async close() {
      clearTimeout(idleTimer);
      const stopping = worker;
      worker = undefined;
      if (stopping) await stopping.terminate();
      failAll(new Error('the app is closing'));
    },
  };
}
