import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { MailAttachment } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { claimDueMail, insertMail, markFailedAttempt, markSent, releaseClaims, type MailRow } from './mail.repo';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** What the message is for (password_reset, appointment_confirmation, …); shown in the admin outbox. */
  kind: string;
  userId?: string | null;
  attachments?: MailAttachment[];
};

/** What actually talks SMTP; nodemailer in production, anything with the same shape in a test. */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments: { filename: string; contentType: string; content: string }[];
    /** Aborts the send when it runs past its deadline (nodemailer honours it). */
    signal?: AbortSignal;
  }): Promise<unknown>;
  close?(): void;
};

export type Mailer = {
  /** Stores the message (inside the caller's transaction when given one) and wakes the sender. */
  send(mail: OutgoingMail, db?: Db): Promise<MailRow>;
  /** Sends what is due now; returns how many were handed to SMTP. Used by the loop and by tests. */
  deliverDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  readonly mode: 'outbox' | 'smtp';
};

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;
const POLL_MS = 5_000;
const BATCH_SIZE = 10;
// A claimed batch must be done before its lease runs out, or another instance claims the same messages
// and sends them a second time. nodemailer's own timeouts do not bound a send (socket inactivity alone
// defaults to 10 min, longer than the lease), so each send gets a hard deadline: 10 × 25 s < 5 min.
export const SEND_TIMEOUT_MS = 25_000;

// A single address with no way to smuggle headers (ASVS 1.3.11): CR, LF and other controls are refused.
const recipientSchema = z.email();
// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators: none belong in a header.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Milliseconds until the next try after `attempts` failures: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export function assertSafeHeaders(mail: Pick<OutgoingMail, 'to' | 'subject' | 'attachments'>): void {
  if (CONTROL_CHARS.test(mail.to) || !recipientSchema.safeParse(mail.to).success) {
    throw new AppError(400, 'MAIL_HEADER_INJECTION', 'The recipient must be one email address without line breaks.');
  }
  if (CONTROL_CHARS.test(mail.subject) || mail.subject.length > 300) {
    throw new AppError(400, 'MAIL_HEADER_INJECTION', 'The subject must be one line of at most 300 characters.');
  }
  for (const attachment of mail.attachments ?? []) {
    if (CONTROL_CHARS.test(attachment.filename) || CONTROL_CHARS.test(attachment.contentType)) {
      throw new AppError(400, 'MAIL_HEADER_INJECTION', 'Attachment names must be one line.');
    }
  }
}

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

type MailerOptions = {
  db: Db;
  clock: Clock;
  from: string;
  transport: MailTransport | undefined;
  onError?: (error: unknown, mail: MailRow) => void;
  /** Deadline of one SMTP send; tests shorten it. */
  sendTimeoutMs?: number;
};

/** The one mail module: an outbox without SMTP, a durable retrying queue with it. Nothing is lost. */
export function createMailer(options: MailerOptions): Mailer {
  const { db, clock, from, transport } = options;
  const sendTimeoutMs = Math.min(options.sendTimeoutMs ?? SEND_TIMEOUT_MS, SEND_TIMEOUT_MS);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function deliverOnce(): Promise<number> {
    if (!transport) return 0;
    let delivered = 0;
    for (;;) {
      // Once stopped, no new batch: stop() used to wait until the whole queue was drained, so a backlog
      // held shutdown past main's 15 s limit and the process was killed before the database closed.
      if (stopped) return delivered;
      const now = clock.now();
      const batch = await claimDueMail(db, now, new Date(now.getTime() + LEASE_MS), BATCH_SIZE);
      if (batch.length === 0) return delivered;
      for (const [index, mail] of batch.entries()) {
        if (stopped) {
          // What this pass claimed but did not send goes back to the queue now, not when the lease ends.
          await releaseClaims(db, batch.slice(index).map((m) => m.id), clock.now());
          return delivered;
        }
        try {
          await transport.sendMail({
            from,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.textBody,
            attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
            signal: AbortSignal.timeout(sendTimeoutMs),
          });
          await markSent(db, mail.id, clock.now());
          delivered += 1;
        } catch (error) {
          options.onError?.(error, mail);
          const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
          const retryAt = mail.attempts >= MAX_ATTEMPTS ? null : new Date(clock.now().getTime() + retryDelayMs(mail.attempts));
          await markFailedAttempt(db, mail.id, message, retryAt);
        }
      }
    }
  }

  // Delivery passes run one after another in this process; other instances are kept apart by SKIP LOCKED.
  let chain: Promise<unknown> = Promise.resolve();
  function deliverDue(): Promise<number> {
    const run = chain.then(deliverOnce, deliverOnce);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(mail, tx) {
      assertSafeHeaders(mail);
      const row = await insertMail(tx ?? db, {
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        kind: mail.kind,
        userId: mail.userId ?? null,
        attachments: mail.attachments ?? [],
        status: transport ? 'queued' : 'kept',
        now: clock.now(),
      });
      if (transport && timer && !tx) setImmediate(() => void deliverDue().catch(() => {}));
      return row;
    },
    deliverDue,
    start() {
      if (!transport || timer || stopped) return;
      timer = setInterval(() => void deliverDue().catch(() => {}), POLL_MS);
      timer.unref();
      setImmediate(() => void deliverDue().catch(() => {}));
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await chain;
      transport?.close?.();
    },
  };
}
