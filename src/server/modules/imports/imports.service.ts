import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CreateContactInput } from '../../../shared/contracts/contacts';
import {
  IMPORT_MAX_ROWS,
  IMPORT_PREVIEW_ROWS,
  type ImportFormat,
  type ImportPreviewRow,
  type ImportResponse,
} from '../../../shared/contracts/imports';
import { displayName } from '../../../shared/domain/cadence';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import { toNewContactRow } from '../contacts/contact-mapping';
import type { NewContactRow } from '../contacts/contacts.repo';
import { checkDraft, draftToBody, type ContactDraft } from './contact-draft';
import { GENERIC_CSV_EXPECTED, readCsvImport } from './csv-import';
import { CSV_PRESETS } from './csv-presets';
import { decodeText } from './decode-text';
import { importErrors } from './import-errors';
import { createMatcher, identityOf, type ExistingContact, type Identity } from './import-matching';
import { findMatchCandidates, flushSearchIndexes, insertImportedContacts, lockOwnerImports } from './imports.repo';
import { readVcards } from './vcard-reader';

/** From this many new rows on, a commit flushes the search indexes' pending lists before it answers. */
export const FLUSH_INDEXES_FROM_ROWS = 1_000;

const VCARD_EXPECTED = 'Expected a vCard file (.vcf, version 2.1, 3.0 or 4.0) of BEGIN:VCARD … END:VCARD cards.';

export type ImportRequest = {
  format: ImportFormat;
  dryRun: boolean;
  mapping: string | undefined;
  body: Uint8Array;
  charset: string | undefined;
};

/**
 * One row of the file after reading and the API's rules: a valid contact (with the row to write, when the import
 * commits) or the reason it is not.
 */
type CheckedRow =
  | { row: number; draft: ContactDraft; ok: true; input: CreateContactInput; identity: Identity; record?: NewContactRow }
  | { row: number; draft: ContactDraft | null; ok: false; message: string };

type Classified = { row: CheckedRow; status: 'new' | 'duplicate' | 'error'; duplicateOf?: ExistingContact; message?: string };

function previewContact(draft: ContactDraft | null): ImportPreviewRow['contact'] {
  if (!draft) return { firstName: '', lastName: '', organization: null, title: null, emails: [] };
  const body = draftToBody(draft);
  return {
    firstName: String(body.firstName),
    lastName: String(body.lastName),
    organization: draft.organization || null,
    title: draft.title || null,
    emails: draft.emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== ''),
  };
}

/** Rows handled between two turns of the event loop, so a 10,000-row file never holds it for long. */
const ROWS_PER_TURN = 250;

/** `fn` over every item, giving the event loop a turn every ROWS_PER_TURN items. */
async function mapYielding<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for (const [index, item] of items.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    out.push(fn(item));
  }
  return out;
}

async function classify(rows: readonly CheckedRow[], existing: readonly ExistingContact[]): Promise<Classified[]> {
  const matcher = createMatcher(existing);
  return mapYielding(rows, (row): Classified => {
    if (!row.ok) return { row, status: 'error', message: row.message };
    const duplicateOf = matcher.existing(row.identity);
    const earlier = matcher.earlierRow(row.identity, row.row);
    if (duplicateOf) return { row, status: 'duplicate', duplicateOf, message: 'Already in your network.' };
    if (earlier !== undefined) return { row, status: 'duplicate', message: `The same person as row ${earlier}.` };
    return { row, status: 'new' };
  });
}

function matchKeys(rows: readonly CheckedRow[]) {
  const valid = rows.flatMap((row) => (row.ok ? [row.identity] : []));
  return {
    emails: [...new Set(valid.flatMap((identity) => identity.emails))],
    importKeys: valid.map((identity) => identity.importKey),
    sortKeys: [...new Set(valid.filter((identity) => identity.nameOrg !== null).map((identity) => identity.sortKey))],
    profiles: [...new Set(valid.flatMap((identity) => (identity.profile ? [identity.profile] : [])))],
  };
}

