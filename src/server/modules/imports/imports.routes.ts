import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, MAPPABLE_FIELDS, importQuery, importResponse } from '../../../shared/contracts/imports';
import { AppError } from '../../lib/errors';
import { requireAuth } from '../../plugins/session';
import { importErrors } from './import-errors';
import type { ImportsService } from './imports.service';

const UPLOAD_TYPES = ['text/csv', 'text/vcard'] as const;

const fileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), { message: 'Send the file itself as the request body (text/csv or text/vcard).' })
  .meta({ type: 'string', format: 'binary', description: 'The file: a CSV export (text/csv) or a vCard file (text/vcard).' });

const DESCRIPTION = [
  [
    'Imports contacts from LinkedIn Connections.csv (format=linkedin), a Google Contacts CSV (google), an Outlook',
    'CSV (outlook), a vCard 2.1/3.0/4.0 file with any number of cards (vcard), or any CSV with a column mapping',
    '(csv). The body is the file: text/csv or text/vcard (UTF-8 unless a charset parameter or a byte-order mark',
    'says otherwise).',
  ],
  [
    '**dryRun defaults to true**: the answer shows what would be created, likely duplicates of existing contacts',
    '(same email, same LinkedIn URL, same name and organisation, or an earlier row of the file) and per-row',
    'errors, and nothing is written. With dryRun=false the import is all or nothing: if any row has an error',
    'nothing is written and the answer is 200 with committed=false, imported=0 and the errors; otherwise every',
    'new row is written in one transaction and duplicates are skipped, so importing the same file again creates',
    'nothing.',
  ],
  [
    'Rows are numbered from 1 at the first record after the header (blank lines count); vCard cards from 1 in',
    'file order. format=csv takes mapping, a URL-encoded JSON object {"<column header>":"<field>"} with fields',
    `${MAPPABLE_FIELDS.join(', ')}; every answer for a CSV lists its columns and the mapping used, which without`,
    'mapping is a guess from the header words.',
  ],
  [
    `Limits: 413 IMPORT_TOO_LARGE over ${IMPORT_MAX_BYTES / 1024 / 1024} MB or ${IMPORT_MAX_ROWS.toLocaleString('en-US')}`,
    'rows; a file that is not text, or not the chosen format, is 400 IMPORT_UNREADABLE.',
  ],
]
  .map((paragraph) => paragraph.join(' '))
  .join('\n\n');

function essence(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
}

function charsetOf(request: FastifyRequest): string | undefined {
  return /;\s*charset="?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1];
}

function declaredLength(request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > 0 ? length : undefined;
}

/** /api/v1/imports: contact files into the signed-in owner's network. */
export function importsRoutes(imports: ImportsService) {
  return async (app: FastifyInstance) => {
    // Fastify stops reading at the limit (before reading at all when Content-Length says so): an oversize
    // upload is never buffered.
    app.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
    // The app's error handler answers this one with a generic 413; here it states the size and the limit.
    app.setErrorHandler((error: FastifyError, request) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw importErrors.fileTooLarge(declaredLength(request));
      throw error;
    });

    app.withTypeProvider<ZodTypeProvider>().post(
      '',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        config: { uploadTypes: UPLOAD_TYPES },
        schema: {
          tags: ['imports'],
          summary: 'Import contacts from a file (dry run by default)',
          description: DESCRIPTION,
          consumes: [...UPLOAD_TYPES],
          querystring: importQuery,
          body: fileBody,
          response: { 200: importResponse },
        },
        // JSON is the one other body type the app parses; an import is always a file.
        onRequest: async (request) => {
          if (request.headers['content-type'] !== undefined && !(UPLOAD_TYPES as readonly string[]).includes(essence(request))) {
            throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv or text/vcard.');
          }
        },
      },
      async (request) => {
        const { format, dryRun, mapping } = request.query;
        const wanted = format === 'vcard' ? 'text/vcard' : 'text/csv';
        if (essence(request) !== wanted) {
          throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send a ${format === 'vcard' ? 'vCard' : 'CSV'} file as ${wanted}.`);
        }
        return imports.run(requireAuth(request).user.id, { format, dryRun: dryRun === 'true', mapping, body: request.body, charset: charsetOf(request) });
      },
    );
  };
}
