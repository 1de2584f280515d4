import { programSchema } from '../../../shared/contracts/users';

/** The most characters a program may have, as the contract says (programSchema). */
export const PROGRAM_MAX_LENGTH = 120;

/** Students and alumni book advising, so theirs is the program advisors see; staff may have one but rarely need it. */
export function takesProgram(role: string): boolean {
  return role === 'student' || role === 'alumni';
}

/** The server's check of a program, in words that say what to do; an empty value is fine (it clears). */
export function checkProgram(value: string): string | null {
  const length = value.trim().length;
  if (length > PROGRAM_MAX_LENGTH) return `Use at most ${PROGRAM_MAX_LENGTH} characters; this has ${length}.`;
  const parsed = programSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the program.');
}

/** What to send for a program field: null when it was emptied (the server clears it), else the text. */
export function programValue(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
