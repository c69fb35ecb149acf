import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** Whether the request's Accept-Encoding allows gzip (named with a weight above 0, or `*`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * A small JSON answer (a push's results: a few KB), gzipped at once and sent whole with its
 * length, rather than streamed through the app-wide compression: the same bytes on the
 * wire, without a stream on both sides (a few milliseconds per push batch on a phone).
 */
export function gzipJson(c: Context, text: string): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Vary: 'Accept-Encoding',
  };
  if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(text, 200, headers);
  headers['Content-Encoding'] = 'gzip';
  return c.body(gzipSync(text), 200, headers);
}
