import { describe, expect, it } from 'vitest';
import { documentProblem, documentTypeOf, formatSize } from './document-upload';

describe('document checks before upload', () => {
  it('takes the server’s types, by type or by extension', () => {
    expect(documentTypeOf(new File(['%PDF-1.4'], 'cv.pdf', { type: 'application/pdf' }))).toBe('application/pdf');
    expect(documentTypeOf(new File(['x'], 'cv.odt', { type: '' }))).toBe('application/vnd.oasis.opendocument.text');
    expect(documentTypeOf(new File(['x'], 'photo.png', { type: 'image/png' }))).toBeNull();
  });

  it('says what is wrong: the type, an empty file, over 5 MB', () => {
    expect(documentProblem(new File(['x'], 'photo.png', { type: 'image/png' }))).toMatch(/not a type we take/);
    expect(documentProblem(new File([], 'empty.txt', { type: 'text/plain' }))).toMatch(/is empty/);
    expect(documentProblem(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' }))).toMatch(/the limit is 5 MB/);
    expect(documentProblem(new File(['%PDF-1.4'], 'cv.pdf', { type: 'application/pdf' }))).toBeNull();
  });

  it('writes sizes as people read them', () => {
    expect(formatSize(900)).toBe('900 bytes');
    expect(formatSize(212 * 1024)).toBe('212 KB');
    expect(formatSize(1.4 * 1024 * 1024)).toBe('1.4 MB');
  });
});
