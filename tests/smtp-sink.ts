import { SMTPServer, type SMTPServerDataStream, type SMTPServerError, type SMTPServerSession } from 'smtp-server';

/** A message as the SMTP server received it: the envelope, the raw bytes and the decoded parts. */
export type ReceivedMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  /** Unfolded header lines in order; names lower-cased. */
  headers: { name: string; value: string }[];
  subject: string;
  /** The text body, transfer encoding undone, line ends as \n. */
  text: string;
};

export type SmtpSink = {
  port: number;
  /** `smtp://127.0.0.1:PORT`: plain SMTP, the server offers no STARTTLS, so none is tried. */
  url: string;
  received: ReceivedMail[];
  /** Answers the next `count` messages after DATA with this reply instead of accepting them. */
  refuseNext(count: number, reply?: { code: number; message: string }): void;
  /** How many messages were refused so far. */
  readonly refused: number;
  close(): Promise<void>;
};

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// RFC 2047 words (=?UTF-8?Q?…?=); whitespace between two adjacent words belongs to neither.
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_all, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** Splits a single-part text message (what Rapport sends without attachments) into headers and text. */
export function parseMessage(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = head
    .replace(/\r\n(?=[ \t])/g, '')
    .split('\r\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
    });
  const header = (name: string) => headers.find((h) => h.name === name)?.value ?? '';
  const encoding = header('content-transfer-encoding').toLowerCase();
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { headers, subject: decodeEncodedWords(header('subject')), text: decoded.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

/**
 * A real SMTP server on loopback that keeps what it accepts; port 0 picks a free port. Plain SMTP with
 * optional auth: nodemailer given `smtp://127.0.0.1:PORT` talks to it without any TLS option.
 */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let toRefuse = 0;
  let refused = 0;
  let refusal = { code: 451, message: 'Try again later' };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused += 1;
          const error: SMTPServerError = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  // A client that hangs up mid-session is not a test failure.
  server.on('error', () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP sink has no TCP address');

  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    refuseNext(count, reply) {
      toRefuse = count;
      if (reply) refusal = reply;
    },
    get refused() {
      return refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
