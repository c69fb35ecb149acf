/** The sync transport over HTTP to the SEDP Field server (same origin in the app). */
import type { PullResponse, PushResponse } from '../domain/sync-protocol.ts';
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
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    throw new TransportError('server', message, response.status, details);
  }
  throw new TransportError('client', message, response.status, details);
}

/** The reply's message, error code and request id (body first, then the header). */
async function errorOf(response: Response): Promise<{ message: string; details: ErrorDetails }> {
  const details: ErrorDetails = {};
  const headerId = response.headers.get('x-request-id');
  if (headerId) details.requestId = headerId;
  try {
    const body = (await response.json()) as {
      error?: unknown;
      message?: unknown;
      requestId?: unknown;
    };
    if (typeof body.error === 'string') details.code = body.error;
    if (typeof body.requestId === 'string') details.requestId = body.requestId;
    const message = [body.error, body.message]
      .filter((part) => typeof part === 'string' && part)
      .join(': ');
    return { message: message || `HTTP ${response.status}`, details };
  } catch {
    return { message: `HTTP ${response.status}`, details };
  }
}

/** Gzips a request body where the browser can (all current ones): push batches shrink 4-6x. */
async function gzipBody(text: string): Promise<{ body: BodyInit; encoding?: string }> {
  if (typeof CompressionStream !== 'function') return { body: text };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: new Uint8Array(await new Response(stream).arrayBuffer()), encoding: 'gzip' };
}

export function createHttpTransport(options: HttpOptions): Transport & BlobTransport {
  const json = async <T>(response: Response): Promise<T> => {
    try {
      return (await response.json()) as T;
    } catch {
      // Cut off mid-body: as good as no answer.
      throw new TransportError('network', 'The answer was cut off');
    }
  };
  return {
    async push(batch) {
      const { body, encoding } = await gzipBody(JSON.stringify(batch));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (encoding) headers['content-encoding'] = encoding;
      const response = await request(options, '/api/sync/push', { method: 'POST', headers, body });
      return json<PushResponse>(response);
    },
    async pull(since, limit) {
      const response = await request(options, `/api/sync/pull?since=${since}&limit=${limit}`);
      return json<PullResponse>(response);
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
      await request(options, `/api/blobs/${sha256}`, {
        method: 'PUT',
        headers: { 'content-type': data.type || 'application/octet-stream' },
        body: data,
      });
    },
  };
}
