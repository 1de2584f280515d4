import type { ErrorCode, FieldIssue } from '../../shared/contracts/errors';

/** The one error family of the server: a status, a stable code and a message safe to show. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (message: string, issues?: FieldIssue[]) => new AppError(400, 'VALIDATION_FAILED', message, issues),
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
  forbidden: () => new AppError(403, 'FORBIDDEN', 'Your account cannot do this.'),
  notFound: (what = 'This item') => new AppError(404, 'NOT_FOUND', `${what} was not found.`),
  conflict: (code: ErrorCode, message: string) => new AppError(409, code, message),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes, or reset your password.`),
} as const;
