import { z } from 'zod';

/** Every error code the API can return; the web client switches on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'IMPORT_TOO_LARGE',
  'IMPORT_UNREADABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CROSS_ORIGIN_REQUEST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INVALID_RESET_TOKEN',
  'ACCOUNT_DISABLED',
  'CANNOT_CHANGE_SELF',
  'MAIL_HEADER_INJECTION',
  'CONFLICT',
  // Advising appointments (DOMAIN.md §6, ADR 012).
  'REASON_CODE_UNAVAILABLE',
  'REASON_CODE_EXISTS',
  'REASON_CODE_IN_USE',
  'SLOT_NOT_AVAILABLE',
  'APPOINTMENT_SLOT_TAKEN',
  'DOCUMENT_REQUIRED',
  'DOCUMENT_DEADLINE_PASSED',
  'BOOKING_BLOCKED',
  'TERM_CAP_REACHED',
  'IDEMPOTENCY_KEY_REUSED',
  'APPOINTMENT_NOT_BOOKED',
  'APPOINTMENT_ALREADY_STARTED',
  'APPOINTMENT_NOT_STARTED',
  'RESCHEDULE_TOO_LATE',
  'INVALID_STATUS_TRANSITION',
  'ADVISOR_BOOKING_DISABLED',
  // Uploaded documents (APPT-02, ADR 013).
  'DOCUMENT_TOO_LARGE',
  'UNSUPPORTED_DOCUMENT_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(fieldIssueSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
