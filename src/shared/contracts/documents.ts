import { z } from 'zod';

/**
 * Uploaded documents for APPT-02 (résumé, cover letter, personal statement …): the file itself, stored in the
 * database and attached to an appointment by its id (ADR 013).
 */

/** The types a document may have; the bytes must match the type (checked by the server). */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** SECURITY.md upload-limits: at most 5 MB per document. */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** A document that is not attached to an appointment is deleted this many hours after its upload. */
export const UNATTACHED_DOCUMENT_HOURS = 24;

export const documentFileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.enum(DOCUMENT_CONTENT_TYPES),
  size: z.number().int(),
});
export type DocumentFileDto = z.infer<typeof documentFileSchema>;
export const documentUploadResponse = z.object({ document: documentFileSchema });
