import { createGunzip, gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { z } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/domain/json-depth.ts';
import { ApiError, validationError } from './api-error.ts';
import { hasMoreJsonValues } from './json-values.ts';

/** Parses the request body as JSON and validates it: 400 `invalid_json` or `invalid`. */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  const text = await readBodyText(c);
  if (await hasMoreJsonValues(text, MAX_JSON_VALUES)) {
    throw new ApiError(
      413,
      'too_large',
      `The request body holds over ${MAX_JSON_VALUES} JSON values`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  // Before anything walks it recursively (validation, canonical JSON): no stack overflow.
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    const message = `The request body nests deeper than ${MAX_JSON_DEPTH} levels`;
    throw new ApiError(400, 'invalid', message);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * Values (objects, arrays, list items, fields) a request body may hold. A full push batch
 * of checklists holds a few tens of thousands; parsing 250,000 takes tens of milliseconds.
 */
export const MAX_JSON_VALUES = 250_000;

/** Inflated size allowed for a gzip request body: a full push batch of long Cyrillic notes. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/**
 * The body as text. Devices gzip push batches (most of what they send is text that
 * compresses well); the inflated size is capped so a small body cannot expand without end.
 */
async function readBodyText(c: Context): Promise<string> {
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return c.req.text();
  if (encoding !== 'gzip') {
    throw new ApiError(415, 'unsupported_media_type', 'Request bodies may be gzip-encoded only');
  }
  const compressed = new Uint8Array(await c.req.arrayBuffer());
  const quick = inflateSmall(compressed);
  if (quick !== undefined) return quick.toString('utf8');
  return inflating.run(async () =>
    (await inflate(compressed, MAX_INFLATED_BYTES)).toString('utf8'),
  );
}

/** Compressed bodies up to this size are tried at once (a full push batch gzips to 20-40 KB). */
export const SMALL_GZIP_BYTES = 64 * 1024;
/** What such a body may inflate to at once: a millisecond or two of work, at most. */
export const SMALL_INFLATED_BYTES = 2 * 1024 * 1024;

/**
 * A small body inflated on the spot, when it inflates to little: no round trip through the
 * thread pool (a few milliseconds per push batch on a busy server). Anything else (larger,
 * inflating to more, broken) is left to `inflate`, which answers as it always has.
 */
function inflateSmall(compressed: Uint8Array): Buffer | undefined {
  if (compressed.byteLength > SMALL_GZIP_BYTES) return undefined;
  try {
    return gunzipSync(compressed, { maxOutputLength: SMALL_INFLATED_BYTES });
  } catch {
    return undefined;
  }
}

/**
 * Gzip bodies inflated at once by this process; more wait their turn. Each may grow to
 * `MAX_INFLATED_BYTES` (and twice that as text), so many crafted pushes at once cannot
 * take the server's memory; a device's push waits milliseconds at most.
 */
export const MAX_CONCURRENT_INFLATIONS = 4;

/** Runs at most `max` tasks at a time, the rest in arrival order. */
export function concurrencyLimit(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next)
          next(); // the slot passes straight to the next in line
        else active -= 1;
      }
    },
  };
}

const inflating = concurrencyLimit(MAX_CONCURRENT_INFLATIONS);

/**
 * Inflates on libuv's thread pool, a chunk at a time, so a large body never holds up other
 * requests (a health check, another device's push); stops as soon as the output passes
 * `maxBytes` (413), before it has all been made.
 */
export function inflate(compressed: Uint8Array, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    gunzip.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        gunzip.destroy();
        reject(new ApiError(413, 'too_large', `The inflated body is over ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on('end', () => resolve(Buffer.concat(chunks, size)));
    gunzip.on('error', () =>
      reject(new ApiError(400, 'invalid_json', 'The request body is not valid gzip')),
    );
    gunzip.end(compressed);
  });
}

/** Validates query parameters (strings): 400 `invalid` naming the parameter. */
export function readQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
