import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate } from './cursor';

describe('keyset cursor', () => {
  const cursor = { createdAt: new Date('2026-11-29T10:00:00.123Z'), id: '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11' };

  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses tampered cursors with a 400', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(expect.objectContaining({ statusCode: 400 }));
  });

  it('paginates limit + 1 rows into a page and the next cursor', () => {
    const rows = [1, 2, 3].map((n) => ({ n, createdAt: cursor.createdAt, id: cursor.id }));
    expect(paginate(rows, 2, (r) => r).items.map((r) => r.n)).toEqual([1, 2]);
    expect(paginate(rows, 2, (r) => r).nextCursor).not.toBeNull();
    expect(paginate(rows, 3, (r) => r).nextCursor).toBeNull();
  });
});
