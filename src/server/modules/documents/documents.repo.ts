import { and, eq, lt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appointments, documents, users } from '../../db/schema/index';

/** Uploaded documents (ADR 013). Every read names the owner, or the appointment the file is attached to. */

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentMeta = Omit<DocumentRow, 'content' | 'ownerId' | 'createdAt'>;
export type NewDocument = Omit<typeof documents.$inferInsert, 'id'>;

const meta = { id: documents.id, filename: documents.filename, contentType: documents.contentType, size: documents.size };

// The bytes travel as base64 text and are converted by the database (see the schema: PGlite's own binary
// conversion is fifteen times slower and runs on the event-loop thread). encode() breaks lines every 76
// characters; Node's base64 decoder skips them.
const toBytea = (content: Buffer) => sql<Buffer>`decode(${content.toString('base64')}, 'base64')`;
const contentOf = sql<string>`encode(${documents.content}, 'base64')`.mapWith((value: string) => Buffer.from(value, 'base64'));

export async function insertDocument(db: Db, values: NewDocument): Promise<DocumentMeta> {
  const rows = await db
    .insert(documents)
    .values({ ...values, content: toBytea(values.content) })
    .returning(meta);
  const row = rows[0];
  if (!row) throw new Error('documents insert returned no row');
  return row;
}

/** The owner's document, without its bytes; undefined when it is someone else's or does not exist. */
export function findOwnedDocument(db: Db, ownerId: string, id: string): Promise<DocumentMeta | undefined> {
  return db
    .select(meta)
    .from(documents)
    .where(and(eq(documents.ownerId, ownerId), eq(documents.id, id)))
    .limit(1)
    .then((rows) => rows[0]);
}

export type AttachedFile = DocumentMeta & { content: Buffer; studentId: string; studentPseudonym: string };

/**
 * The file attached to an appointment, bytes included, for its student or its advisor (the scope is required);
 * undefined when the appointment is not theirs or has no uploaded file.
 */
export function findAttachedFile(db: Db, scope: { studentId: string } | { advisorId: string }, appointmentId: string): Promise<AttachedFile | undefined> {
  return db
    .select({ ...meta, content: contentOf, studentId: appointments.studentId, studentPseudonym: users.auditPseudonym })
    .from(appointments)
    .innerJoin(documents, eq(documents.id, appointments.documentFileId))
    .innerJoin(users, eq(users.id, appointments.studentId))
    .where(
      and(
        eq(appointments.id, appointmentId),
        'studentId' in scope ? eq(appointments.studentId, scope.studentId) : eq(appointments.advisorId, scope.advisorId),
      ),
    )
    .limit(1)
    .then((rows) => rows[0]);
}

/** Deletes the documents uploaded before `uploadedBefore` that no appointment refers to; returns how many. */
export async function deleteUnattachedDocuments(db: Db, uploadedBefore: Date): Promise<number> {
  const rows = await db
    .delete(documents)
    .where(
      and(
        lt(documents.createdAt, uploadedBefore),
        notExists(
          db
            .select({ one: sql`1` })
            .from(appointments)
            .where(eq(appointments.documentFileId, documents.id)),
        ),
      ),
    )
    .returning({ id: documents.id });
  return rows.length;
}
