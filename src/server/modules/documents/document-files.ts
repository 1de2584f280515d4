import { parse } from 'content-disposition';
import type { DocumentContentType } from '../../../shared/contracts/documents';

/** What an uploaded file must be (SECURITY.md upload-limits): bytes that match the declared type, a harmless name. */

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first bytes every file of a binary type starts with: PDF, OOXML and ODF (both zip), OLE2 (Word 97–2003). */
const SIGNATURES: Record<Exclude<DocumentContentType, 'text/plain'>, Buffer> = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'application/msword': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are a file of this type: the type's signature, or for text valid UTF-8 without NUL. */
export function matchesType(type: DocumentContentType, bytes: Buffer): boolean {
  if (type === 'text/plain') {
    if (bytes.includes(0)) return false;
    try {
      utf8.decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
  const signature = SIGNATURES[type];
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header (RFC 6266, filename* too); undefined when absent or malformed. */
export function filenameFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const disposition = parse(header);
    return disposition.type === 'attachment' ? disposition.parameters.filename : undefined;
  } catch {
    return undefined;
  }
}

const EXTENSIONS: Record<DocumentContentType, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/msword': '.doc',
  'application/vnd.oasis.opendocument.text': '.odt',
  'text/plain': '.txt',
};

export const MAX_FILENAME_LENGTH = 200;

// Controls, the line and paragraph separators, bidirectional overrides (which make "fdp.exe" read as
// "exe.pdf"), and the characters Windows refuses in names.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g;

/**
 * A name that is only ever a label (files live in the database, never on disk): the last path segment, without
 * controls, bidirectional overrides or characters that are unsafe in a download name, no leading dots, at most
 * 200 characters (the extension kept). Nothing usable left → "document" with the type's extension.
 */
export function safeFilename(raw: string, type: DocumentContentType): string {
  const last = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .replace(UNSAFE, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const fallback = `document${EXTENSIONS[type]}`;
  if (cleaned === '') return fallback;
  const chars = [...cleaned];
  if (chars.length <= MAX_FILENAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, MAX_FILENAME_LENGTH - [...extension].length).join('').trimEnd() + extension;
}
