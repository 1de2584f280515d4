import type { z } from 'zod';
import { ERROR_CODES, errorBodySchema, type ErrorCode, type FieldIssue } from '../../shared/contracts/errors';

/** Codes the client adds for failures that never reached the API or came back in a shape we do not know. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** The one error family of the web client: the API's `{error:{code,message,issues}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the first issue on a field (`password`, `currentPassword`), if any. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

type Query = Record<string, string | number | undefined | null>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A file sent as it is (an import): its text and its exact content type (`text/csv`, `text/vcard`). */
export type RawBody = { text: string; contentType: string };
type RequestOptions = { query?: Query; body?: unknown; raw?: RawBody; signal?: AbortSignal; headers?: Record<string, string> };

let onUnauthenticated: (() => void) | undefined;

/** The session registers here so a 401 from any call (an expired session) signs the app out. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(response.status, isErrorCode(code) ? code : 'UNEXPECTED_RESPONSE', message, issues ?? []);
  }
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'Something went wrong on our side. Try again in a moment.');
}

/** Sends one request; answers with the response when it is a success, throws ApiError otherwise. */
async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const mutating = method !== 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  // Every mutating call carries a JSON body (an empty object when there is nothing to say): the server
  // accepts exactly `application/json` and refuses anything else before parsing. Uploads name their own type.
  if (mutating) headers['content-type'] = options.raw?.contentType ?? 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers,
      body: mutating ? (options.raw?.text ?? JSON.stringify(options.body ?? {})) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'We could not reach Rapport. Check your connection and try again.');
  }

  if (!response.ok) {
    const error = await readError(response);
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw error;
  }
  return response;
}

/** The body of a success, checked against the shared contract it promises. */
async function parse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'Rapport answered in a way this page does not understand. Reload and try again.');
  }
  return parsed.data;
}

/** The one API client: same-origin cookies, JSON in and out, responses checked against the shared contracts. */
export const api = {
  get: async <T>(path: string, schema: z.ZodType<T>, options?: Omit<RequestOptions, 'body'>): Promise<T> =>
    parse(await send('GET', path, options), schema),
  post: async <T>(path: string, schema: z.ZodType<T>, body?: unknown, headers?: Record<string, string>): Promise<T> =>
    parse(await send('POST', path, { body, headers }), schema),
  put: async <T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => parse(await send('PUT', path, { body }), schema),
  patch: async <T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => parse(await send('PATCH', path, { body }), schema),
  /** A change answered with 204 No Content (sign out, password changes). */
  postNoContent: async (path: string, body?: unknown): Promise<void> => {
    await send('POST', path, { body });
  },
  /** DELETE answered with 204 No Content. */
  delete: async (path: string): Promise<void> => {
    await send('DELETE', path);
  },
  /** DELETE answered with a body (the contact after one of its interactions is removed). */
  deleteFor: async <T>(path: string, schema: z.ZodType<T>): Promise<T> => parse(await send('DELETE', path), schema),
  /** A file posted as its raw text (imports), with query parameters beside it. */
  upload: async <T>(path: string, schema: z.ZodType<T>, raw: RawBody, query?: Query): Promise<T> =>
    parse(await send('POST', path, { raw, query }), schema),
};

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A sentence to show for an error nobody handled more specifically. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again in a moment.';
}
