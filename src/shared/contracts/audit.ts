import { z } from 'zod';
import { cursorSchema, limitSchema } from './admin';
import { roleSchema } from './users';

/** SECURITY.md audit-and-logs: every staff access to a student's records, as the admin reads it (ADR 014). */

export const AUDIT_ACTIONS = [
  'agenda_viewed',
  'appointment_viewed',
  'document_downloaded',
  'attendance_marked',
  'notes_written',
  'appointment_cancelled',
  'appointment_booked_for_student',
  'no_shows_cleared',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the access was about: the agenda as a whole, one appointment, its document, or the student's standing. */
export const AUDIT_TARGET_TYPES = ['agenda', 'appointment', 'document', 'student'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const auditQuery = z
  .object({
    studentId: z.string().uuid({ message: 'Not a valid id.' }).optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type AuditQuery = z.output<typeof auditQuery>;

/** A person on an audit row: the id and name while the account exists, the pseudonym always. */
const auditPersonSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  pseudonym: z.string(),
});

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: auditPersonSchema.extend({ role: roleSchema }),
  action: z.enum(AUDIT_ACTIONS),
  student: auditPersonSchema,
  target: z.object({ type: z.enum(AUDIT_TARGET_TYPES), id: z.string().nullable() }),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;
export const auditListResponse = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
