import { and, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mailOutbox, type MailAttachment } from '../../db/schema/index';

export type MailRow = typeof mailOutbox.$inferSelect;

export type NewMail = {
  toAddress: string;
  subject: string;
  textBody: string;
  kind: string;
  userId: string | null;
  attachments: MailAttachment[];
  status: 'kept' | 'queued';
  now: Date;
};

export async function insertMail(db: Db, mail: NewMail): Promise<MailRow> {
  const rows = await db
    .insert(mailOutbox)
    .values({
      toAddress: mail.toAddress,
      subject: mail.subject,
      textBody: mail.textBody,
      kind: mail.kind,
      userId: mail.userId,
      attachments: mail.attachments,
      status: mail.status,
      nextAttemptAt: mail.status === 'queued' ? mail.now : null,
      createdAt: mail.now,
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert into mail_outbox returned no row');
  return row;
}

/**
 * Claims up to `limit` messages that are due, leasing them until `leaseUntil`. SKIP LOCKED lets several
 * instances share the queue; a lease that runs out (the sender died) makes the message due again.
 */
export async function claimDueMail(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<MailRow[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.status, ['queued', 'sending']), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

/** Hands claimed, unsent messages back to the queue (a sender shutting down); the claim's attempt is not counted. */
export async function releaseClaims(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: now })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, 'sending')));
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: now, lastError: null, nextAttemptAt: null }).where(eq(mailOutbox.id, id));
}

export async function markFailedAttempt(db: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(mailOutbox)
    .set(retryAt ? { status: 'queued', lastError: error, nextAttemptAt: retryAt } : { status: 'failed', lastError: error, nextAttemptAt: null })
    .where(eq(mailOutbox.id, id));
}

/** Puts a failed message back in the queue; returns false when it is not in a failed state. */
export async function requeueFailed(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: now })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

export function listMail(db: Db, limit: number, cursor?: { createdAt: Date; id: string }): Promise<MailRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(
      cursor
        ? or(lt(mailOutbox.createdAt, cursor.createdAt), and(eq(mailOutbox.createdAt, cursor.createdAt), lt(mailOutbox.id, cursor.id)))
        : undefined,
    )
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit + 1);
}
