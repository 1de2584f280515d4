import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIXTURES } from '../../../../tests/factories';
import { DOCUMENT_CONTENT_TYPES } from '../../../shared/contracts/documents';
import { MAX_FILENAME_LENGTH, filenameFromHeader, matchesType, safeFilename } from './document-files';

/** SECURITY.md upload-limits (ASVS 5.2.2): bytes must match the type; names are labels, never paths. */

describe('matchesType (upload-limits, ASVS 5.2.2)', () => {
  it('accepts each type’s own bytes and refuses every other type’s', () => {
    for (const type of DOCUMENT_CONTENT_TYPES) {
      expect(matchesType(type, DOCUMENT_FIXTURES[type]), type).toBe(true);
    }
    expect(matchesType('application/pdf', DOCUMENT_FIXTURES['application/msword'])).toBe(false);
    expect(matchesType('application/msword', DOCUMENT_FIXTURES['application/pdf'])).toBe(false);
    expect(matchesType('application/vnd.oasis.opendocument.text', DOCUMENT_FIXTURES['application/pdf'])).toBe(false);
  });

  it('a PDF must start with %PDF-, not merely contain it; a file shorter than its signature is refused', () => {
    expect(matchesType('application/pdf', Buffer.from(' %PDF-1.7'))).toBe(false);
    expect(matchesType('application/pdf', Buffer.from('%PD'))).toBe(false);
    expect(matchesType('application/msword', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBe(false);
  });

  it('text must be valid UTF-8 without NUL: Latin-1 bytes, a NUL, or an executable are refused', () => {
    expect(matchesType('text/plain', Buffer.from('Plain résumé ✓', 'utf8'))).toBe(true);
    expect(matchesType('text/plain', Buffer.from('caf\xe9', 'latin1'))).toBe(false);
    expect(matchesType('text/plain', Buffer.from('a\u0000b'))).toBe(false);
    expect(matchesType('text/plain', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toBe(false);
  });
});

describe('filenameFromHeader', () => {
  it('reads filename and the RFC 8187 filename* (which wins) from an attachment disposition', () => {
    expect(filenameFromHeader('attachment; filename="resume.pdf"')).toBe('resume.pdf');
    expect(filenameFromHeader('attachment; filename=cv.docx')).toBe('cv.docx');
    expect(filenameFromHeader("attachment; filename=\"CV.pdf\"; filename*=UTF-8''Lebenslauf%20J%C3%BCrgen.pdf")).toBe('Lebenslauf Jürgen.pdf');
    expect(filenameFromHeader('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
  });

  it('is undefined when absent, not an attachment, without a name, or malformed', () => {
    for (const header of [undefined, '', 'inline; filename="a.pdf"', 'attachment', 'attachment; filename', 'attachment; filename="open', ';;;']) {
      expect(filenameFromHeader(header), String(header)).toBeUndefined();
    }
  });
});

describe('safeFilename (file names never used as paths)', () => {
  it('keeps only the last path segment, for either separator', () => {
    expect(safeFilename('../../etc/passwd', 'text/plain')).toBe('passwd');
    expect(safeFilename('C:\\Users\\aisha\\resume.pdf', 'application/pdf')).toBe('resume.pdf');
    expect(safeFilename('/var/lib/rapport/../cv.docx', 'application/msword')).toBe('cv.docx');
  });

  it('drops controls, bidirectional overrides and characters unsafe in a download name; no leading dots', () => {
    expect(safeFilename('res\r\nume\u0000.pdf', 'application/pdf')).toBe('resume.pdf');
    expect(safeFilename('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.exe');
    expect(safeFilename('a<b>c:d"e|f?g*.txt', 'text/plain')).toBe('abcdefg.txt');
    expect(safeFilename('.htaccess', 'text/plain')).toBe('htaccess');
    expect(safeFilename('  my   cv .pdf. ', 'application/pdf')).toBe('my cv .pdf');
  });

  it('falls back to “document” with the type’s extension when nothing is left', () => {
    expect(safeFilename('..', 'application/pdf')).toBe('document.pdf');
    expect(safeFilename('///', 'application/vnd.oasis.opendocument.text')).toBe('document.odt');
    expect(safeFilename('\u202E\u0007', 'text/plain')).toBe('document.txt');
  });

  it('shortens a long name to 200 characters, keeping the extension; composed characters count once', () => {
    const long = `${'é'.repeat(300)}.docx`;
    const safe = safeFilename(long, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect([...safe]).toHaveLength(MAX_FILENAME_LENGTH);
    expect(safe.endsWith('é.docx')).toBe(true);
    expect(safeFilename('e\u0301.txt', 'text/plain')).toBe('é.txt');
  });
});
