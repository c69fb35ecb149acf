import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An id a proxy may have given: short, and only characters that are safe in a log line. */
const SANE = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Gives every API request an id: the caller's when it is a sane one (a reverse proxy's),
 * otherwise a new one. It goes back in the `X-Request-Id` header, into 5xx bodies and into
 * the error log, so a user's report and the server's log meet.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const id = incoming && SANE.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    await next();
    c.header(REQUEST_ID_HEADER, id);
  };
}
