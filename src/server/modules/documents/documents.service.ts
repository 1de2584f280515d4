import { DOCUMENT_MAX_BYTES, UNATTACHED_DOCUMENT_HOURS, type DocumentContentType, type DocumentFileDto } from '../../../shared/contracts/documents';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError, errors } from '../../lib/errors';
import { matchesType, safeFilename } from './document-files';
import { deleteUnattachedDocuments, insertDocument } from './documents.repo';

const MB = 1024 * 1024;
const HOUR_MS = 3_600_000;
/** How often unattached documents are looked for after the sweep at start. */
export const SWEEP_EVERY_MS = HOUR_MS;

const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;

const TYPE_NAMES: Record<DocumentContentType, string> = {
  'application/pdf': 'a PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document (.docx)',
  'application/msword': 'a Word 97–2003 document (.doc)',
  'application/vnd.oasis.opendocument.text': 'an OpenDocument text (.odt)',
  'text/plain': 'UTF-8 plain text',
};

/** The upload errors, each saying what was expected (SECURITY.md upload-limits). */
export const documentErrors = {
  /** 413 stating the limit; `bytes` is the declared length when the client sent one. */
  tooLarge: (bytes: number | undefined) =>
    new AppError(
      413,
      'DOCUMENT_TOO_LARGE',
      `${bytes === undefined ? 'The file is larger than the limit' : `The file is ${megabytes(bytes)}`}; documents can be at most ${megabytes(DOCUMENT_MAX_BYTES)}.`,
    ),
  wrongType: (type: DocumentContentType) =>
    new AppError(
      400,
      'UNSUPPORTED_DOCUMENT_TYPE',
      `The file is not ${TYPE_NAMES[type]} as its type says. Upload a PDF, a Word (.docx or .doc) or OpenDocument (.odt) file, or UTF-8 plain text.`,
    ),
};

export type Upload = { contentType: DocumentContentType; charset: string | undefined; filename: string | undefined; bytes: Buffer };

/** Documents for APPT-02 (ADR 013): uploads checked against their type, and a sweep of files nobody attached. */
export function createDocumentsService(deps: { db: Db; clock: Clock; onSweepError?: (error: unknown) => void }) {
  const { db, clock } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  /** Deletes what was uploaded more than a day ago and is attached to no appointment; returns how many. */
  function sweep(): Promise<number> {
    running = running
      .catch(() => 0)
      .then(() => deleteUnattachedDocuments(db, new Date(clock.now().getTime() - UNATTACHED_DOCUMENT_HOURS * HOUR_MS)));
    return running;
  }

  function sweepInBackground(): void {
    sweep().catch((error: unknown) => deps.onSweepError?.(error));
  }

  return {
    /** Stores a file the caller owns after checking its name, size and bytes (400 for a file that is not its type). */
    async upload(ownerId: string, upload: Upload): Promise<DocumentFileDto> {
      if (upload.filename === undefined) {
        throw errors.validation('Send the file name in a header: Content-Disposition: attachment; filename="resume.pdf".', [
          { path: 'Content-Disposition', message: 'Give the file name.' },
        ]);
      }
      if (upload.bytes.length === 0) throw errors.validation('The file is empty.');
      if (upload.bytes.length > DOCUMENT_MAX_BYTES) throw documentErrors.tooLarge(upload.bytes.length);
      if (upload.contentType === 'text/plain' && upload.charset !== undefined && !/^utf-?8$/i.test(upload.charset)) {
        throw new AppError(400, 'UNSUPPORTED_DOCUMENT_TYPE', 'Plain-text documents must be UTF-8. Save the file as UTF-8 and upload it again.');
      }
      if (!matchesType(upload.contentType, upload.bytes)) throw documentErrors.wrongType(upload.contentType);
      return insertDocument(db, {
        ownerId,
        filename: safeFilename(upload.filename, upload.contentType),
        contentType: upload.contentType,
        size: upload.bytes.length,
        content: upload.bytes,
        createdAt: clock.now(),
      });
    },

    sweep,

    /** Sweeps now and then every hour until stop(); the timer never keeps the process alive. */
    start(): void {
      if (timer) return;
      timer = setInterval(sweepInBackground, SWEEP_EVERY_MS);
      timer.unref();
      sweepInBackground();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => 0);
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
