import { z } from 'zod';
import { CANCELLATION_CUTOFFS } from '../domain/appointment-policy';
import { APPOINTMENT_MODES, AUDIENCES, DOCUMENT_KINDS } from '../domain/reason-codes';
import { localDateSchema, timeZoneSchema } from './time';

/** Reason codes (APPT-01) and the office's appointment policy (APPT-02…06): admin-managed, read by everyone. */

const CONTROL = /[\u0000-\u001f\u007f]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v), { message: 'Use a single line without control characters.' });

export const reasonCodeValueSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'Use capital letters, digits and underscores, like PART_TIME_JOB_SEARCH.' });

const minutesSchema = z.number().int().min(5).max(240);
const uniqueSorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

export const reasonCodeSchema = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  defaultMinutes: z.number().int(),
  allowedMinutes: z.array(z.number().int()),
  modes: z.array(z.enum(APPOINTMENT_MODES)),
  audience: z.array(z.enum(AUDIENCES)),
  needsDocument: z.enum(DOCUMENT_KINDS).nullable(),
  active: z.boolean(),
});
export type ReasonCodeDto = z.infer<typeof reasonCodeSchema>;
export const reasonCodeListResponse = z.object({ items: z.array(reasonCodeSchema) });

/** The admin's view adds who offers the code. */
export const adminReasonCodeSchema = reasonCodeSchema.extend({ advisorIds: z.array(z.string()) });
export const adminReasonCodeListResponse = z.object({ items: z.array(adminReasonCodeSchema) });
export const adminReasonCodeEnvelope = z.object({ reasonCode: adminReasonCodeSchema });

const reasonCodeFields = {
  label: line(120),
  description: z.string().trim().max(2_000).default(''),
  defaultMinutes: minutesSchema,
  allowedMinutes: z.array(minutesSchema).min(1).max(12).transform(uniqueSorted),
  modes: z.array(z.enum(APPOINTMENT_MODES)).min(1).transform((m) => [...new Set(m)]),
  audience: z.array(z.enum(AUDIENCES)).min(1).transform((a) => [...new Set(a)]),
  needsDocument: z.enum(DOCUMENT_KINDS).nullable().default(null),
  active: z.boolean().default(true),
};

const defaultIsAllowed = (value: { defaultMinutes?: number; allowedMinutes?: number[] }) =>
  value.defaultMinutes === undefined || value.allowedMinutes === undefined || value.allowedMinutes.includes(value.defaultMinutes);
const defaultIsAllowedIssue = { message: 'The default length must be one of the allowed lengths.', path: ['allowedMinutes'] };

export const createReasonCodeBody = z
  .object({ code: reasonCodeValueSchema, ...reasonCodeFields })
  .strict()
  .refine(defaultIsAllowed, defaultIsAllowedIssue);
export type CreateReasonCodeInput = z.output<typeof createReasonCodeBody>;

export const updateReasonCodeBody = z
  .object({
    label: reasonCodeFields.label.optional(),
    description: z.string().trim().max(2_000).optional(),
    defaultMinutes: minutesSchema.optional(),
    allowedMinutes: reasonCodeFields.allowedMinutes.optional(),
    modes: reasonCodeFields.modes.optional(),
    audience: reasonCodeFields.audience.optional(),
    needsDocument: z.enum(DOCUMENT_KINDS).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine(defaultIsAllowed, defaultIsAllowedIssue);
export type UpdateReasonCodeInput = z.output<typeof updateReasonCodeBody>;

export const reasonCodeParams = z.object({ code: reasonCodeValueSchema });
export const reasonCodeAdvisorsBody = z.object({ advisorIds: z.array(z.string().uuid()).max(500).transform((ids) => [...new Set(ids)]) }).strict();

// ---------------------------------------------------------------------------------------------------------
// Office policy.

export const termSchema = z
  .object({ name: line(80), startsOn: localDateSchema, endsOn: localDateSchema })
  .strict()
  .refine((t) => t.startsOn <= t.endsOn, { message: 'A term ends on or after the day it starts.', path: ['endsOn'] });

export const officePolicyBody = z
  .object({
    /** The office's zone: business days, holidays and term dates are read in it. */
    timezone: timeZoneSchema,
    cancellationCutoff: z.enum(CANCELLATION_CUTOFFS),
    documentLeadHours: z.number().int().min(0).max(14 * 24),
    noShowAfterMinutes: z.number().int().min(1).max(120),
    noShowLadder: z
      .object({ notice: z.number().int().min(1).max(20), warning: z.number().int().min(1).max(20), blocked: z.number().int().min(1).max(20) })
      .strict()
      .refine((l) => l.notice <= l.warning && l.warning <= l.blocked, { message: 'Use notice ≤ warning ≤ blocked.' }),
    termCap: z.number().int().min(1).max(500).nullable(),
    terms: z.array(termSchema).max(40),
    holidays: z.array(localDateSchema).max(400).transform((days) => [...new Set(days)].sort()),
    /** Advisors may book appointments for their students (POST /api/v1/advisors/me/appointments); absent keeps the saved value. */
    advisorsMayBook: z.boolean().optional(),
  })
  .strict();
export type OfficePolicyInput = z.output<typeof officePolicyBody>;

export const officePolicySchema = z.object({
  timezone: z.string(),
  cancellationCutoff: z.enum(CANCELLATION_CUTOFFS),
  documentLeadHours: z.number().int(),
  noShowAfterMinutes: z.number().int(),
  noShowLadder: z.object({ notice: z.number().int(), warning: z.number().int(), blocked: z.number().int() }),
  termCap: z.number().int().nullable(),
  terms: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  holidays: z.array(z.string()),
  /** Advisors may book for their students; false until an admin allows it. */
  advisorsMayBook: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type OfficePolicyDto = z.infer<typeof officePolicySchema>;
export const officePolicyEnvelope = z.object({ policy: officePolicySchema });
