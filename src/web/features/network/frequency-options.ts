import { KEEP_IN_TOUCH_OPTIONS, type Circle } from '../../../shared/contracts/contacts';
import { defaultKeepInTouchDays } from '../../../shared/domain/cadence';
import { frequencyLabel } from './labels';

/** Select values for keep-in-touch: a number of days, "none", or (on forms) the circle's default. */
export const NONE = 'none';
export const CIRCLE_DEFAULT = 'default';

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The offered frequencies (CAD-08) and "No reminders"; a custom value a contact already has stays listed.
 * With a circle, its default is marked in its option ("Every 3 months (default)").
 */
export function frequencyOptions(current?: number | null, circle?: Circle): { value: string; label: string }[] {
  const days: number[] = [...KEEP_IN_TOUCH_OPTIONS];
  if (typeof current === 'number' && !days.includes(current)) days.push(current);
  days.sort((a, b) => a - b);
  const fallback = circle ? defaultKeepInTouchDays(circle) : undefined;
  const suffix = circle ? ' (default)' : '';
  return [
    ...days.map((day) => ({ value: String(day), label: `${capital(frequencyLabel(day))}${day === fallback ? suffix : ''}` })),
    { value: NONE, label: `No reminders${fallback === null ? suffix : ''}` },
  ];
}

/** The form's options: first the circle's own default, named ("Circle default: every 3 months"). */
export function frequencyOptionsWithDefault(circle: Circle, current?: number | null) {
  return [{ value: CIRCLE_DEFAULT, label: `Circle default: ${frequencyLabel(defaultKeepInTouchDays(circle))}` }, ...frequencyOptions(current)];
}

/** A select value back to days: null for "none"; undefined for the circle's default. */
export function parseFrequency(value: string, circle: Circle): number | null {
  if (value === NONE) return null;
  if (value === CIRCLE_DEFAULT) return defaultKeepInTouchDays(circle);
  const days = Number(value);
  return Number.isInteger(days) && days > 0 ? days : null;
}

export function frequencyValue(days: number | null): string {
  return days === null ? NONE : String(days);
}
