import { emailSchema, nameSchema } from '../../shared/contracts/users';
import { checkPassword } from '../../shared/domain/password-policy';

// Client-side checks give the same answers as the server where they can (length, identity); the list of
// common passwords stays on the server, which says why when it refuses one.
const NO_COMMON_LIST: ReadonlySet<string> = new Set();

export function checkEmail(value: string): string | null {
  if (value.trim() === '') return 'Enter an email address.';
  return emailSchema.safeParse(value).success ? null : 'Enter an email address like name@example.edu.';
}

export function checkName(value: string): string | null {
  const parsed = nameSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter a name.');
}

export function checkPasswordPresent(value: string): string | null {
  return value === '' ? 'Enter your password.' : null;
}

/** For a password being chosen: the policy's own message (too short, too long, same as the email name). */
export function checkNewPassword(value: string, email?: string): string | null {
  if (value === '') return 'Choose a password of at least 8 characters.';
  return checkPassword(value, { commonPasswords: NO_COMMON_LIST, email: email?.trim() || undefined })?.message ?? null;
}
