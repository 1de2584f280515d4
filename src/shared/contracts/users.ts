import { z } from 'zod';

/** The four roles of DESIGN.md; one array feeds the Zod enum and the database enum. */
export const ROLES = ['student', 'alumni', 'advisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const emailSchema = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .pipe(z.email({ message: 'Enter an email address like name@example.edu.' }))
  .transform((value) => value.toLowerCase());

export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter your name.' })
  .max(120, { message: 'Use at most 120 characters.' })
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: 'Remove control characters.' });

/**
 * A student's programme of study, e.g. "BA Economics, class of 2027": advisors see it beside the name (DESIGN.md
 * roles). Empty → null (cleared).
 */
export const programSchema = z
  .string()
  .trim()
  .max(120, { message: 'Use at most 120 characters.' })
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: 'Remove control characters.' })
  .transform((value) => (value === '' ? null : value))
  .nullable();

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The programme of study; null when not given. */
  program: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

export const adminUserSchema = userSchema.extend({
  disabled: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type AdminUserDto = z.infer<typeof adminUserSchema>;

export const userEnvelope = z.object({ user: userSchema });
