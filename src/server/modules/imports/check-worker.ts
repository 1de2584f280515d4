// The import check worker's thread (started by row-checker.ts through check-worker.mjs): reads and checks import
// files off the event loop that serves requests and holds the embedded database, one job per message.
import { parentPort } from 'node:worker_threads';
import '../../lib/zod-messages';
import { checkImportFile, type ImportFile, type WritePlan } from './import-rows';
import { toWorkerError, type WorkerAnswer, type WorkerJob } from './worker-protocol';

if (!parentPort) throw new Error('check-worker.ts runs as a worker thread only');
const port = parentPort;

port.on('message', (job: WorkerJob) => {
  const post = (answer: WorkerAnswer) => port.postMessage(answer);
  const file: ImportFile = job.file;
  const plan: WritePlan | undefined = job.plan;
  checkImportFile(file, plan, (event) => post({ job: job.id, event })).then(
    () => post({ job: job.id, done: true }),
    (error: unknown) => post({ job: job.id, error: toWorkerError(error) }),
  );
});
port.postMessage({ ready: true } satisfies WorkerAnswer);