/** Imports contacts from LinkedIn/Google/Outlook CSV, vCard or any mapped CSV: a dry run, or one atomic commit. */
export function createImportsService(deps: { db: Db; clock: Clock; onFlushError?: (error: unknown) => void }) {
  const { db, clock } = deps;
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

  async function readRows(request: ImportRequest) {
    const expected = request.format === 'vcard' ? VCARD_EXPECTED : request.format === 'csv' ? GENERIC_CSV_EXPECTED : CSV_PRESETS[request.format].expected;
    const text = decodeText(request.body, request.charset, expected);
    if (request.format === 'vcard') {
      if (request.mapping !== undefined) throw errors.validation('A column mapping is only used with format=csv.', [{ path: 'mapping', message: 'Only with format=csv.' }]);
      const cards = await readVcards(text, { maxCards: IMPORT_MAX_ROWS, tooMany: () => importErrors.tooManyRows('cards') });
      if (cards.length === 0) throw importErrors.unreadable(`The file has no vCard in it. ${VCARD_EXPECTED}`);
      return { total: cards.length, mapped: true, rows: cards.map((card) => ('draft' in card ? card : { row: card.row, draft: null, error: card.error })) };
    }
    const csv = await readCsvImport(text, request.format, request.mapping);
    return { ...csv, rows: csv.rows.map((row) => ({ ...row, error: undefined })) };
  }

  /** The API's rules on every row; with `writeAt`, each valid row's record to write is built in the same pass. */
  function check(format: ImportFormat, rows: { row: number; draft: ContactDraft | null; error?: string }[], writeAt?: Date): Promise<CheckedRow[]> {
    return mapYielding(rows, ({ row, draft, error }): CheckedRow => {
      if (!draft) return { row, draft: null, ok: false, message: error ?? 'The row could not be read.' };
      const result = checkDraft(draft);
      if (!result.ok) return { row, draft, ok: false, message: result.message };
      const identity = identityOf(format, result.input);
      const record = writeAt ? toNewContactRow(result.input, writeAt, { importKey: identity.importKey }) : undefined;
      return { row, draft, ok: true, input: result.input, identity, ...(record ? { record } : {}) };
    });
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
        contact: previewContact(c.row.draft),
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
     */
    async run(ownerId: string, request: ImportRequest): Promise<ImportResponse> {
      const read = await readRows(request);
      const extra = 'columns' in read ? { columns: read.columns, mapping: Object.fromEntries(read.mapping) } : {};
      if (!read.mapped) {
        if (!request.dryRun) {
          throw errors.validation('Choose which columns hold what: no column could be taken for a name. Send a mapping, e.g. {"Name":"fullName"}.', [
            { path: 'mapping', message: 'No name column.' },
          ]);
        }
        return { ...report(request, read.total, [], false), ...extra };
      }
      // Everything that needs no database is done before the transaction: on PGlite it holds the one connection.
      const now = clock.now();
      const rows = await check(request.format, read.rows, request.dryRun ? undefined : now);
      const keys = matchKeys(rows);
      const hasErrors = rows.some((row) => !row.ok);

      if (request.dryRun || hasErrors) {
        const classified = await classify(rows, await findMatchCandidates(db, ownerId, keys));
        return { ...report(request, read.total, classified, false), ...extra };
      }

      const { classified, ids } = await db.transaction(async (tx) => {
        await lockOwnerImports(tx, ownerId);
        const result = await classify(rows, await findMatchCandidates(tx, ownerId, keys));
        const fresh = result.flatMap((c) => (c.status === 'new' && c.row.ok && c.row.record ? [c.row.record] : []));
        return { classified: result, ids: await insertImportedContacts(tx, ownerId, fresh) };
      });
      if (ids.length >= FLUSH_INDEXES_FROM_ROWS) flushInBackground();
      return { ...report(request, read.total, classified, true, ids), ...extra };
    },

    /** Waits for the index flushes still running (before the database closes). */
    async settle(): Promise<void> {
      await Promise.all([...flushing]);
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
