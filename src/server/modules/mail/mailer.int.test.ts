import { createServer, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD, signedInUser, uniqueEmail } from '../../../../tests/factories';
import { startSmtpSink, type SmtpSink } from '../../../../tests/smtp-sink';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { waitFor } from '../../../../tests/wait-for';
import { mailOutbox } from '../../db/schema/index';
import { AppError } from '../../lib/errors';
import type { MailRow } from './mail.repo';
import { createMailer, MAX_ATTEMPTS, retryDelayMs, smtpTransport, type Mailer, type MailTransport } from './mailer';

// nodemailer is given the plain `smtp://127.0.0.1:PORT` URL and needs no TLS option, because the sink
// offers no STARTTLS. Against a server that does offer it with a self-signed certificate, a plain URL
// fails ("certificate has expired" with smtp-server's built-in one): add `?ignoreTLS=true` on a trusted
// loopback relay, or give the server a real certificate.

const TOKEN_LINK = /\/reset-password#token=([A-Za-z0-9_-]{43})/;

async function rowsTo(t: TestApp, to: string): Promise<MailRow[]> {
  return t.app.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
}

async function onlyRowTo(t: TestApp, to: string): Promise<MailRow> {
  const rows = await rowsTo(t, to);
  expect(rows).toHaveLength(1);
  const row = rows[0];
  if (!row) throw new Error(`no mail to ${to}`);
  return row;
}

async function countRows(t: TestApp): Promise<number> {
  return (await t.app.services.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
}

/** The row once the background delivery started by a request has settled into `accept`. */
function waitForRow(t: TestApp, to: string, accept: (row: MailRow) => boolean, what: string): Promise<MailRow> {
  return waitFor(
    async () => {
      const row = (await rowsTo(t, to))[0];
      return row && accept(row) ? row : undefined;
    },
    { what },
  );
}

async function requestReset(t: TestApp, email: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
}

/** A student whose reset email is the one mail of the test; the caller requests it. */
async function studentWithAccount(t: TestApp) {
  const email = uniqueEmail('student');
  await t.app.services.auth.createUser({ email, name: 'Amara Okafor', password: DEFAULT_PASSWORD, role: 'student' });
  return email;
}

describe('outbox mode (no SMTP_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a password reset message with its link; an admin reads it in the outbox, a student gets 403', async () => {
    expect(t.app.services.mailer.mode).toBe('outbox');
    const email = await studentWithAccount(t);
    expect((await requestReset(t, email)).statusCode).toBe(202);

    const row = await onlyRowTo(t, email);
    expect(row).toMatchObject({ status: 'kept', kind: 'password_reset', attempts: 0, nextAttemptAt: null, sentAt: null });

    const admin = await signedInUser(t.app, { role: 'admin' });
    const outbox = await as(t.app, admin.cookie)({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(outbox.statusCode).toBe(200);
    const body = outbox.json();
    expect(body.mode).toBe('outbox');
    const item = body.items.find((m: { to: string }) => m.to === email);
    expect(item).toMatchObject({ status: 'kept', subject: 'Reset your Rapport password', kind: 'password_reset' });
    expect(item.text).toContain(`${t.config.publicUrl}/reset-password#token=`);

    // The link in the kept message is the real one: its token resets the password once.
    const token = TOKEN_LINK.exec(item.text)?.[1];
    expect(token).toBeDefined();
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'quiet orchard bicycle 7' },
    });
    expect(confirm.statusCode).toBe(204);

    const student = await signedInUser(t.app, { role: 'student' });
    const forbidden = await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a retry with 409 when no SMTP server is configured; the message stays kept', async () => {
    const email = await studentWithAccount(t);
    await requestReset(t, email);
    const row = await onlyRowTo(t, email);
    const admin = await signedInUser(t.app, { role: 'admin' });
    const retry = await as(t.app, admin.cookie)({ method: 'POST', url: `/api/v1/admin/outbox/${row.id}/retry`, payload: {} });
    expect(retry.statusCode).toBe(409);
    expect((await onlyRowTo(t, email)).status).toBe('kept');
  });
});

