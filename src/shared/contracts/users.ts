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

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

export const adminUserSchema = userSchema.extend({
  disabled: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type AdminUserDto = z.infer<typeof adminUserSchema>;

export const userEnvelope = z.object({ user: userSchema });
