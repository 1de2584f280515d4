import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from '../../../shared/contracts/documents';
import { users } from './users';

/**
 * File bytes. The documents repository moves them as base64 text (`decode`/`encode` in SQL): PGlite turns a
 * binary parameter or result into text byte by byte in JavaScript, 1.8 s to write and 1 s to read 5 MB on the
 * event-loop thread, against 0.13 s and 0.04 s as base64 (ADR 013). Read directly, both drivers' values arrive
 * here as a Buffer.
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

// A CHECK rather than an enum type: PostgreSQL enum labels stop at 63 bytes, and the .docx type has 71.
const contentTypeList = sql.raw(DOCUMENT_CONTENT_TYPES.map((type) => `'${type}'`).join(', '));

/**
 * Files a student uploaded for APPT-02 (ADR 013), kept in the database so that every app instance and every
 * backup has them. The name is only ever a label: it never becomes a path. A file no appointment refers to is
 * deleted a day after its upload.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    filename: text().notNull(),
    contentType: text({ enum: DOCUMENT_CONTENT_TYPES }).notNull(),
    size: integer().notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('documents_owner_idx').on(t.ownerId),
    index('documents_created_idx').on(t.createdAt),
    check('documents_size', sql`${t.size} = octet_length(${t.content}) and ${t.size} between 1 and ${sql.raw(String(DOCUMENT_MAX_BYTES))}`),
    check('documents_content_type', sql`${t.contentType} in (${contentTypeList})`),
    check('documents_filename_length', sql`char_length(${t.filename}) between 1 and 200`),
  ],
);
