/** The sync transport over HTTP to the SEDP Field server (same origin in the app). */
import {
  CHUNKED_UPLOAD_THRESHOLD,
  contentRange,
  UPLOAD_CHUNK_BYTES,
  type UploadState,
} from '../domain/blob-upload.ts';
import type { PullResponse, PushRequest, PushResponse } from '../domain/sync-protocol.ts';
import { type ErrorDetails, type Transport, TransportError } from './transport.ts';

export interface HttpOptions {
  baseUrl?: string;
  getToken: () => string | null | undefined;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** Blob upload, separate from records: attachments go up before the records naming them. */
export interface BlobTransport {
  hasBlob(sha256: string): Promise<boolean>;
  putBlob(sha256: string, data: Blob): Promise<void>;
}

/** Sends one request and turns every failure into a TransportError of the right kind. */
export async function request(
  { baseUrl = '', getToken, fetch = globalThis.fetch, timeoutMs = 30_000 }: HttpOptions,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new TransportError('timeout', `No answer from the server within ${timeoutMs / 1000} s`);
    }
    throw new TransportError('network', 'The server cannot be reached');
  }
  if (response.ok) return response;
  const { message, details } = await errorOf(response);
  if (response.status === 401) throw new TransportError('auth', message, 401, details);
  // A disabled account: no use retrying or parking anything; the device says why.
  if (response.status === 403 && details.code === 'account_disabled') {
    throw new TransportError('auth', message, 403, details);
  }
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    throw new TransportError('server', message, response.status, details);
  }
  throw new TransportError('client', message, response.status, details);
}

/** The reply's message, error code, request id (body first, then the header) and path. */
async function errorOf(response: Response): Promise<{ message: string; details: ErrorDetails }> {
  const details: ErrorDetails = {};
  const headerId = response.headers.get('x-request-id');
  if (headerId) details.requestId = headerId;
  try {
    const body = (await response.json()) as {
      error?: unknown;
      message?: unknown;
      requestId?: unknown;
      path?: unknown;
    };
    if (typeof body.error === 'string') details.code = body.error;
    if (typeof body.requestId === 'string') details.requestId = body.requestId;
    if (Array.isArray(body.path)) {
      details.path = body.path.filter(
        (p): p is string | number => typeof p === 'string' || typeof p === 'number',
      );
    }
    const message = [body.error, body.message]
      .filter((part) => typeof part === 'string' && part)
      .join(': ');
    return { message: message || `HTTP ${response.status}`, details };
  } catch {
    return { message: `HTTP ${response.status}`, details };
  }
}

/**
 * How long a push waits for its answer before it counts as "maybe delivered" and is
 * retried with the same mutation ids. Scaled with what is sent, so a small batch whose
 * reply was lost is retried in seconds rather than after half a minute:
 * - 10 s for the rest: connecting (DNS, TCP and TLS take a few round trips, each up to
 *   about a second on 2G) and the server's work (milliseconds for a full batch);
 * - 0.4 s per KB sent, i.e. 2.5 KB/s, a 2G (GPRS/EDGE) uplink on a poor day (~20 kbit/s);
 * - at most 60 s: a first batch of 100 hearing-sized records gzips to about 30-40 KB
 *   (about 25 s), a full one of 250 (sent only after an answer within a second) to about
 *   75-100 KB (40-50 s); the cap only matters where gzip is missing (up to 1.5 MB).
 */
export const PUSH_TIMEOUT_BASE_MS = 10_000;
export const PUSH_TIMEOUT_PER_KB_MS = 400;
export const PUSH_TIMEOUT_CAP_MS = 60_000;
export function pushTimeoutMs(bytes: number): number {
  const scaled = PUSH_TIMEOUT_BASE_MS + Math.ceil((bytes / 1024) * PUSH_TIMEOUT_PER_KB_MS);
  return Math.min(PUSH_TIMEOUT_CAP_MS, scaled);
}

/** `GET /api/health` is a few bytes: an answer slower than this is as good as none. */
export const HEALTH_TIMEOUT_MS = 5_000;

/** Gzips a request body where the browser can (all current ones): push batches shrink 4-6x. */
async function gzipBody(
  text: string,
): Promise<{ body: string | Uint8Array<ArrayBuffer>; encoding?: string }> {
  if (typeof CompressionStream !== 'function') return { body: text };
  // The bytes written straight into the stream: a Blob's stream reads its bytes back
  // through the browser's blob store first (about a third more time for a full batch).
  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  void writer.write(new TextEncoder().encode(text)).catch(() => {});
  void writer.close().catch(() => {});
  return {
    body: new Uint8Array(await new Response(gzip.readable).arrayBuffer()),
    encoding: 'gzip',
  };
}

/**
 * The slowest uplink a blob request is given time for: about 16 kbit/s, a poor GPRS link.
 * A 256 KB chunk may take this long on top of the usual wait for an answer.
 */
const SLOWEST_UPLINK_BYTES_PER_S = 2 * 1024;

