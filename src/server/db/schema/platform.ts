import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** Fixed-window counters for rate limits, kept in the database so every app instance shares them. */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

export const MAIL_STATUSES = ['kept', 'queued', 'sending', 'sent', 'failed'] as const;
export const mailStatusEnum = pgEnum('mail_status', MAIL_STATUSES);

export type MailAttachment = { filename: string; contentType: string; content: string };

/** Every message Rapport writes: the outbox when no SMTP server is set, the durable queue when one is. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    kind: text().notNull(),
    status: mailStatusEnum().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt), index('mail_outbox_created_idx').on(t.createdAt)],
);
