import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES, documentUploadResponse, type DocumentContentType } from '../../../shared/contracts/documents';
import { AppError } from '../../lib/errors';
import { requireAuth } from '../../plugins/session';
import { filenameFromHeader } from './document-files';
import { documentErrors, type DocumentsService } from './documents.service';

const fileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), { message: 'Send the file itself as the request body.' })
  .meta({ type: 'string', format: 'binary', description: 'The file: PDF, Word (.docx, .doc), OpenDocument text (.odt) or UTF-8 plain text.' });

const DESCRIPTION = [
  'Uploads a document for an appointment that needs one (APPT-02). The body is the file, with its type as',
  `Content-Type (${DOCUMENT_CONTENT_TYPES.join(', ')}) and its name in \`Content-Disposition: attachment; filename="resume.pdf"\`.`,
  `At most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB (413 DOCUMENT_TOO_LARGE); bytes that do not match the type → 400`,
  'UNSUPPORTED_DOCUMENT_TYPE. Attach it with `document: {fileId}` when booking, rescheduling or in PUT …/document;',
  'a document attached to no appointment is deleted a day after its upload.',
].join(' ');

function essence(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
}

function isDocumentType(value: string): value is DocumentContentType {
  return (DOCUMENT_CONTENT_TYPES as readonly string[]).includes(value);
}

function declaredLength(request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > 0 ? length : undefined;
}

/** /api/v1/documents: a file the signed-in student or alumnus uploads, to attach to an appointment. */
export function documentsRoutes(documents: DocumentsService) {
  return async (app: FastifyInstance) => {
    // Fastify stops reading at the limit (before reading at all when Content-Length says so): an oversize
    // upload is never buffered.
    app.addContentTypeParser([...DOCUMENT_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (_request, body, done) => done(null, body));
    // The app's error handler answers this one with a generic 413; here it states the size and the limit.
    app.setErrorHandler((error: FastifyError, request) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw documentErrors.tooLarge(declaredLength(request));
      throw error;
    });

    app.withTypeProvider<ZodTypeProvider>().post(
      '',
      {
        bodyLimit: DOCUMENT_MAX_BYTES,
        config: { uploadTypes: DOCUMENT_CONTENT_TYPES },
        schema: {
          tags: ['documents'],
          summary: 'Upload a document (the file is the body)',
          description: DESCRIPTION,
          consumes: [...DOCUMENT_CONTENT_TYPES],
          body: fileBody,
          response: { 201: documentUploadResponse },
        },
        // JSON is the one other body type the app parses; a document is always a file.
        onRequest: async (request) => {
          if (request.headers['content-type'] !== undefined && !isDocumentType(essence(request))) {
            throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the file with its type as Content-Type: ${DOCUMENT_CONTENT_TYPES.join(', ')}.`);
          }
        },
      },
      async (request, reply) => {
        const type = essence(request);
        if (!isDocumentType(type)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the file with its type as Content-Type: ${DOCUMENT_CONTENT_TYPES.join(', ')}.`);
        const document = await documents.upload(requireAuth(request).user.id, {
          contentType: type,
          charset: /;\s*charset="?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1],
          filename: filenameFromHeader(request.headers['content-disposition']),
          bytes: request.body,
        });
        return reply.status(201).send({ document });
      },
    );
  };
}
