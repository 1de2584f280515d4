import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { IMPORT_PREVIEW_ROWS, type ImportResponse } from '../../../shared/contracts/imports';
import { displayName } from '../../../shared/domain/cadence';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import { CHECK_CHUNK_ROWS, EMPTY_PREVIEW, type CheckedRow, type ImportFile, type WritePlan } from './import-rows';
import { createMatcher, type ExistingContact } from './import-matching';
import {
  copyContactLines,
  findMatchCandidates,
  findMatchCandidatesByKeys,
  flushSearchIndexes,
  insertContactRecords,
  lockOwnerImports,
  readNetworkUpTo,
  type MatchKeys,
} from './imports.repo';
import type { RowChecker } from './row-checker';

/** From this many new rows on, a commit flushes the search indexes' pending lists after it answers. */
export const FLUSH_INDEXES_FROM_ROWS = 1_000;

export type ImportRequest = ImportFile & { dryRun: boolean };

type Classified = { row: CheckedRow; status: 'new' | 'duplicate' | 'error'; duplicateOf?: ExistingContact; message?: string };

type Matcher = ReturnType<typeof createMatcher>;

function classifyRow(matcher: Matcher, row: CheckedRow): Classified {
  if (!row.ok) return { row, status: 'error', message: row.message };
  const duplicateOf = matcher.existing(row.identity);
  const earlier = matcher.earlierRow(row.identity, row.row);
  if (duplicateOf) return { row, status: 'duplicate', duplicateOf, message: 'Already in your network.' };
  if (earlier !== undefined) return { row, status: 'duplicate', message: `The same person as row ${earlier}.` };
  return { row, status: 'new' };
}

/** Every row classified against `existing`, giving the event loop a turn every CHECK_CHUNK_ROWS rows. */
async function classify(rows: readonly CheckedRow[], existing: readonly ExistingContact[]): Promise<Classified[]> {
  const matcher = createMatcher(existing);
  const out: Classified[] = [];
  for (const [index, row] of rows.entries()) {
    if (index % CHECK_CHUNK_ROWS === CHECK_CHUNK_ROWS - 1) await nextTurn();
    out.push(classifyRow(matcher, row));
  }
  return out;
}

function matchKeys(rows: readonly CheckedRow[]): MatchKeys {
  const valid = rows.flatMap((row) => (row.ok ? [row.identity] : []));
  return {
    emails: [...new Set(valid.flatMap((identity) => identity.emails))],
    importKeys: valid.map((identity) => identity.importKey),
    sortKeys: [...new Set(valid.filter((identity) => identity.nameOrg !== null).map((identity) => identity.sortKey))],
    profiles: [...new Set(valid.flatMap((identity) => (identity.profile ? [identity.profile] : [])))],
  };
}

/** Thrown inside the commit's transaction when a row has an error, so that nothing it wrote stays. */
class RowErrorsFound extends Error {}

export type ImportsServiceDeps = {
  db: Db;
  clock: Clock;
  /** Reads and checks the files (inline or in the check worker). */
  checker: RowChecker;
  /** How rows are written: COPY lines on PGlite, INSERT records on a PostgreSQL server (ADR 018). */
  writeAs: WritePlan['as'];
  onFlushError?: (error: unknown) => void;
};

