import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { IMPORT_MAX_ROWS, IMPORT_PREVIEW_ROWS, type ImportFormat, type ImportPreviewRow, type MappableField } from '../../../shared/contracts/imports';
import { copyLine, type CopyValue } from '../../db/copy-text';
import { errors } from '../../lib/errors';
import { toNewContactRow } from '../contacts/contact-mapping';
import type { NewContactRow } from '../contacts/contacts.repo';
import { checkDraft, draftToBody, type ContactDraft } from './contact-draft';
import { GENERIC_CSV_EXPECTED, readCsvImport } from './csv-import';
import { CSV_PRESETS } from './csv-presets';
import { decodeText } from './decode-text';
import { importErrors } from './import-errors';
import { identityOf, type Identity } from './import-matching';
import { readVcards } from './vcard-reader';

/**
 * Reading and checking an import file: everything an import does that needs no database, as a stream of events
 * (the file's head, then its rows in order, a chunk at a time). It runs in the check worker for large files and
 * inline for small ones (row-checker.ts); both give the same events. Nothing here may depend on the thread it runs in.
 */

const VCARD_EXPECTED = 'Expected a vCard file (.vcf, version 2.1, 3.0 or 4.0) of BEGIN:VCARD … END:VCARD cards.';

/** Rows per event, and so per turn of the event loop when checking inline. */
export const CHECK_CHUNK_ROWS = 250;

export type ImportFile = {
  format: ImportFormat;
  mapping: string | undefined;
  body: Uint8Array;
  charset: string | undefined;
};

/**
 * How each valid row is to be written when the import commits: a COPY line of the text format with the id made
 * here (PGlite), or the record for an INSERT (a PostgreSQL server). Absent for a dry run.
 */
export type WritePlan = { ownerId: string; at: number; as: 'copy' | 'record' };

export type RowWrite = { id: string; line: string } | { record: NewContactRow };

export type PreviewContact = ImportPreviewRow['contact'];

/** One row after reading and the API's rules; the first IMPORT_PREVIEW_ROWS rows carry what the preview shows. */
export type CheckedRow =
  | { row: number; ok: true; identity: Identity; write?: RowWrite; preview?: PreviewContact }
  | { row: number; ok: false; message: string; preview?: PreviewContact };

export type FileHead = {
  total: number;
  /** False when no column could be taken for a name (format=csv without a usable mapping): no rows follow. */
  mapped: boolean;
  columns?: string[];
  mapping?: Record<string, MappableField>;
};

export type CheckEvent =
  | { kind: 'head'; head: FileHead }
  /** `copyColumns`: the table columns of the COPY lines in this chunk, in their order (when it has any). */
  | { kind: 'rows'; rows: CheckedRow[]; copyColumns?: string[] };

type ReadRow = { row: number; draft: ContactDraft | null; error?: string };

/** The preview of a row that could not be read at all. */
export const EMPTY_PREVIEW: PreviewContact = { firstName: '', lastName: '', organization: null, title: null, emails: [] };

function previewOf(draft: ContactDraft | null): PreviewContact {
  if (!draft) return EMPTY_PREVIEW;
  const body = draftToBody(draft);
  return {
    firstName: String(body.firstName),
    lastName: String(body.lastName),
    organization: draft.organization || null,
    title: draft.title || null,
    emails: draft.emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== ''),
  };
}

async function readRows(file: ImportFile): Promise<{ head: FileHead; rows: ReadRow[] }> {
  const expected = file.format === 'vcard' ? VCARD_EXPECTED : file.format === 'csv' ? GENERIC_CSV_EXPECTED : CSV_PRESETS[file.format].expected;
  const text = decodeText(file.body, file.charset, expected);
  if (file.format === 'vcard') {
    if (file.mapping !== undefined) throw errors.validation('A column mapping is only used with format=csv.', [{ path: 'mapping', message: 'Only with format=csv.' }]);
    const cards = await readVcards(text, { maxCards: IMPORT_MAX_ROWS, tooMany: () => importErrors.tooManyRows('cards') });
    if (cards.length === 0) throw importErrors.unreadable(`The file has no vCard in it. ${VCARD_EXPECTED}`);
    return {
      head: { total: cards.length, mapped: true },
      rows: cards.map((card) => ('draft' in card ? card : { row: card.row, draft: null, error: card.error })),
    };
  }
  const csv = await readCsvImport(text, file.format, file.mapping);
  return {
    head: { total: csv.total, mapped: csv.mapped, columns: csv.columns, mapping: Object.fromEntries(csv.mapping) },
    rows: csv.rows,
  };
}

/** A row key's table column (`linkedinUrl` → `linkedin_url`), for COPY here and INSERT in imports.repo.ts. */
export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Builds each valid row's write: the record, or its COPY line with a new id (columns: id, owner_id, then the record's keys). */
function writerFor(plan: WritePlan) {
  const at = new Date(plan.at);
  let keys: (keyof NewContactRow)[] | undefined;
  const values: CopyValue[] = [];
  return {
    columns: () => (keys ? ['id', 'owner_id', ...keys.map(snakeCase)] : undefined),
    write(record: NewContactRow): RowWrite {
      if (plan.as === 'record') return { record };
      // toNewContactRow fills the same keys for every row, so the first row's keys are the columns of all.
      keys ??= Object.keys(record).filter((key) => key !== 'ownerId') as (keyof NewContactRow)[];
      const id = randomUUID();
      values.length = 0;
      values.push(id, plan.ownerId);
      for (const key of keys) values.push(record[key] as CopyValue);
      return { id, line: copyLine(values) };
    },
    at,
  };
}

/**
 * Reads `file` and applies the API's rules to every row, calling `emit` with the head and then with the rows in
 * order, CHECK_CHUNK_ROWS at a time (awaiting it, and a turn of the event loop, between chunks). With `plan`, each
 * valid row's write is built in the same pass. A file that cannot be read at all throws the AppError to answer with.
 */
export async function checkImportFile(file: ImportFile, plan: WritePlan | undefined, emit: (event: CheckEvent) => void | Promise<void>): Promise<void> {
  const read = await readRows(file);
  await emit({ kind: 'head', head: read.head });
  if (!read.head.mapped) return;
  const writer = plan ? writerFor(plan) : undefined;
  for (let start = 0; start < read.rows.length; start += CHECK_CHUNK_ROWS) {
    if (start > 0) await nextTurn();
    const rows: CheckedRow[] = [];
    const end = Math.min(start + CHECK_CHUNK_ROWS, read.rows.length);
    for (let index = start; index < end; index += 1) {
      const { row, draft, error } = read.rows[index] as ReadRow;
      const preview = index < IMPORT_PREVIEW_ROWS ? { preview: previewOf(draft) } : {};
      if (!draft) {
        rows.push({ row, ok: false, message: error ?? 'The row could not be read.', ...preview });
        continue;
      }
      const result = checkDraft(draft);
      if (!result.ok) {
        rows.push({ row, ok: false, message: result.message, ...preview });
        continue;
      }
      const identity = identityOf(file.format, result.input);
      const write = writer ? { write: writer.write(toNewContactRow(result.input, writer.at, { importKey: identity.importKey })) } : {};
      rows.push({ row, ok: true, identity, ...write, ...preview });
    }
    const copyColumns = writer?.columns();
    await emit({ kind: 'rows', rows, ...(copyColumns ? { copyColumns } : {}) });
  }
}
