import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES, documentUploadResponse, type DocumentContentType, type DocumentFileDto } from '../../../shared/contracts/documents';
import { ERROR_CODES, errorBodySchema, type ErrorCode } from '../../../shared/contracts/errors';
import { ApiError } from '../../lib/api';

/** What the file picker offers: the types by name and by extension (some systems give no type for .odt). */
export const DOCUMENT_ACCEPT = [...DOCUMENT_CONTENT_TYPES, '.pdf', '.docx', '.doc', '.odt', '.txt'].join(',');
export const DOCUMENT_TYPES_HINT = 'PDF, Word (.docx or .doc), OpenDocument (.odt) or plain text, up to 5 MB.';

const BY_EXTENSION: Record<string, DocumentContentType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};

const codeOf = (code: string): ErrorCode | 'UNEXPECTED_RESPONSE' => ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'UNEXPECTED_RESPONSE');

/** "212 KB", "1.4 MB": a file's size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The type to send a file with: its own when the server takes it, else the one its extension names. */
export function documentTypeOf(file: File): DocumentContentType | null {
  const own = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if ((DOCUMENT_CONTENT_TYPES as readonly string[]).includes(own)) return own as DocumentContentType;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** What is wrong with a file before it is sent, in words that say what to do; null when it can go. */
export function documentProblem(file: File): string | null {
  if (!documentTypeOf(file)) return `“${file.name}” is not a type we take. Choose a PDF, Word, OpenDocument or plain-text file.`;
  if (file.size === 0) return `“${file.name}” is empty. Choose the file again.`;
  if (file.size > DOCUMENT_MAX_BYTES) return `“${file.name}” is ${formatSize(file.size)}; the limit is 5 MB. Save a smaller copy (a PDF export is often smaller), or paste a link instead.`;
  return null;
}

/**
 * Sends a file to POST /api/v1/documents as its raw body, reporting progress (0–1); answers the stored file or
 * throws the API's error (413 too large, 400 not the type it claims, 415).
 */
export function uploadDocument(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<DocumentFileDto> {
  const type = documentTypeOf(file);
  return new Promise((resolve, reject) => {
    if (!type) {
      reject(new ApiError(400, 'UNSUPPORTED_DOCUMENT_TYPE', documentProblem(file) ?? 'Choose another file.'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/documents');
    request.withCredentials = true;
    request.setRequestHeader('content-type', type);
    request.setRequestHeader('accept', 'application/json');
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    request.setRequestHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'We could not reach Rapport. Check your connection and try again.'));
    request.onabort = () => reject(new DOMException('The upload was stopped.', 'AbortError'));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (request.status === 201) {
        const parsed = documentUploadResponse.safeParse(body);
        if (parsed.success) resolve(parsed.data.document);
        else reject(new ApiError(request.status, 'UNEXPECTED_RESPONSE', 'Rapport answered in a way this page does not understand. Reload and try again.'));
        return;
      }
      const error = errorBodySchema.safeParse(body);
      if (error.success) reject(new ApiError(request.status, codeOf(error.data.error.code), error.data.error.message, error.data.error.issues ?? []));
      else if (request.status === 413) reject(new ApiError(413, 'UNEXPECTED_RESPONSE', `“${file.name}” is larger than 5 MB. Choose a smaller file.`));
      else reject(new ApiError(request.status, 'UNEXPECTED_RESPONSE', 'Something went wrong on our side. Try again in a moment.'));
    };
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
