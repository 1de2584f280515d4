import { and, desc, eq, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditTargetType } from '../../../shared/contracts/audit';
import type { Role } from '../../../shared/contracts/users';
import type { Db } from '../../db/client';
import { auditEvents, users } from '../../db/schema/index';
import type { Cursor } from '../../lib/cursor';

/** Audit rows (SECURITY.md audit-and-logs, ADR 014): written in the request that made the access, never changed. */

/** The staff member acting: the signed-in user (their row carries the pseudonym). */
export type Actor = { id: string; role: Role; auditPseudonym: string };

/** One access to one student's records. */
export type AuditRecord = {
  action: AuditAction;
  student: { id: string; pseudonym: string };
  target: { type: AuditTargetType; id: string | null };
};

/** Writes the records as one multi-row insert (an agenda of many students is still one statement). */
export async function insertAuditEvents(db: Db, actor: Actor, at: Date, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.insert(auditEvents).values(
    records.map((record) => ({
      at,
      actorId: actor.id,
      actorRole: actor.role,
      actorPseudonym: actor.auditPseudonym,
      action: record.action,
      studentId: record.student.id,
      studentPseudonym: record.student.pseudonym,
      targetType: record.target.type,
      targetId: record.target.id,
    })),
  );
}

const actors = alias(users, 'actor');
const students = alias(users, 'student');

/** Newest first with keyset pagination, optionally one student's; names while the accounts exist. */
export function listAuditEvents(db: Db, filter: { studentId?: string; limit: number; cursor?: Cursor }) {
  const conditions = [];
  if (filter.studentId) conditions.push(eq(auditEvents.studentId, filter.studentId));
  if (filter.cursor) {
    conditions.push(or(lt(auditEvents.at, filter.cursor.createdAt), and(eq(auditEvents.at, filter.cursor.createdAt), lt(auditEvents.id, filter.cursor.id))));
  }
  return db
    .select({ event: auditEvents, actorName: actors.name, studentName: students.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .leftJoin(students, eq(students.id, auditEvents.studentId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.limit + 1);
}
