import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** Every error under /api has this shape; `error` is a stable code the app translates. */
export interface ErrorBody {
  error: string;
  message: string;
  /** Where in the request body the problem is, for validation errors. */
  path?: (string | number)[];
  /** On 5xx replies: the request's id, as in the X-Request-Id header and the server log. */
  requestId?: string;
}

/** Thrown by handlers and helpers; the app's error handler turns it into JSON. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly path: (string | number)[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { path?: (string | number)[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = options.path;
    this.headers = options.headers ?? {};
  }

  body(): ErrorBody {
    return this.path
      ? { error: this.code, message: this.message, path: this.path }
      : { error: this.code, message: this.message };
  }
}

/** zod paths may hold symbols; JSON cannot. */
export const jsonPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((part) => (typeof part === 'number' ? part : String(part)));

/** A 400 naming the first problem zod found, as `{error: 'invalid', message, path}`. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  return new ApiError(400, 'invalid', issue?.message ?? 'Invalid request', {
    path: jsonPath(issue?.path ?? []),
  });
}
