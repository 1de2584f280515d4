import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { EXCEPTION_KINDS } from '../../../shared/contracts/advising';
import { APPOINTMENT_STATUSES, CANCELLATION_CUTOFFS } from '../../../shared/domain/appointment-policy';
import { APPOINTMENT_MODES, AUDIENCES, DOCUMENT_KINDS } from '../../../shared/domain/reason-codes';
import { documents } from './documents';
import { users } from './users';

/**
 * Advising appointments (issue 4, ADR 012). The no-overlap rule (APPT-07) is an exclusion constraint that
 * Drizzle cannot express: it lives in the custom migration 0006_appointments_no_overlap.sql.
 */

export const appointmentModeEnum = pgEnum('appointment_mode', APPOINTMENT_MODES);
export const audienceEnum = pgEnum('reason_audience', AUDIENCES);
export const documentKindEnum = pgEnum('document_kind', DOCUMENT_KINDS);
export const appointmentStatusEnum = pgEnum('appointment_status', APPOINTMENT_STATUSES);
export const cancellationCutoffEnum = pgEnum('cancellation_cutoff', CANCELLATION_CUTOFFS);
export const availabilityExceptionKindEnum = pgEnum('availability_exception_kind', EXCEPTION_KINDS);

/** Admin-managed reasons a student books for (APPT-01); seeded with DOMAIN.md §6 by a migration. */
export const reasonCodes = pgTable(
  'reason_codes',
  {
    code: text().primaryKey(),
    label: text().notNull(),
    description: text().notNull().default(''),
    defaultMinutes: integer().notNull(),
    allowedMinutes: integer().array().notNull(),
    modes: appointmentModeEnum().array().notNull(),
    audience: audienceEnum().array().notNull(),
    needsDocument: documentKindEnum(),
    active: boolean().notNull().default(true),
    /** Order of the seed list; codes added later sort after it, by label. */
    sortOrder: integer().notNull().default(1000),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reason_codes_code_format', sql`${t.code} ~ '^[A-Z][A-Z0-9_]{1,49}$'`),
    check('reason_codes_default_allowed', sql`${t.defaultMinutes} = any(${t.allowedMinutes})`),
  ],
);

/** Which advisor offers which reason code. */
export const advisorReasonCodes = pgTable(
  'advisor_reason_codes',
  {
    advisorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reasonCode: text()
      .notNull()
      .references(() => reasonCodes.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.advisorId, t.reasonCode] }), index('advisor_reason_codes_code_idx').on(t.reasonCode)],
);

/** One row per advisor who has set up: zone (IANA, checked by the API), buffer, notice, horizon, feed token. */
export const advisorSettings = pgTable(
  'advisor_settings',
  {
    advisorId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text().notNull(),
    bufferMinutes: integer().notNull().default(0),
    minimumNoticeMinutes: integer().notNull().default(120),
    horizonDays: integer().notNull().default(56),
    /** SHA-256 of the secret in the advisor's calendar subscription URL; null when there is none. */
    calendarFeedTokenHash: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('advisor_settings_feed_token_key').on(t.calendarFeedTokenHash),
    check('advisor_settings_ranges', sql`${t.bufferMinutes} >= 0 and ${t.minimumNoticeMinutes} >= 0 and ${t.horizonDays} > 0`),
  ],
);

