import { setImmediate as nextTurn } from 'node:timers/promises';
import { IMPORT_MAX_ROWS, type ImportFormat, type MappableField } from '../../../shared/contracts/imports';
import { errors } from '../../lib/errors';
import { applyCell, hasNameColumn, parseMapping } from './column-mapping';
import { emptyDraft, type ContactDraft } from './contact-draft';
import { readCsvRecords } from './csv-reader';
import { CSV_PRESETS, guessMapping, presetMapping, recognisePreset, type CsvPreset } from './csv-presets';
import { importErrors } from './import-errors';

/** Where the header may be: LinkedIn puts a few lines of notes above it. */
const HEADER_SEARCH_RECORDS = 20;

export type CsvRows = {
  columns: string[];
  mapping: Map<string, MappableField>;
  /** False when no column could be taken for a name (format=csv without a usable mapping): rows were not read. */
  mapped: boolean;
  total: number;
  rows: { row: number; draft: ContactDraft }[];
};

const blank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

export const GENERIC_CSV_EXPECTED = 'Expected a CSV file with a header row (column names) and one contact per row.';

function findPresetHeader(records: readonly string[][], preset: CsvPreset): number {
  const index = records.slice(0, HEADER_SEARCH_RECORDS).findIndex((record) => preset.isHeader(record));
  if (index >= 0) return index;
  const other = records
    .slice(0, HEADER_SEARCH_RECORDS)
    .map((record) => recognisePreset(record))
    .find((found) => found !== undefined && found.format !== preset.format);
  const hint = other ? ` It looks like ${other.label}: choose format=${other.format}.` : '';
  throw importErrors.unreadable(`The file does not have the header row of ${preset.label}.${hint} ${preset.expected}`);
}

/** The first non-blank record, unless a known export's header comes a little later (LinkedIn's notes). */
function genericHeader(records: readonly string[][]): number {
  const known = records.slice(0, HEADER_SEARCH_RECORDS).findIndex((record) => recognisePreset(record) !== undefined);
  return known >= 0 ? known : records.findIndex((record) => !blank(record));
}

/**
 * A CSV file as drafts: the header row found (after LinkedIn's preamble), the columns mapped by the known
 * export's rules or the caller's mapping (or a guess for format=csv), one draft per non-blank data row.
 * Rows are numbered 1, 2, … from the first line after the header; blank lines count but are not contacts.
 */
export async function readCsvImport(text: string, format: Exclude<ImportFormat, 'vcard'>, mappingParam: string | undefined): Promise<CsvRows> {
  const preset = format === 'csv' ? undefined : CSV_PRESETS[format];
  if (preset && mappingParam !== undefined) {
    throw errors.validation('A column mapping is only used with format=csv.', [{ path: 'mapping', message: 'Only with format=csv.' }]);
  }
  const expected = preset?.expected ?? GENERIC_CSV_EXPECTED;
  const records = await readCsvRecords(text, { maxRecords: IMPORT_MAX_ROWS + HEADER_SEARCH_RECORDS, expected });
  const headerIndex = preset ? findPresetHeader(records, preset) : genericHeader(records);
  const header = records[headerIndex];
  if (!header) throw importErrors.unreadable(`The file has no rows. ${expected}`);
  const columns = header.map((cell) => cell.trim());
  const data = records.slice(headerIndex + 1);
  const total = data.filter((record) => !blank(record)).length;
  if (total > IMPORT_MAX_ROWS) throw importErrors.tooManyRows('rows');

  const mapping = preset ? presetMapping(preset, columns) : mappingParam !== undefined ? parseMapping(mappingParam, columns) : guessMapping(columns);
  if (!hasNameColumn(mapping)) return { columns, mapping, mapped: false, total, rows: [] };

  const byColumn = columns.map((column) => mapping.get(column));
  const rows: CsvRows['rows'] = [];
  for (const [index, record] of data.entries()) {
    if (index % 250 === 249) await nextTurn();
    if (blank(record)) continue;
    const draft = emptyDraft({ source: null, circle: 'new' });
    record.forEach((value, column) => {
      const field = byColumn[column];
      if (field) applyCell(draft, field, value);
    });
    preset?.complete?.(draft, (name) => {
      const column = columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
      return column >= 0 ? (record[column] ?? '').trim() : '';
    });
    rows.push({ row: index + 1, draft });
  }
  return { columns, mapping, mapped: true, total, rows };
}
