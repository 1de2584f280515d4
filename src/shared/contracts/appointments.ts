import { z } from 'zod';
import { APPOINTMENT_STATUSES, type NoShowStanding } from '../domain/appointment-policy';
import { APPOINTMENT_MODES, DOCUMENT_KINDS } from '../domain/reason-codes';
import { httpUrlSchema } from './contacts';
import { documentFileSchema } from './documents';
import { reasonCodeValueSchema } from './reason-codes';
import { instantSchema, localDateSchema, timeZoneSchema } from './time';
import { emailSchema } from './users';

/** Slots, booking and appointments (issue 4, DOMAIN.md §6) for students, alumni and advisors. */

/** A bound of a slot search: an instant, or a local date read in the viewer's zone (its midnight). */
const boundSchema = z.union([instantSchema, localDateSchema]);

export const slotsQuery = z
  .object({
    reasonCode: reasonCodeValueSchema,
    from: boundSchema.optional(),
    to: boundSchema.optional(),
    /** The viewer's zone: labels are written in it and date-only bounds are read in it. Default UTC. */
    timeZone: timeZoneSchema.optional(),
    /** Alias of timeZone, the spelling the availability body uses. */
    timezone: timeZoneSchema.optional(),
    /** A length the code allows (APPT-01); default the code's default length. */
    minutes: z.coerce.number().int().min(5).max(240).optional(),
    advisorId: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
  })
  .strict();
export type SlotsQuery = z.output<typeof slotsQuery>;

export const slotSchema = z.object({
  advisorId: z.string(),
  advisorName: z.string(),
  start: z.string(),
  end: z.string(),
  /** The start in the viewer's zone with its offset, e.g. 2026-03-09T18:00:00+01:00. */
  startLocal: z.string(),
  /** "Mon 9 Mar, 18:00" in the viewer's zone. */
  label: z.string(),
});
export type SlotDto = z.infer<typeof slotSchema>;
export const slotsResponse = z.object({
  items: z.array(slotSchema),
  reasonCode: z.string(),
  minutes: z.number().int(),
  timeZone: z.string(),
  /** True when more slots matched than `limit`. */
  truncated: z.boolean(),
});

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noteSchema = z
  .string()
  .max(2_000)
  .refine((v) => !CONTROL.test(v), { message: 'Remove control characters.' })
  .default('');

/**
 * APPT-02: the document as a link (http(s) only), as pasted text, or as a file uploaded before through
 * POST /api/v1/documents (its id; the file must be the caller's); exactly one of the three.
 */
export const documentInputSchema = z
  .object({
    url: httpUrlSchema.optional(),
    text: z.string().trim().min(1).max(50_000).refine((v) => !CONTROL.test(v), { message: 'Remove control characters.' }).optional(),
    fileId: z.string().uuid({ message: 'Not a valid document id.' }).optional(),
  })
  .strict()
  .refine((d) => [d.url, d.text, d.fileId].filter((v) => v !== undefined).length === 1, {
    message: 'Give one of a link, the text of the document, or an uploaded file.',
  });
export type DocumentInput = z.output<typeof documentInputSchema>;

/** DESIGN.md: `POST /api/v1/appointments {advisorId,reasonCode,start,mode,note}`; the student is the caller. */
export const bookAppointmentBody = z
  .object({
    advisorId: z.string().uuid(),
    reasonCode: reasonCodeValueSchema,
    start: instantSchema,
    mode: z.enum(APPOINTMENT_MODES),
    note: noteSchema,
    minutes: z.number().int().min(5).max(240).optional(),
    document: documentInputSchema.optional(),
    /** The student's zone, for the wording of the confirmation email; default the advisor's. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type BookAppointmentInput = z.output<typeof bookAppointmentBody>;

/** An Idempotency-Key: 1–200 visible ASCII characters (a UUID is a good choice). */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { message: 'Use 1–200 visible ASCII characters.' });

export const rescheduleBody = z
  .object({ start: instantSchema, advisorId: z.string().uuid().optional(), timeZone: timeZoneSchema.optional() })
  .strict();
export type RescheduleInput = z.output<typeof rescheduleBody>;

export const cancelBody = z
  .object({ reason: z.string().trim().max(500).refine((v) => !CONTROL.test(v), { message: 'Remove control characters.' }).optional() })
  .strict()
  .nullish();

export const documentBody = documentInputSchema;

const documentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS).nullable(),
  url: z.string().nullable(),
  text: z.string().nullable(),
  /** An uploaded file; download it from …/appointments/:id/document. */
  file: documentFileSchema.nullable(),
  submittedAt: z.string(),
});

/** APPT-05's ladder, from no no-shows to booking blocked until a staff meeting. */
export const NO_SHOW_STANDINGS = ['none', 'notice', 'warning', 'blocked'] as const satisfies readonly NoShowStanding[];