/** Options for a request carrying `bytes`: the timeout grows with the body. */
const forBody = (options: HttpOptions, bytes: number): HttpOptions => ({
  ...options,
  timeoutMs: (options.timeoutMs ?? 30_000) + Math.ceil((bytes / SLOWEST_UPLINK_BYTES_PER_S) * 1000),
});

/** After this many refused chunks in a row without progress, the attempt fails (and is retried later). */
const MAX_OFFSET_RESYNCS = 3;

export function createHttpTransport(options: HttpOptions): Transport & BlobTransport {
  const json = async <T>(response: Response): Promise<T> => {
    try {
      return (await response.json()) as T;
    } catch {
      // Cut off mid-body: as good as no answer.
      throw new TransportError('network', 'The answer was cut off');
    }
  };
  /** Pushes encoded ahead (`prepare`), by request; each is taken by its `push`. */
  const prepared = new WeakMap<PushRequest, ReturnType<typeof gzipBody>>();
  const encode = (batch: PushRequest) => gzipBody(JSON.stringify(batch));
  return {
    prepare(batch) {
      if (prepared.has(batch)) return;
      const encoding = encode(batch);
      encoding.catch(() => {}); // heard by the push that takes it
      prepared.set(batch, encoding);
    },
    async push(batch) {
      const encoded = prepared.get(batch) ?? encode(batch);
      prepared.delete(batch);
      const { body, encoding } = await encoded;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (encoding) headers['content-encoding'] = encoding;
      const bytes = typeof body === 'string' ? new Blob([body]).size : body.byteLength;
      const timeoutMs = options.timeoutMs ?? pushTimeoutMs(bytes);
      const init = { method: 'POST', headers, body };
      const response = await request({ ...options, timeoutMs }, '/api/sync/push', init);
      return json<PushResponse>(response);
    },
    async pull(since, limit, pullOptions) {
      const count = pullOptions?.count ? '&count=1' : '';
      const response = await request(
        options,
        `/api/sync/pull?since=${since}&limit=${limit}${count}`,
      );
      let text: string;
      try {
        text = await response.text();
      } catch {
        throw new TransportError('network', 'The answer was cut off');
      }
      let page: PullResponse;
      try {
        page = JSON.parse(text) as PullResponse;
      } catch {
        throw new TransportError('network', 'The answer was cut off');
      }
      // What came over the network when the server says (compressed), else the text's length.
      const sent = Number(response.headers.get('content-length'));
      return { ...page, bytes: sent > 0 ? sent : text.length };
    },
    async health() {
      await request({ ...options, timeoutMs: HEALTH_TIMEOUT_MS }, '/api/health');
    },
    async hasBlob(sha256) {
      try {
        await request(options, `/api/blobs/${sha256}`, { method: 'HEAD' });
        return true;
      } catch (error) {
        if (error instanceof TransportError && error.status === 404) return false;
        throw error;
      }
    },
    async putBlob(sha256, data) {
      const type = data.type || 'application/octet-stream';
      if (data.size <= CHUNKED_UPLOAD_THRESHOLD) {
        await request(forBody(options, data.size), `/api/blobs/${sha256}`, {
          method: 'PUT',
          headers: { 'content-type': type },
          body: data,
        });
        return;
      }
      await putInChunks(sha256, data, type);
    },
  };

  /** How much of this blob the server already holds from this user. */
  async function uploadState(sha256: string): Promise<UploadState> {
    const response = await request(options, `/api/blobs/${sha256}/upload`);
    return checkedState(await json<UploadState>(response));
  }

  function checkedState(state: UploadState): UploadState {
    if (typeof state?.offset !== 'number' || typeof state.complete !== 'boolean') {
      throw new TransportError('server', 'The server did not say how much of the upload it has');
    }
    return state;
  }

  /**
   * Sends a large blob in chunks, starting where the server's copy ends: after a dropped
   * connection or a reload, bytes already stored are not sent again. A failed chunk
   * throws (a network error for the engine's backoff); the next attempt asks again.
   */
  async function putInChunks(sha256: string, data: Blob, type: string): Promise<void> {
    let state = await uploadState(sha256);
    let resyncs = 0;
    while (!state.complete) {
      const start = state.offset;
      if (start >= data.size) {
        throw new TransportError('server', `The server holds ${start} bytes of ${data.size}`);
      }
      const end = Math.min(start + UPLOAD_CHUNK_BYTES, data.size);
      try {
        const response = await request(forBody(options, end - start), `/api/blobs/${sha256}`, {
          method: 'PATCH',
          headers: { 'content-type': type, 'content-range': contentRange(start, end, data.size) },
          body: data.slice(start, end),
        });
        state = checkedState(await json<UploadState>(response));
        resyncs = 0;
      } catch (error) {
        // 409: the server holds a different offset (an earlier chunk did arrive after all).
        const offsetMoved = error instanceof TransportError && error.status === 409;
        if (!offsetMoved || resyncs >= MAX_OFFSET_RESYNCS) throw error;
        resyncs += 1;
        state = await uploadState(sha256);
      }
    }
  }
}