describe('SMTP mode against a real SMTP server on loopback', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('delivers a reset email: the server gets the right To, Subject and link, and the row becomes sent', async () => {
    expect(t.app.services.mailer.mode).toBe('smtp');
    const email = await studentWithAccount(t);
    expect((await requestReset(t, email)).statusCode).toBe(202);

    const row = await waitForRow(t, email, (r) => r.status === 'sent', 'the reset email to be sent');
    expect(row).toMatchObject({ attempts: 1, lastError: null, nextAttemptAt: null });
    expect(row.sentAt?.getTime()).toBe(t.clock.now().getTime());

    const mails = sink.received.filter((m) => m.envelopeTo.includes(email));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('unreachable');
    expect(mail.envelopeTo).toEqual([email]);
    expect(mail.envelopeFrom).toBe('no-reply@rapport.invalid');
    expect(mail.headers.find((h) => h.name === 'to')?.value).toBe(email);
    expect(mail.subject).toBe('Reset your Rapport password');
    expect(mail.text).toContain('Hello Amara Okafor,');
    expect(mail.text).toBe(row.textBody);
    const token = TOKEN_LINK.exec(mail.text)?.[1];
    expect(mail.text).toContain(`${t.config.publicUrl}/reset-password#token=${token}`);
  });

  it('keeps a message refused with 451 queued (attempts 1, error kept) and sends it after the backoff', async () => {
    const email = await studentWithAccount(t);
    sink.refuseNext(1, { code: 451, message: 'Greylisted, try again later' });
    await requestReset(t, email);

    const queued = await waitForRow(t, email, (r) => r.status === 'queued' && r.attempts === 1, 'the first attempt to fail');
    expect(queued.lastError).toMatch(/451/);
    expect(queued.nextAttemptAt?.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(1));
    expect(sink.refused).toBe(1);
    expect(sink.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);

    // Not due yet: a second before the backoff ends nothing is sent.
    t.clock.advance(retryDelayMs(1) - 1_000);
    expect(await t.app.services.mailer.deliverDue()).toBe(0);
    t.clock.advance(1_001);
    expect(await t.app.services.mailer.deliverDue()).toBe(1);

    const sent = await onlyRowTo(t, email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sink.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  });

  it('answers 404 to a retry of a message that has not failed, or does not exist', async () => {
    const email = await studentWithAccount(t);
    await requestReset(t, email);
    const sent = await waitForRow(t, email, (r) => r.status === 'sent', 'the reset email to be sent');
    const admin = await signedInUser(t.app, { role: 'admin' });
    const adminAs = as(t.app, admin.cookie);

    const notFailed = await adminAs({ method: 'POST', url: `/api/v1/admin/outbox/${sent.id}/retry`, payload: {} });
    expect(notFailed.statusCode).toBe(404);
    expect(notFailed.json().error.code).toBe('NOT_FOUND');
    const unknown = await adminAs({ method: 'POST', url: '/api/v1/admin/outbox/0b0e4c9e-5a8e-4b7e-9d7e-3a1c2f9e8d70/retry', payload: {} });
    expect(unknown.statusCode).toBe(404);
    const badId = await adminAs({ method: 'POST', url: '/api/v1/admin/outbox/not-an-id/retry', payload: {} });
    expect(badId.statusCode).toBe(400);
    expect((await onlyRowTo(t, email)).status).toBe('sent');
    expect(sink.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  });
});

describe('SMTP server down', () => {
  let port: number;
  let t: TestApp;
  let revived: SmtpSink | undefined;
  beforeAll(async () => {
    // Take a free port and close it again: connections to it are refused until the sink comes back on it.
    const probe = await startSmtpSink();
    port = probe.port;
    await probe.close();
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await revived?.close();
  });

  it('fails a message after MAX_ATTEMPTS without losing it; an admin retry sends it once the server is back', async () => {
    const email = await studentWithAccount(t);
    await requestReset(t, email);
    let row = await waitForRow(t, email, (r) => r.attempts === 1 && r.status === 'queued', 'the first attempt to fail');
    expect(row.lastError).toMatch(/ECONNREFUSED/);

    for (let pass = 2; pass <= MAX_ATTEMPTS; pass += 1) {
      t.clock.advance(retryDelayMs(row.attempts));
      expect(await t.app.services.mailer.deliverDue()).toBe(0);
      row = await onlyRowTo(t, email);
      expect(row.attempts).toBe(pass);
      expect(row.status).toBe(pass < MAX_ATTEMPTS ? 'queued' : 'failed');
    }
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.textBody).toMatch(TOKEN_LINK);

    // A failed message stays where it is: no more automatic tries, however long we wait.
    t.clock.advance(24 * 3_600_000);
    expect(await t.app.services.mailer.deliverDue()).toBe(0);
    expect((await onlyRowTo(t, email)).status).toBe('failed');

    const admin = await signedInUser(t.app, { role: 'admin' });
    const adminAs = as(t.app, admin.cookie);
    const outbox = (await adminAs({ method: 'GET', url: '/api/v1/admin/outbox' })).json();
    expect(outbox.mode).toBe('smtp');
    expect(outbox.items.find((m: { id: string }) => m.id === row.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });

    const student = await signedInUser(t.app, { role: 'student' });
    const studentRetry = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/admin/outbox/${row.id}/retry`, payload: {} });
    expect(studentRetry.statusCode).toBe(403);
    expect((await onlyRowTo(t, email)).status).toBe('failed');

    revived = await startSmtpSink(port);
    const retry = await adminAs({ method: 'POST', url: `/api/v1/admin/outbox/${row.id}/retry`, payload: {} });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id: row.id });

    const sent = await waitForRow(t, email, (r) => r.status === 'sent', 'the retried message to be sent');
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
    const mails = revived.received.filter((m) => m.envelopeTo.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Reset your Rapport password');
    expect(mails[0]?.text).toBe(row.textBody);

    const again = await adminAs({ method: 'POST', url: `/api/v1/admin/outbox/${row.id}/retry`, payload: {} });
    expect(again.statusCode).toBe(404);
  });

  it('gives up on a stalled SMTP server at the send deadline, so the lease is never outlived', async () => {
    // Accepts the connection and never says hello: without a deadline the send would hang for minutes.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const mailer = createMailer({
      db: t.app.services.db,
      clock: t.clock,
      from: 'Rapport <no-reply@rapport.invalid>',
      transport: smtpTransport(`smtp://127.0.0.1:${address.port}`),
      sendTimeoutMs: 300,
    });
    try {
      const to = uniqueEmail('stalled');
      await mailer.send({ to, subject: 'Your appointment', text: 'See you on Tuesday.', kind: 'test' });
      const started = Date.now();
      expect(await mailer.deliverDue()).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      const row = await onlyRowTo(t, to);
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row.lastError).toMatch(/abort|timeout/i);
    } finally {
      await mailer.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('the delivery queue shared by several app instances', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  function instance(transport: MailTransport = smtpTransport(sink.url)): Mailer {
    return createMailer({ db: t.app.services.db, clock: t.clock, from: 'Rapport <no-reply@rapport.invalid>', transport });
  }

  it('sends each message exactly once when four instances deliver at the same time (SKIP LOCKED)', async () => {
    const senders = [instance(), instance(), instance(), instance()];
    const recipients = Array.from({ length: 40 }, () => uniqueEmail('queue'));
    for (const to of recipients) await t.app.services.mailer.send({ to, subject: 'Your weekly digest', text: 'Three things are due.', kind: 'test' });

    const counts = await Promise.all(senders.flatMap((sender) => [sender.deliverDue(), sender.deliverDue()]));
    await Promise.all(senders.map((sender) => sender.stop()));

    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(recipients.length);
    for (const to of recipients) {
      expect(sink.received.filter((m) => m.envelopeTo.includes(to)), to).toHaveLength(1);
      expect(await onlyRowTo(t, to)).toMatchObject({ status: 'sent', attempts: 1 });
    }
  });

  it('stops between messages on shutdown: the send in flight finishes, the rest go back to the queue at once', async () => {
    const real = smtpTransport(sink.url);
    let stopping: Promise<void> | undefined;
    const sender: Mailer = instance({
      async sendMail(message) {
        const info = await real.sendMail(message);
        stopping ??= sender.stop();
        return info;
      },
      close: () => real.close?.(),
    });
    const recipients = Array.from({ length: 15 }, () => uniqueEmail('shutdown'));
    for (const to of recipients) await sender.send({ to, subject: 'Reminder', text: 'A follow-up is due.', kind: 'test' });

    expect(await sender.deliverDue()).toBe(1);
    await stopping;
    const rows = await Promise.all(recipients.map((to) => onlyRowTo(t, to)));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    const back = rows.filter((r) => r.status !== 'sent');
    expect(back).toHaveLength(recipients.length - 1);
    for (const row of back) {
      expect(row).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
      expect(row.nextAttemptAt?.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    }
    expect(await sender.deliverDue()).toBe(0);

    // Another instance picks them up straight away.
    expect(await t.app.services.mailer.deliverDue()).toBe(recipients.length - 1);
    for (const to of recipients) expect(sink.received.filter((m) => m.envelopeTo.includes(to))).toHaveLength(1);
  });
});

describe('mail-header-injection (ASVS 1.3.11)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const lineBreaks = ['\r\n', '\n', '\r'];

  it('mail-header-injection: CR/LF in a subject or recipient given to the mailer → 400 MAIL_HEADER_INJECTION, no row', async () => {
    const before = await countRows(t);
    const to = uniqueEmail('victim');
    const attempts = lineBreaks.flatMap((br) => [
      { to, subject: `Hello${br}Bcc: attacker@evil.test` },
      { to: `${to}${br}Bcc: attacker@evil.test`, subject: 'Hello' },
      { to: `${to}${br}`, subject: 'Hello' },
      { to, subject: `Hello${br}${br}Injected body` },
    ]);
    for (const headers of attempts) {
      const error = await t.app.services.mailer.send({ ...headers, text: 'Hi', kind: 'test' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(headers)).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ statusCode: 400, code: 'MAIL_HEADER_INJECTION' });
    }
    expect(await countRows(t)).toBe(before);
    expect(await t.app.services.mailer.deliverDue()).toBe(0);
    expect(sink.received.filter((m) => m.raw.includes('attacker@evil.test'))).toHaveLength(0);
  });

  it('mail-header-injection: CR/LF inside the email of a reset request → 400 and no mail', async () => {
    const email = await studentWithAccount(t);
    const before = await countRows(t);
    for (const br of lineBreaks) {
      const response = await requestReset(t, `${email}${br}Bcc: attacker@evil.test`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await countRows(t)).toBe(before);
    expect(await t.app.services.mailer.deliverDue()).toBe(0);
    expect(sink.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);

    // Trailing whitespace (a CR/LF included) is trimmed by the email schema: the mail goes to the clean
    // address and carries no line break into a header.
    expect((await requestReset(t, `${email}\r\n`)).statusCode).toBe(202);
    const row = await waitForRow(t, email, (r) => r.status === 'sent', 'the reset email to be sent');
    expect(row.toAddress).toBe(email);
    const mails = sink.received.filter((m) => m.envelopeTo.includes(email));
    expect(mails.map((m) => m.envelopeTo)).toEqual([[email]]);
  });

  it('mail-header-injection: the SMTP server never receives a header smuggled in a subject', async () => {
    const to = uniqueEmail('victim');
    await expect(t.app.services.mailer.send({ to, subject: 'Hi\r\nBcc: attacker@evil.test', text: 'x', kind: 'test' })).rejects.toMatchObject({
      code: 'MAIL_HEADER_INJECTION',
    });
    // Unicode line separators are refused as well; what may pass is one line of look-alike text.
    for (const subject of ['Hi\u2028Bcc: attacker@evil.test', 'Hi\u0085Bcc: attacker@evil.test']) {
      await expect(t.app.services.mailer.send({ to, subject, text: 'x', kind: 'test' })).rejects.toMatchObject({ code: 'MAIL_HEADER_INJECTION' });
    }
    const subjects = ['Hi Bcc: attacker@evil.test'];
    for (const subject of subjects) await t.app.services.mailer.send({ to, subject, text: 'Body', kind: 'test' });
    expect(await t.app.services.mailer.deliverDue()).toBe(subjects.length);

    const mails = sink.received.filter((m) => m.envelopeTo.includes(to));
    expect(mails.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    for (const mail of mails) {
      expect(mail.envelopeTo).toEqual([to]);
      expect(mail.headers.filter((h) => h.name === 'bcc')).toEqual([]);
      expect(mail.headers.filter((h) => h.name === 'subject')).toHaveLength(1);
      expect(mail.headers.filter((h) => h.name === 'to').map((h) => h.value)).toEqual([to]);
      // Nothing after the subject's own line starts a header of its own.
      expect(mail.raw.split('\r\n\r\n')[0]).not.toMatch(/\r\nBcc:/i);
    }
    expect(sink.received.some((m) => m.envelopeTo.includes('attacker@evil.test'))).toBe(false);
  });
});
