/**
 * Password policy (ASVS 6.2.1, 6.2.4, 6.2.5, 6.2.8, 6.2.9): at least 8 characters, at least 64 allowed
 * (we allow 256), any Unicode, never truncated or composed with rules, and not a commonly used password.
 * Length counts Unicode code points after NFC normalisation, as people count characters.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | { reason: 'too_short'; message: string }
  | { reason: 'too_long'; message: string }
  | { reason: 'common'; message: string }
  | { reason: 'contains_identity'; message: string };

export type PasswordContext = {
  commonPasswords: ReadonlySet<string>;
  email?: string;
};

export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/** Returns the first problem with a password, or null when it is acceptable. */
export function checkPassword(password: string, context: PasswordContext): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return { reason: 'too_short', message: `Use at least ${PASSWORD_MIN_LENGTH} characters; a short phrase works well.` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { reason: 'too_long', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const lowered = normalizePassword(password).toLowerCase();
  if (context.commonPasswords.has(lowered)) {
    return {
      reason: 'common',
      message: 'This password is on lists of commonly used passwords that attackers try first. Choose another, such as a few unrelated words.',
    };
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered === local) {
    return { reason: 'contains_identity', message: 'Do not use your email name as your password.' };
  }
  return null;
}
