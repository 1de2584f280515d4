import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { assertSafeHeaders, MAX_ATTEMPTS, retryDelayMs, SEND_TIMEOUT_MS } from './mailer';

function refusal(mail: Parameters<typeof assertSafeHeaders>[0]): unknown {
  try {
    assertSafeHeaders(mail);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('retryDelayMs', () => {
  it('waits 30 s after the first failure and doubles after each one', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(7)).toBe(32 * 60_000);
  });

  it('never waits more than an hour, and never less than 30 s', () => {
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(50)).toBe(3_600_000);
    expect(retryDelayMs(0)).toBe(30_000);
    expect(retryDelayMs(-3)).toBe(30_000);
  });

  it('grows monotonically, so a message is given up about an hour after its first failure', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS + 2 }, (_, i) => retryDelayMs(i + 1));
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    // Attempts 1 … MAX_ATTEMPTS - 1 each schedule one more try; the last one marks the message failed.
    const waited = delays.slice(0, MAX_ATTEMPTS - 1).reduce((sum, d) => sum + d, 0);
    expect(waited).toBe(3_810_000);
  });

  it('gives one send a deadline that lets a batch of 10 finish inside its 5-minute lease', () => {
    expect(SEND_TIMEOUT_MS * 10).toBeLessThan(5 * 60_000);
  });
});

describe('assertSafeHeaders (mail-header-injection, ASVS 1.3.11)', () => {
  const ok = { to: 'amara.okafor@example.edu', subject: 'Your advising appointment on Tuesday' };

  it('accepts one address and a one-line subject, Unicode included', () => {
    expect(refusal(ok)).toBeUndefined();
    expect(refusal({ ...ok, subject: 'Merci, Zoë — à mardi ✓' })).toBeUndefined();
    expect(refusal({ ...ok, subject: 'x'.repeat(300) })).toBeUndefined();
    expect(refusal({ ...ok, attachments: [{ filename: 'appointment.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\n' }] })).toBeUndefined();
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
    ['NUL', '\u0000'],
    ['TAB', '\t'],
    ['DEL', '\u007f'],
    ['NEL', '\u0085'],
    ['LINE SEPARATOR', '\u2028'],
    ['PARAGRAPH SEPARATOR', '\u2029'],
  ])('refuses %s in the subject or the recipient with 400 MAIL_HEADER_INJECTION', (_name, control) => {
    for (const mail of [
      { ...ok, subject: `Hello${control}Bcc: attacker@evil.test` },
      { ...ok, to: `${ok.to}${control}Bcc: attacker@evil.test` },
      { ...ok, to: `${ok.to}${control}` },
    ]) {
      const error = refusal(mail);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ statusCode: 400, code: 'MAIL_HEADER_INJECTION' });
    }
  });

  it.each([
    'amara.okafor@example.edu, attacker@evil.test',
    'amara.okafor@example.edu;attacker@evil.test',
    'Amara <amara.okafor@example.edu>',
    'attacker@evil.test>\u0020<amara.okafor@example.edu',
    'not an address',
    '',
  ])('refuses a recipient that is not exactly one address: %j', (to) => {
    expect(refusal({ ...ok, to })).toMatchObject({ code: 'MAIL_HEADER_INJECTION' });
  });

  it('refuses a subject longer than 300 characters', () => {
    expect(refusal({ ...ok, subject: 'x'.repeat(301) })).toMatchObject({ statusCode: 400, code: 'MAIL_HEADER_INJECTION' });
  });

  it('refuses line breaks in an attachment name or type', () => {
    const ics = { filename: 'appointment.ics', contentType: 'text/calendar', content: '' };
    expect(refusal({ ...ok, attachments: [{ ...ics, filename: 'a.ics\r\nBcc: attacker@evil.test' }] })).toMatchObject({
      code: 'MAIL_HEADER_INJECTION',
    });
    expect(refusal({ ...ok, attachments: [{ ...ics, contentType: 'text/calendar\r\nX-Evil: 1' }] })).toMatchObject({
      code: 'MAIL_HEADER_INJECTION',
    });
  });
});
