import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseWallTime } from '../domain/slots';

/**
 * Time values on the wire (ADR 010, 012): instants are ISO 8601 with an offset, local dates are
 * "YYYY-MM-DD", wall-clock times "HH:MM", zones are IANA names.
 */

/** An IANA zone name, stored and returned in its canonical spelling ("europe/berlin" → "Europe/Berlin"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'Use an IANA time zone such as Europe/Berlin or America/New_York.' })
  .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);

/** An instant with an explicit offset ("2026-03-09T17:00:00Z" or "…+01:00"). */
export const instantSchema = z.iso.datetime({ offset: true, message: 'Give a date and time with an offset, like 2026-03-09T17:00:00Z.' });

/** A real calendar date "YYYY-MM-DD". */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-03-09.' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'This date does not exist.',
  });

/** A wall-clock time "HH:MM"; "24:00" only ends a range. */
export const wallTimeSchema = z
  .string()
  .regex(/^\d{2}:\d{2}$/, { message: 'Use a time like 09:30.' })
  .refine((value) => parseWallTime(value) !== null, { message: 'Use a time from 00:00 to 24:00.' });

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekdaySchema = z.number().int().min(1).max(7);
