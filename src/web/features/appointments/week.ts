/** Calendar weeks for the booking page: Monday to Sunday, as "YYYY-MM-DD" dates of the viewer's calendar. */
import { addDays } from './zoned-time';

/** Noon UTC of a calendar date: formatting it in UTC gives that date whatever the viewer's zone. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** The Monday of the week a date falls in. */
export function weekStart(date: string): string {
  const isoWeekday = noon(date).getUTCDay() || 7;
  return addDays(date, 1 - isoWeekday);
}

/** The seven dates of the week that starts on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** How many whole weeks `later` is after `earlier` (both Mondays). */
export function weeksBetween(earlier: string, later: string): number {
  return Math.round((noon(later).getTime() - noon(earlier).getTime()) / (7 * 86_400_000));
}

const part = (date: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(noon(date));

/** The words of a date in the week strip: "Tue", "9", "Tuesday 9 December". */
export function dayParts(date: string): { short: string; day: string; month: string; long: string } {
  return {
    short: part(date, { weekday: 'short' }),
    day: part(date, { day: 'numeric' }),
    month: part(date, { month: 'long' }),
    long: part(date, { weekday: 'long', day: 'numeric', month: 'long' }),
  };
}

/** "8–14 December 2026", "29 December 2026 – 4 January 2027". */
export function formatWeekRange(monday: string): string {
  const sunday = addDays(monday, 6);
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  const sameMonth = sameYear && monday.slice(5, 7) === sunday.slice(5, 7);
  if (sameMonth) return `${part(monday, { day: 'numeric' })}–${part(sunday, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  if (sameYear) return `${part(monday, { day: 'numeric', month: 'long' })} – ${part(sunday, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${part(monday, { day: 'numeric', month: 'long', year: 'numeric' })} – ${part(sunday, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

export const DAY_PARTS = [
  { value: 'morning', label: 'Morning' },
  { value: 'afternoon', label: 'Afternoon' },
  { value: 'evening', label: 'Evening' },
] as const;
export type DayPart = (typeof DAY_PARTS)[number]['value'];

/** Morning before 12:00, afternoon before 17:00, evening after, by the wall clock of `startLocal` ("…T14:30:00-05:00"). */
export function dayPartOf(startLocal: string): DayPart {
  const hour = Number(startLocal.slice(11, 13));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}