/** Imports contacts from LinkedIn/Google/Outlook CSV, vCard or any mapped CSV: a dry run, or one atomic commit. */
export function createImportsService(deps: ImportsServiceDeps) {
  const { db, clock, checker } = deps;
  const flushing = new Set<Promise<void>>();

  /**
   * Tidies the search indexes after a large import without keeping the student waiting: the rows are committed
   * and already found by search (the pending lists are read too), only more slowly until this has run.
   */
  function flushInBackground(): void {
    const flush: Promise<void> = flushSearchIndexes(db)
      .catch((error: unknown) => deps.onFlushError?.(error))
      .finally(() => flushing.delete(flush));
    flushing.add(flush);
  }

  /** Writes a chunk's new rows and returns their ids in order. */
  async function write(tx: Db, ownerId: string, rows: readonly CheckedRow[], copyColumns: readonly string[] | undefined): Promise<string[]> {
    const writes = rows.flatMap((row) => (row.ok && row.write ? [row.write] : []));
    if (writes.length === 0) return [];
    if (deps.writeAs === 'copy') {
      const lines = writes.flatMap((w) => ('line' in w ? [w.line] : []));
      if (!copyColumns || lines.length !== writes.length) throw new Error('import rows came without their COPY lines');
      await copyContactLines(tx, copyColumns, lines);
      return writes.map((w) => ('id' in w ? w.id : ''));
    }
    return insertContactRecords(
      tx,
      ownerId,
      writes.flatMap((w) => ('record' in w ? [w.record] : [])),
    );
  }

  function report(request: ImportRequest, total: number, classified: readonly Classified[], committed: boolean, importedIds?: string[]): ImportResponse {
    const fresh = classified.filter((c) => c.status === 'new').length;
    const errorRows = classified.filter((c) => c.status === 'error');
    return {
      format: request.format,
      dryRun: request.dryRun,
      committed,
      total,
      imported: committed ? (importedIds?.length ?? 0) : request.dryRun ? fresh : 0,
      duplicates: classified.filter((c) => c.status === 'duplicate').length,
      errors: errorRows.map((c) => ({ row: c.row.row, message: c.message ?? '' })),
      preview: classified.slice(0, IMPORT_PREVIEW_ROWS).map((c) => ({
        row: c.row.row,
        status: c.status,
        contact: c.row.preview ?? EMPTY_PREVIEW,
        ...(c.duplicateOf ? { duplicateOf: { id: c.duplicateOf.id, displayName: displayName(c.duplicateOf.firstName, c.duplicateOf.lastName) } } : {}),
        ...(c.message ? { message: c.message } : {}),
      })),
      ...(importedIds ? { importedIds } : {}),
    };
  }

  return {
    /**
     * Reads the file, applies the API's rules to every row and finds likely duplicates. A dry run writes
     * nothing. A commit writes only when no row has an error, in one transaction (all or nothing), and
     * skips duplicates — so importing the same file again creates nothing.
     *
     * A commit writes as the rows arrive from the checker (ADR 019): each chunk is matched and written while the
     * next is being checked, and the first row with an error stops the writing and rolls everything back.
     */
    async run(ownerId: string, request: ImportRequest): Promise<ImportResponse> {
      const { dryRun, ...file } = request;
      const plan: WritePlan | undefined = dryRun ? undefined : { ownerId, at: clock.now().getTime(), as: deps.writeAs };
      const events = checker.check(file, plan)[Symbol.asyncIterator]();
      const first = await events.next();
      if (first.done || first.value.kind !== 'head') throw new Error('the import checker sent no head');
      const { head } = first.value;
      const extra = head.columns ? { columns: head.columns, mapping: head.mapping ?? {} } : {};
      if (!head.mapped) {
        if (!dryRun) {
          throw errors.validation('Choose which columns hold what: no column could be taken for a name. Send a mapping, e.g. {"Name":"fullName"}.', [
            { path: 'mapping', message: 'No name column.' },
          ]);
        }
        return { ...report(request, head.total, [], false), ...extra };
      }
      const chunks = { [Symbol.asyncIterator]: () => events };
      const rows: CheckedRow[] = [];

      if (dryRun) {
        for await (const event of chunks) if (event.kind === 'rows') rows.push(...event.rows);
        const classified = await classify(rows, await findMatchCandidates(db, ownerId, matchKeys(rows)));
        return { ...report(request, head.total, classified, false), ...extra };
      }

      let written: { classified: Classified[]; ids: string[] } | undefined;
      try {
        written = await db.transaction(async (tx) => {
          await lockOwnerImports(tx, ownerId);
          // A GIN pending list that passes its limit is cleaned inside the statement that passed it; at the default
          // 4 MB one such COPY held PGlite (and the event loop) ~230 ms, at 1 MB ~120 ms (/healthz p99 during a
          // 10,000-row import 232–235 → 120–131 ms, import time no worse). This transaction only.
          await tx.execute(sql`set local gin_pending_list_limit = '1MB'`);
          // A network no larger than the file is matched whole; a larger one by the keys of each chunk.
          const network = await readNetworkUpTo(tx, ownerId, head.total);
          const matcher = createMatcher(network ?? []);
          const classified: Classified[] = [];
          const ids: string[] = [];
          let rowErrors = false;
          for await (const event of chunks) {
            if (event.kind !== 'rows') continue;
            rows.push(...event.rows);
            rowErrors ||= event.rows.some((row) => !row.ok);
            // Once a row has an error nothing more is written; the rest is only read, for the report.
            if (rowErrors) continue;
            if (!network) matcher.addExisting(await findMatchCandidatesByKeys(tx, ownerId, matchKeys(event.rows)));
            const fresh: CheckedRow[] = [];
            for (const row of event.rows) {
              const result = classifyRow(matcher, row);
              classified.push(result);
              if (result.status === 'new') fresh.push(row);
            }
            ids.push(...(await write(tx, ownerId, fresh, event.copyColumns)));
          }
          if (rowErrors) throw new RowErrorsFound();
          return { classified, ids };
        });
      } catch (error) {
        if (!(error instanceof RowErrorsFound)) throw error;
      }
      if (!written) {
        // Nothing was written: the answer is the dry run's, with committed=false and every row's error.
        const classified = await classify(rows, await findMatchCandidates(db, ownerId, matchKeys(rows)));
        return { ...report(request, head.total, classified, false), ...extra };
      }
      if (written.ids.length >= FLUSH_INDEXES_FROM_ROWS) flushInBackground();
      return { ...report(request, head.total, written.classified, true, written.ids), ...extra };
    },

    /** Waits for the index flushes still running (before the database closes). */
    async settle(): Promise<void> {
      await Promise.all([...flushing]);
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
