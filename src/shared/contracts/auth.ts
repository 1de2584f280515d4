import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';
import { emailSchema, nameSchema, programSchema, roleSchema } from './users';

// The length floor and the common-password list are checked by the server so the message can say why;
// here only the bounds that keep a request reasonable.
export const passwordSchema = z.string().min(1, { message: 'Enter a password.' }).max(PASSWORD_MAX_LENGTH * 4);

export const registerBody = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema }).strict();
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.object({ email: emailSchema, password: passwordSchema }).strict();
export type LoginBody = z.infer<typeof loginBody>;

export const resetRequestBody = z.object({ email: emailSchema }).strict();
export const resetConfirmBody = z.object({ token: z.string().min(20).max(200), password: passwordSchema }).strict();

/** The signed-in user's own profile: the name, the programme of study (null clears it), or both. */
export const updateMeBody = z
  .object({ name: nameSchema.optional(), program: programSchema.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.program !== undefined, { message: 'Give a name or a program.' });
export type UpdateMeBody = z.output<typeof updateMeBody>;
export const changePasswordBody = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict();

export const emptyBody = z.object({}).strict().nullish();

/** Admin creates staff and alumni accounts; a role is given explicitly here and nowhere else. */
export const createUserBody = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema, program: programSchema.optional() })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;
