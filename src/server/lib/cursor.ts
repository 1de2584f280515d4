import { AppError } from './errors';

export type Cursor = { createdAt: Date; id: string };

/** Opaque keyset cursor (created-at and id of the last row), so pages stay stable while rows are added. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = iso ? new Date(iso) : undefined;
  if (!createdAt || Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError(400, 'VALIDATION_FAILED', 'The page cursor is not valid; start from the first page.');
  }
  return { createdAt, id };
}

/** Splits the `limit + 1` rows a repository returned into a page and the cursor of the next one. */
export function paginate<T>(rows: T[], limit: number, key: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
