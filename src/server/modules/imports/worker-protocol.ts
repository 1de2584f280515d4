import type { ErrorCode, FieldIssue } from '../../../shared/contracts/errors';
import { AppError } from '../../lib/errors';
import type { CheckEvent, ImportFile, WritePlan } from './import-rows';

/** What row-checker.ts sends the check worker: one file to read and check. */
export type WorkerJob = { id: number; file: ImportFile; plan?: WritePlan };

/** An error crossing the thread boundary: an AppError keeps its status, code and issues; anything else its message. */
export type WorkerError =
  | { app: true; statusCode: number; code: ErrorCode; message: string; issues?: FieldIssue[] }
  | { app: false; message: string; stack?: string };

/** What the worker answers: once `ready`, then per job its events in order and finally `done` or `error`. */
export type WorkerAnswer =
  | { ready: true }
  | { job: number; event: CheckEvent }
  | { job: number; done: true }
  | { job: number; error: WorkerError };

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof AppError) {
    return { app: true, statusCode: error.statusCode, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  }
  const plain = error instanceof Error ? error : new Error(String(error));
  return { app: false, message: plain.message, ...(plain.stack ? { stack: plain.stack } : {}) };
}

export function fromWorkerError(error: WorkerError): Error {
  if (error.app) return new AppError(error.statusCode, error.code, error.message, error.issues);
  const plain = new Error(`import check worker: ${error.message}`);
  if (error.stack) plain.stack = error.stack;
  return plain;
}