/** Weekly hours as wall-clock time in the advisor's zone (ADR 010): ISO weekday, "HH:MM"–"HH:MM". */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid().primaryKey().defaultRandom(),
    advisorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: smallint().notNull(),
    startTime: text().notNull(),
    endTime: text().notNull(),
  },
  (t) => [
    index('availability_rules_advisor_idx').on(t.advisorId),
    check('availability_rules_weekday', sql`${t.weekday} between 1 and 7`),
    check('availability_rules_times', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.endTime} ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and ${t.startTime} < ${t.endTime}`),
  ],
);

/** Time off (instants), a day off (local date) or extra hours (local date + wall times). */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    advisorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: availabilityExceptionKindEnum().notNull(),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    date: date({ mode: 'string' }),
    startTime: text(),
    endTime: text(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('availability_exceptions_advisor_idx').on(t.advisorId),
    check(
      'availability_exceptions_shape',
      sql`(${t.kind} = 'time_off' and ${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt} and ${t.date} is null)
        or (${t.kind} = 'day_off' and ${t.date} is not null and ${t.startsAt} is null and ${t.startTime} is null)
        or (${t.kind} = 'extra_hours' and ${t.date} is not null and ${t.startTime} is not null and ${t.endTime} is not null and ${t.startTime} < ${t.endTime})`,
    ),
  ],
);

export type StoredTerm = { name: string; startsOn: string; endsOn: string };

/** The office's appointment policy (APPT-02…06): one row, id 1; absent until an admin saves it (defaults apply). */
export const officeSettings = pgTable(
  'office_settings',
  {
    id: smallint().primaryKey().default(1),
    timeZone: text().notNull(),
    cancellationCutoff: cancellationCutoffEnum().notNull().default('24h'),
    documentLeadHours: integer().notNull().default(24),
    noShowAfterMinutes: integer().notNull().default(10),
    noShowNotice: integer().notNull().default(1),
    noShowWarning: integer().notNull().default(2),
    noShowBlocked: integer().notNull().default(3),
    termCap: integer(),
    terms: jsonb().$type<StoredTerm[]>().notNull().default([]),
    holidays: date({ mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    /** Advisors may book appointments for their students (issue 4); off until an admin allows it. */
    advisorsMayBook: boolean().notNull().default(false),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check('office_settings_single_row', sql`${t.id} = 1`)],
);

/** Advising appointments. Status changes are compare-and-swap updates (`… WHERE status = 'booked'`). */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    studentId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    advisorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reasonCode: text()
      .notNull()
      .references(() => reasonCodes.code, { onDelete: 'restrict', onUpdate: 'cascade' }),
    mode: appointmentModeEnum().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: appointmentStatusEnum().notNull().default('booked'),
    note: text().notNull().default(''),
    /** APPT-02: the document the code asked for: a link or pasted text, and when it was given. */
    documentKind: documentKindEnum(),
    documentUrl: text(),
    documentText: text(),
    /** An uploaded file instead of a link or text (ADR 013); the file's owner is the student. */
    documentFileId: uuid().references(() => documents.id, { onDelete: 'set null' }),
    documentSubmittedAt: timestamp({ withTimezone: true }),
    /** The booking's Idempotency-Key header: a retried request finds its appointment instead of a 409. */
    idempotencyKey: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text(),
    /** APPT-03: cancelled by the student after the office's cutoff (status late_cancelled). */
    lateCancellation: boolean().notNull().default(false),
    /** APPT-04: when the student arrived, as the advisor marked it; null when absent or not marked. */
    arrivedAt: timestamp({ withTimezone: true }),
    outcomeMarkedAt: timestamp({ withTimezone: true }),
    /** The advisor's private notes: never shown to the student. */
    advisorNotes: text().notNull().default(''),
    rescheduledFromId: uuid().references((): AnyPgColumn => appointments.id, { onDelete: 'set null' }),
    /** Who made the booking: the student, or their advisor when the office allows it (null: booked before this was kept). */
    bookedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Bumped on every change the student's calendar should see (iCalendar SEQUENCE). */
    sequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('appointments_advisor_start_idx').on(t.advisorId, t.startsAt),
    index('appointments_student_start_idx').on(t.studentId, t.startsAt),
    index('appointments_rescheduled_from_idx').on(t.rescheduledFromId),
    index('appointments_document_file_idx').on(t.documentFileId),
    uniqueIndex('appointments_student_idempotency_key').on(t.studentId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    check('appointments_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** APPT-05: a staff meeting lifts a no-show block; no-shows before the latest clearance no longer count. */
export const noShowClearances = pgTable(
  'no_show_clearances',
  {
    id: uuid().primaryKey().defaultRandom(),
    studentId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clearedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    clearedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('no_show_clearances_student_idx').on(t.studentId, t.clearedAt)],
);
