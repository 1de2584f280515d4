import { index, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../../shared/contracts/audit';
import { roleEnum, users } from './users';

export const auditActionEnum = pgEnum('audit_action', AUDIT_ACTIONS);
export const auditTargetTypeEnum = pgEnum('audit_target_type', AUDIT_TARGET_TYPES);

/**
 * SECURITY.md audit-and-logs: staff access to a student's records (ADR 014). Rows outlive the people on them:
 * erasing an account sets its ids here to null, and the pseudonyms (copied from users.audit_pseudonym when the
 * row is written) keep the rows of one person together without naming them. Rows are only ever inserted.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorRole: roleEnum().notNull(),
    actorPseudonym: uuid().notNull(),
    action: auditActionEnum().notNull(),
    studentId: uuid().references(() => users.id, { onDelete: 'set null' }),
    studentPseudonym: uuid().notNull(),
    targetType: auditTargetTypeEnum().notNull(),
    /** The appointment or document; null for the agenda and for the student as a whole. Not a foreign key: the row stays when its target goes. */
    targetId: uuid(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_events_student_idx').on(t.studentId, t.at.desc(), t.id.desc()),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);
