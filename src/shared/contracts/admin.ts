import { z } from 'zod';
import { adminUserSchema, roleSchema } from './users';

export const cursorSchema = z.string().max(200).optional();
export const limitSchema = z.coerce.number().int().min(1).max(100).default(25);

export const listUsersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const userListResponse = z.object({ items: z.array(adminUserSchema), nextCursor: z.string().nullable() });
export const adminUserEnvelope = z.object({ user: adminUserSchema });

export const idParams = z.object({ id: z.string().uuid({ message: 'Not a valid id.' }) });

export const MAIL_STATUSES = ['kept', 'queued', 'sending', 'sent', 'failed'] as const;
export const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailDto = z.infer<typeof mailSchema>;
export const listOutboxQuery = z.object({ limit: limitSchema, cursor: cursorSchema });
export const outboxResponse = z.object({ items: z.array(mailSchema), nextCursor: z.string().nullable(), mode: z.enum(['outbox', 'smtp']) });