export const appointmentSchema = z.object({
  id: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  studentId: z.string(),
  reasonCode: z.string(),
  reasonLabel: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  start: z.string(),
  end: z.string(),
  minutes: z.number().int(),
  status: z.enum(APPOINTMENT_STATUSES),
  note: z.string(),
  /** APPT-02: the document the code needs, once given. */
  documentRequired: z.enum(DOCUMENT_KINDS).nullable(),
  document: documentSchema.nullable(),
  /** APPT-02: a document is added or replaced until this instant (the office's lead time before the start). */
  documentDueAt: z.string(),
  cancelledAt: z.string().nullable(),
  /** APPT-03: cancelled after the office's cutoff. */
  lateCancellation: z.boolean(),
  /** Who cancelled: the student, their advisor, or other office staff; null while not cancelled or when unknown. */
  cancelledBy: z.enum(['student', 'advisor', 'staff']).nullable(),
  /** The reason given when cancelling (a student's own, or the advisor's, which the student is told). */
  cancelReason: z.string().nullable(),
  rescheduledFromId: z.string().nullable(),
  /** The student's programme of study (DESIGN.md: advisors see the student's name and program). */
  studentProgram: z.string().nullable(),
  /** Who made the booking: the student, or their advisor when the office allows it; null for bookings made before this was recorded. */
  bookedById: z.string().nullable(),
  createdAt: z.string(),
});
export type AppointmentDto = z.infer<typeof appointmentSchema>;
export const appointmentEnvelope = z.object({ appointment: appointmentSchema });

export const APPOINTMENT_LIST_SCOPES = ['upcoming', 'past', 'all'] as const;
export const listAppointmentsQuery = z.object({
  scope: z.enum(APPOINTMENT_LIST_SCOPES).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const appointmentListResponse = z.object({ items: z.array(appointmentSchema) });

/** APPT-05/06 as the student sees them: where they stand this term, and why booking may be refused. */
export const standingResponse = z.object({
  term: z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  noShows: z.number().int(),
  standing: z.enum(NO_SHOW_STANDINGS),
  appointments: z.number().int(),
  termCap: z.number().int().nullable(),
  cancellationCutoff: z.string(),
  message: z.string(),
});

// ---------------------------------------------------------------------------------------------------------
// The advisor's side.

export const agendaQuery = z
  .object({
    /** A local date in the advisor's zone; default today there. */
    date: localDateSchema.optional(),
    view: z.enum(['day', 'week']).default('day'),
    includeCancelled: z.enum(['true', 'false']).default('false'),
  })
  .strict();

export const agendaItemSchema = appointmentSchema.extend({
  student: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    /** APPT-05 now: no-shows this term since the latest staff clearance, and the step of the ladder that makes. */
    noShows: z.number().int(),
    standing: z.enum(NO_SHOW_STANDINGS),
  }),
  advisorNotes: z.string(),
  arrivedAt: z.string().nullable(),
});
export type AgendaItemDto = z.infer<typeof agendaItemSchema>;
export const agendaResponse = z.object({
  timezone: z.string(),
  /** The local date asked for (today in the advisor's zone when none was given). */
  date: localDateSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(agendaItemSchema),
});
export const agendaItemEnvelope = z.object({ appointment: agendaItemSchema });

/**
 * An advisor books for a student (when the office allows it): the student by id or by email, exactly one; the
 * advisor is the caller. The document (APPT-02) is the student's to add later.
 */
export const advisorBookingBody = z
  .object({
    studentId: z.string().uuid().optional(),
    studentEmail: emailSchema.optional(),
    reasonCode: reasonCodeValueSchema,
    start: instantSchema,
    mode: z.enum(APPOINTMENT_MODES),
    note: noteSchema,
    minutes: z.number().int().min(5).max(240).optional(),
  })
  .strict()
  .refine((b) => (b.studentId === undefined) !== (b.studentEmail === undefined), { message: 'Give the student’s id or email, not both.', path: ['studentId'] });
export type AdvisorBookingInput = z.output<typeof advisorBookingBody>;

export const ATTENDANCE_OUTCOMES = ['attended', 'late', 'no_show'] as const;
/** APPT-04: the outcome as marked, or the arrival time to classify (null: did not come). */
export const attendanceBody = z
  .object({ outcome: z.enum(ATTENDANCE_OUTCOMES).optional(), arrivedAt: instantSchema.nullable().optional() })
  .strict()
  .refine((b) => b.outcome !== undefined || b.arrivedAt !== undefined, { message: 'Give an outcome or the arrival time.' });
export type AttendanceInput = z.output<typeof attendanceBody>;

export const advisorNotesBody = z.object({ notes: z.string().max(20_000) }).strict();

export const clearanceBody = z.object({ note: z.string().trim().max(500).optional() }).strict().nullish();
export const clearanceResponse = z.object({ studentId: z.string(), clearedAt: z.string() });
