import { setImmediate as nextTurn } from 'node:timers/promises';
import Papa from 'papaparse';
import { importErrors } from './import-errors';

/** Characters parsed per turn of the event loop (about 2,500 LinkedIn rows). */
export const CSV_WINDOW_CHARS = 256 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Spreadsheets in some locales save "CSV" with semicolons or tabs; the delimiter that appears most often on
 * one of the first lines wins (a LinkedIn preamble line has fewer commas than its header).
 */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 16_384).split(/\r\n|\r|\n/, 20);
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    for (const line of lines) {
      const count = line.split(delimiter).length - 1;
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    }
  }
  return best;
}

export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Every record of a CSV file, blank lines included as `['']` so that row numbers match what a spreadsheet
 * shows. Papa Parse reads a window of the text at a time — the way its own streaming does: the last,
 * possibly cut, row of a window is left for the next one — with a turn of the event loop in between, so a
 * 5 MB file does not hold up other requests. Stops with 413 as soon as there are more than `maxRecords`
 * records; a quoted cell that never closes is IMPORT_UNREADABLE.
 */
export async function readCsvRecords(
  text: string,
  options: { maxRecords: number; expected: string; windowChars?: number },
): Promise<string[][]> {
  const config = { delimiter: sniffDelimiter(text), newline: lineBreakOf(text), quoteChar: '"' };
  const records: string[][] = [];
  let position = 0;
  let window = options.windowChars ?? CSV_WINDOW_CHARS;
  while (position < text.length) {
    const end = Math.min(text.length, position + window);
    const last = end === text.length;
    const result = new Papa.Parser(config).parse(text.slice(position, end), 0, !last) as Papa.ParseResult<string[]>;
    if (!last && result.data.length === 0) {
      // One record longer than the window (a long quoted note): look further.
      window *= 2;
      continue;
    }
    const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
    if (unclosed) {
      const record = records.length + (unclosed.row ?? 0) + 1;
      throw importErrors.unreadable(`The CSV could not be read: a quoted cell that starts in record ${record} is never closed. ${options.expected}`);
    }
    records.push(...result.data);
    if (records.length > options.maxRecords) throw importErrors.tooManyRows('rows');
    if (last) break;
    position += result.meta.cursor;
    await nextTurn();
  }
  return records;
}
