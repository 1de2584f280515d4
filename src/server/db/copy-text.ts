/**
 * Rows in PostgreSQL's COPY text format (one line per row, fields separated by tabs, \N for null), for bulk
 * loads through `COPY … FROM`. Only the writing side and only the value kinds our tables hold: strings, numbers,
 * booleans, dates (as ISO instants) and arrays of strings. The rules are those of the COPY documentation
 * ("Text Format") and of array input ("Array Value Input"); see ADR 018.
 */
export type CopyValue = string | number | boolean | Date | readonly string[] | null | undefined;

// A backslash, newline, carriage return or tab in a value would end the field or the row: each is written escaped.
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeField(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** An array literal: every element double-quoted, with its backslashes and double quotes backslash-escaped. */
export function arrayLiteral(items: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) out += ',';
    out += `"${(items[i] as string).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

/** One field: null and undefined are \N; everything else is its text, escaped for the text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeField(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeField(arrayLiteral(value));
  return String(value);
}

/** One row as a line (ending in a newline). */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) line += (i > 0 ? '\t' : '') + copyField(values[i] as CopyValue);
  return `${line}\n`;
}
