import { z } from 'zod';
import { parseWallTime } from '../domain/slots';
import { instantSchema, isoWeekdaySchema, localDateSchema, timeZoneSchema, wallTimeSchema } from './time';

/** An advisor's own set-up: zone, weekly hours, exceptions, buffer, notice, horizon, codes offered (issue 4). */

const note = z
  .string()
  .trim()
  .max(300)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'Use a single line.' })
  .default('');

const startsBeforeEnd = (range: { start: string; end: string }) => {
  const start = parseWallTime(range.start);
  const end = parseWallTime(range.end);
  return start !== null && end !== null && start < end;
};
const rangeIssue = { message: 'The end must be after the start (a range across midnight is two rules).', path: ['end'] };

export const weeklyRuleSchema = z
  .object({ weekday: isoWeekdaySchema, start: wallTimeSchema, end: wallTimeSchema })
  .strict()
  .refine(startsBeforeEnd, rangeIssue);

/** DESIGN.md: `PUT /api/v1/advisors/me/availability {timezone, weekly:[{weekday,start,end}]}`. */
export const availabilityBody = z.object({ timezone: timeZoneSchema, weekly: z.array(weeklyRuleSchema).max(70) }).strict();
export type AvailabilityInput = z.output<typeof availabilityBody>;

export const availabilitySchema = z.object({
  timezone: z.string().nullable(),
  weekly: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
});
export const availabilityEnvelope = z.object({ availability: availabilitySchema });

export const advisorSettingsBody = z
  .object({
    timezone: timeZoneSchema,
    /** Free minutes kept before and after every appointment. */
    bufferMinutes: z.number().int().min(0).max(120),
    /** No slot starts sooner than this after now. */
    minimumNoticeMinutes: z.number().int().min(0).max(30 * 24 * 60),
    /** No slot starts this many days or more ahead. */
    horizonDays: z.number().int().min(1).max(365),
  })
  .strict();
export type AdvisorSettingsInput = z.output<typeof advisorSettingsBody>;

export const advisorSettingsSchema = z.object({
  timezone: z.string().nullable(),
  bufferMinutes: z.number().int(),
  minimumNoticeMinutes: z.number().int(),
  horizonDays: z.number().int(),
  calendarFeed: z.boolean(),
  /** The office lets advisors book for their students (POST /api/v1/advisors/me/appointments); set by an admin. */
  mayBookForStudents: z.boolean(),
});
export const advisorSettingsEnvelope = z.object({ settings: advisorSettingsSchema });

export const EXCEPTION_KINDS = ['time_off', 'day_off', 'extra_hours'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const exceptionBody = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('time_off'), start: instantSchema, end: instantSchema, note })
    .strict()
    .refine((e) => Date.parse(e.start) < Date.parse(e.end), { message: 'The end must be after the start.', path: ['end'] }),
  z.object({ kind: z.literal('day_off'), date: localDateSchema, note }).strict(),
  z
    .object({ kind: z.literal('extra_hours'), date: localDateSchema, start: wallTimeSchema, end: wallTimeSchema, note })
    .strict()
    .refine(startsBeforeEnd, rangeIssue),
]);
export type ExceptionInput = z.output<typeof exceptionBody>;

export const exceptionSchema = z.object({
  id: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  start: z.string().nullable(),
  end: z.string().nullable(),
  date: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  note: z.string(),
});
export type ExceptionDto = z.infer<typeof exceptionSchema>;
export const exceptionEnvelope = z.object({ exception: exceptionSchema });
export const exceptionListResponse = z.object({ items: z.array(exceptionSchema) });
export const exceptionListQuery = z.object({ from: instantSchema.optional() });

export const offeredCodesBody = z.object({ codes: z.array(z.string().trim().min(1).max(50)).max(100).transform((c) => [...new Set(c)]) }).strict();
export const offeredCodesResponse = z.object({ codes: z.array(z.string()) });

export const calendarFeedResponse = z.object({ url: z.string() });
