import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { lineBreakOf, readCsvRecords, sniffDelimiter } from './csv-reader';

const read = (text: string, windowChars?: number) => readCsvRecords(text, { maxRecords: 1_000, expected: 'Expected a test file.', windowChars });

describe('readCsvRecords', () => {
  const samples = [
    '\r\n\r\nA,B\r\n1,2\r\n\r\n3,"x\r\ny"\r\n\r\n',
    'A,B\n1,2\n\n\n"q"\n"r",\n',
    'A,B',
    'A,"B\n"\n"",""\n\n',
    ',,\n,,\n',
    'Notes:\r\n"When exporting, some ""quoted"" text"\r\n\r\nFirst Name,Last Name\r\nAda,"Lovelace, Countess"\r\nGrace,"Hopper\r\nUS Navy"\r\n',
  ];

  it('reads in windows exactly what one pass of the parser reads, at every window size (cut rows, quoted line breaks, blank lines)', async () => {
    for (const sample of samples) {
      const whole = Papa.parse<string[]>(sample, { delimiter: ',' }).data;
      for (const window of [1, 2, 3, 5, 8, 13, 64, 100_000]) {
        expect(await read(sample, window), `${JSON.stringify(sample)} / ${window}`).toEqual(whole);
      }
    }
  });

  it('keeps blank lines as [""] records so row numbers match a spreadsheet', async () => {
    expect(await read('H\n\na\n')).toEqual([['H'], [''], ['a'], ['']]);
  });

  it('a quoted cell that never closes is IMPORT_UNREADABLE naming the record', async () => {
    const error = await read('A,B\n1,2\n3,"never closed\n4,5\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ statusCode: 400, code: 'IMPORT_UNREADABLE' });
    expect((error as AppError).message).toBe('The CSV could not be read: a quoted cell that starts in record 3 is never closed. Expected a test file.');
  });

  it('stops with 413 past the record limit', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `r${i}`).join('\n');
    await expect(readCsvRecords(many, { maxRecords: 20, expected: '', windowChars: 16 })).rejects.toMatchObject({ statusCode: 413, code: 'IMPORT_TOO_LARGE' });
  });

  it('a stray quote inside an unquoted cell is kept as text', async () => {
    expect(await read('Name,Note\nAda,5" floppy\n')).toEqual([['Name', 'Note'], ['Ada', '5" floppy'], ['']]);
  });
});

describe('sniffDelimiter and lineBreakOf', () => {
  it('comma, semicolon (European spreadsheets) or tab; the LinkedIn preamble does not fool it', () => {
    expect(sniffDelimiter('Name;Company;Email\nAda;Acme;a@example.com')).toBe(';');
    expect(sniffDelimiter('Name\tCompany\nAda\tAcme')).toBe('\t');
    expect(sniffDelimiter('Notes:\n"some, text; here"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n')).toBe(',');
    expect(sniffDelimiter('single column')).toBe(',');
  });

  it('CRLF, LF or CR', () => {
    expect(lineBreakOf('a\r\nb\nc')).toBe('\r\n');
    expect(lineBreakOf('a\nb')).toBe('\n');
    expect(lineBreakOf('a\rb')).toBe('\r');
    expect(lineBreakOf('a')).toBe('\n');
  });
});
