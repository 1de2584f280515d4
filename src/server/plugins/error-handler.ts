import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldIssue } from '../../shared/contracts/errors';
import { AppError } from '../lib/errors';

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, issues?: FieldIssue[]) {
  const body: ErrorBody = { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_JSON', message: 'The request body length is wrong.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
};

/** Every error leaves as `{error:{code,message}}` with a fitting status; a 500 never shows internals. */
export function registerErrorHandler(app: FastifyInstance, webDistDir: string): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.statusCode === 429) reply.header('retry-after', '900');
      return send(reply, error.statusCode, error.code, error.message, error.issues);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const issuePath = (v.params as { issue?: { path?: PropertyKey[] } }).issue?.path ?? [];
        return {
          path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || issuePath.map(String).join('.'),
          message: v.message ?? 'Invalid value.',
        };
      });
      const where = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      const first = issues[0];
      const message = first ? `Check ${first.path || where}: ${first.message}` : `The ${where} is not valid.`;
      return send(reply, 400, 'VALIDATION_FAILED', message, issues);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return send(reply, known.status, known.code, known.message);
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return send(reply, 400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, 500, 'INTERNAL_ERROR', 'Something went wrong on our side. Try again in a moment.');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
      return send(reply, status, code, 'The request could not be processed.');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL_ERROR', 'Something went wrong on our side. Try again in a moment.');
  });

  const indexHtml = join(webDistDir, 'index.html');
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      !path.split('/').some((segment) => segment.startsWith('.')) &&
      !/\.[a-z0-9]+$/i.test(path) &&
      (request.headers.accept ?? '').includes('text/html');
    // The web app routes in the browser: any page URL gets index.html, files that do not exist get 404.
    if (isPageRequest && existsSync(indexHtml)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return send(reply, 404, 'NOT_FOUND', 'There is nothing at this address.');
  });
}
