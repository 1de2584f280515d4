import { describe, expect, it } from 'vitest';
import { binaryBytes } from '../../../../tests/fixtures/imports/generate';
import { decodeText } from './decode-text';

const EXPECTED = 'Expected a CSV file.';

describe('decodeText', () => {
  it('UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from('Zoë,Müller'), undefined, EXPECTED)).toBe('Zoë,Müller');
    expect(decodeText(Buffer.from('\ufeffZoë'), undefined, EXPECTED)).toBe('Zoë');
  });

  it('UTF-16 by its byte-order mark (spreadsheets save "Unicode text" so)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name,Zoë\n', 'utf16le')]);
    expect(decodeText(le, undefined, EXPECTED)).toBe('Name,Zoë\n');
  });

  it('the charset the request names, e.g. windows-1252', () => {
    expect(decodeText(Buffer.from('Jos\xe9 N\xfa\xf1ez', 'latin1'), 'windows-1252', EXPECTED)).toBe('José Núñez');
  });

  it('not UTF-8, binary, empty or an unknown charset → IMPORT_UNREADABLE saying what was expected', () => {
    const cases: [Uint8Array, string | undefined, RegExp][] = [
      [Buffer.from('Jos\xe9', 'latin1'), undefined, /^The file is not UTF-8 text\. Expected a CSV file\.$/],
      [binaryBytes(2_048), undefined, /not UTF-8 text/],
      [Buffer.from('a,b\u0000\u0001\u0002'), undefined, /binary data, not text/],
      [Buffer.alloc(0), undefined, /^The file is empty\./],
      [Buffer.from('a,b'), 'klingon-8', /character set "klingon-8" is not known/],
    ];
    for (const [bytes, charset, message] of cases) {
      expect(() => decodeText(bytes, charset, EXPECTED)).toThrow(message);
    }
  });

  it('a few control characters in real text are tolerated', () => {
    expect(decodeText(Buffer.from('Name\fCompany\u000b\n'), undefined, EXPECTED)).toContain('Name');
  });
});
