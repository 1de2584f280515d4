import { importErrors } from './import-errors';

// C0 controls other than tab, line feed, form feed and carriage return: text files have (almost) none.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function byteOrderMark(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

function decoderFor(label: string, expected: string): TextDecoder {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw importErrors.unreadable(`The character set "${label.slice(0, 40)}" is not known. ${expected}`);
  }
}

/**
 * The uploaded bytes as text: UTF-8 unless a byte-order mark or the request's `charset` says otherwise
 * (spreadsheet exports are often UTF-16 or Windows-1252). Anything that is not text is refused with
 * IMPORT_UNREADABLE and `expected`, which says what the format should look like.
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined, expected: string): string {
  if (bytes.length === 0) throw importErrors.unreadable(`The file is empty. ${expected}`);
  const bom = byteOrderMark(bytes);
  const label = bom?.encoding ?? charset?.toLowerCase() ?? 'utf-8';
  let text: string;
  try {
    text = decoderFor(label, expected).decode(bytes.subarray(bom?.skip ?? 0));
  } catch (error) {
    if (error instanceof TypeError) {
      throw importErrors.unreadable(`The file is not ${label === 'utf-8' ? 'UTF-8' : label} text. ${expected}`);
    }
    throw error;
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes('\u0000') || controls > Math.max(8, text.length / 1000)) {
    throw importErrors.unreadable(`The file holds binary data, not text. ${expected}`);
  }
  return text;
}
