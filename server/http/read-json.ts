import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { z } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/domain/json-depth.ts';
import { ApiError, validationError } from './api-error.ts';

/** Parses the request body as JSON and validates it: 400 `invalid_json` or `invalid`. */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  const text = await readBodyText(c);
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
  try {
    return gunzipSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ApiError(413, 'too_large', `The inflated body is over ${MAX_INFLATED_BYTES} bytes`);
    }
    throw new ApiError(400, 'invalid_json', 'The request body is not valid gzip');
  }
}

/** Validates query parameters (strings): 400 `invalid` naming the parameter. */
export function readQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
