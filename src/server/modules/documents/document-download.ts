import { create } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { DocumentMeta } from './documents.repo';

/**
 * A download never renders in our origin: always an attachment, the stored type with nosniff, and a CSP that
 * sandboxes the response and allows nothing, should a browser show it anyway (SECURITY.md upload-limits).
 */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

export function sendDocument(reply: FastifyReply, file: DocumentMeta & { content: Buffer }) {
  return reply
    .header('content-disposition', create(file.filename))
    .header('content-type', file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', DOWNLOAD_CONTENT_SECURITY_POLICY)
    .send(file.content);
}
