import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_UPLOAD_CHUNK_BYTES } from '../../src/domain/blob-upload.ts';
import type { ErrorBody } from './api-error.ts';

export const PUSH_BODY_LIMIT = 2 * 1024 * 1024;
export const BLOB_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Beyond this, an unread body is not read to its end: the connection is closed instead. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

const limit = (maxSize: number): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      c.json<ErrorBody>(
        { error: 'too_large', message: `The request body is over ${maxSize} bytes` },
        413,
      ),
  });

/**
 * Reads and drops a request body nobody read (a 413, a 401 before a big push). Answering
 * while megabytes are still arriving gets the keep-alive connection reset under the next
 * request, and a device takes a reset for a network error: it would retry an oversized
 * batch for ever instead of parking it.
 */
async function discardUnreadBody(c: Context): Promise<void> {
  const { raw } = c.req;
  if (!raw.body || raw.bodyUsed || raw.body.locked) return;
  let seen = 0;
  for await (const chunk of raw.body) {
    seen += chunk.byteLength;
    if (seen > MAX_DISCARD_BYTES) {
      c.header('Connection', 'close');
      return;
    }
  }
}

/** Request size limits under /api: push batches and blobs are allowed more than the rest. */
export function apiBodyLimits(): MiddlewareHandler {
  const push = limit(PUSH_BODY_LIMIT);
  const blob = limit(BLOB_BODY_LIMIT);
  const blobChunk = limit(MAX_UPLOAD_CHUNK_BYTES);
  const other = limit(DEFAULT_BODY_LIMIT);
  return async (c, next) => {
    const { path } = c.req;
    const blobLimit = c.req.method === 'PATCH' ? blobChunk : blob;
    const chosen =
      path === '/api/sync/push' ? push : path.startsWith('/api/blobs/') ? blobLimit : other;
    const response = await chosen(c, next);
    // bodyLimit returns its 413 rather than setting it; `next()` resolves to the context.
    if (response instanceof Response) c.res = response;
    await discardUnreadBody(c);
  };
}
