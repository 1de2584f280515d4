import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyField, copyLine } from './copy-text';

describe('COPY text format', () => {
  it('writes null and undefined as \\N, and an empty string as nothing (so it stays an empty string)', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('')).toBe('');
    // The two characters backslash-N in a value are text, not null.
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('escapes what would end a field or a row: backslash, tab, newline, carriage return', () => {
    expect(copyField('a\tb\nc\r\nd\\e')).toBe('a\\tb\\nc\\r\\nd\\\\e');
    expect(copyField('Zoë "quoted" {braces}, commas')).toBe('Zoë "quoted" {braces}, commas');
  });

  it('writes dates as ISO instants, numbers and booleans as text', () => {
    expect(copyField(new Date('2026-03-08T07:00:00.000Z'))).toBe('2026-03-08T07:00:00.000Z');
    expect(copyField(42)).toBe('42');
    expect(copyField(false)).toBe('false');
  });

  it('writes arrays as literals with every element quoted, then escaped for the row', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral(['a', 'b c', 'NULL', ''])).toBe('{"a","b c","NULL",""}');
    expect(arrayLiteral(['say "hi"', 'back\\slash', '{x,y}'])).toBe('{"say \\"hi\\"","back\\\\slash","{x,y}"}');
    // Inside a row the literal's backslashes are doubled again, as COPY reads the field before the array.
    expect(copyField(['back\\slash'])).toBe('{"back\\\\\\\\slash"}');
  });

  it('joins fields with tabs and ends the row with a newline', () => {
    expect(copyLine(['id-1', null, 'x\ty', ['t']])).toBe('id-1\t\\N\tx\\ty\t{"t"}\n');
  });
});
