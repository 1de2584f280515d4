// Entry of the import check worker thread. Rapport runs its TypeScript through tsx, and a worker thread does not
// inherit tsx from the process that starts it, so this plain module loads the worker's code through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./check-worker.ts', import.meta.url);
