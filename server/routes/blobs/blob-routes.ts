import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import {
  BLOB_MIME_TYPES,
  MAX_UPLOAD_CHUNK_BYTES,
  parseContentRange,
  type UploadState,
} from '../../../src/domain/blob-upload.ts';
import type { BlobBytes } from '../../blobs/blob-bytes.ts';
import type { FairUse } from '../../fair-use/fair-use.ts';
import { ApiError } from '../../http/api-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { BLOB_BODY_LIMIT } from '../../http/body-limits.ts';
import { requireAuth } from '../../http/require-auth.ts';
import type { Store, UserAccount } from '../../store/store.ts';
import { pullScope } from '../../sync/permissions.ts';

const SHA256 = /^[0-9a-f]{64}$/;

function shaParam(value: string): string {
  if (!SHA256.test(value)) {
    throw new ApiError(
      400,
      'invalid',
      'A blob is named by the lower-case hex SHA-256 of its bytes',
      {
        path: ['sha256'],
      },
    );
  }
  return value;
}

function blobMime(header: string | undefined): string {
  const mime = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!BLOB_MIME_TYPES.includes(mime)) {
    const message = `Content-Type must be one of ${BLOB_MIME_TYPES.join(', ')}`;
    throw new ApiError(415, 'unsupported_media_type', message);
  }
  return mime;
}

/**
 * PUT, PATCH, HEAD and GET /api/blobs/:sha256: attachments, uploaded apart from the
 * records naming them; large ones in chunks that survive a dropped connection.
 */
export function blobRoutes(store: Store, blobBytes: BlobBytes, fairUse: FairUse): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAuth(store));

  /** Stored: both the row and the bytes (a file lost from disk counts as missing). */
  const isStored = async (sha256: string) =>
    (await store.blobInfo(sha256)) !== undefined && (await blobBytes.exists(sha256));

  /**
   * Read like the records naming it: coordinators and admins all; a consultant only what
   * a record they may pull names, or what they uploaded. To anyone else a blob is missing.
   */
  const mayRead = (sha256: string, user: UserAccount) =>
    store.canReadBlob(sha256, user.id, pullScope(user));

  routes.put('/:sha256', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const mime = blobMime(c.req.header('content-type'));
    const user = c.get('user');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    await fairUse.takeUpload(user.id, bytes.length);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new ApiError(400, 'hash_mismatch', 'The SHA-256 of the bytes is not the name given');
    }
    const known = await store.blobInfo(sha256);
    const info = { sha256, size: bytes.length, mime: known?.mime ?? mime };
    const createdBy = user.id;
    if (known && (await blobBytes.exists(sha256))) {
      // The same bytes again (someone who could not see the first copy): they uploaded it too.
      await store.saveBlobInfo({ ...info, createdBy });
      return c.json(info, 200);
    }
    if (!known) await fairUse.checkUnreferencedUploads(user.id);
    // Bytes first, then the row: a row never points at missing bytes.
    await blobBytes.write(sha256, bytes);
    await store.saveBlobInfo({ ...info, createdBy });
    return c.json(info, known ? 200 : 201);
  });

  // How much of a chunked upload this user has stored: the device resumes from there.
  routes.get('/:sha256/upload', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const info = await store.blobInfo(sha256);
    // A blob this user may not read is reported as not uploaded: they send its bytes.
    const state: UploadState =
      info && (await mayRead(sha256, c.get('user'))) && (await isStored(sha256))
        ? { sha256, offset: info.size, complete: true }
        : {
            sha256,
            offset: await blobBytes.partialOffset(sha256, c.get('user').id),
            complete: false,
          };
    return c.json(state, 200, { 'Upload-Offset': String(state.offset) });
  });

  // One chunk: `Content-Range: bytes <start>-<end>/<total>`, appended only at the offset held.
  routes.patch('/:sha256', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const mime = blobMime(c.req.header('content-type'));
    const range = parseContentRange(c.req.header('content-range'));
    if (!range) {
      const message = 'Content-Range must be "bytes <start>-<end>/<total>", end below total';
      throw new ApiError(400, 'invalid', message, { path: ['content-range'] });
    }
    if (range.total > BLOB_BODY_LIMIT) {
      throw new ApiError(413, 'too_large', `A blob may have at most ${BLOB_BODY_LIMIT} bytes`);
    }
    const length = range.end - range.start + 1;
    if (length > MAX_UPLOAD_CHUNK_BYTES) {
      const message = `A chunk may have at most ${MAX_UPLOAD_CHUNK_BYTES} bytes`;
      throw new ApiError(413, 'too_large', message);
    }
    const user = c.get('user');
    const known = await store.blobInfo(sha256);
    // Someone who may not read the blob sends all of its bytes, proving they hold them.
    if (known && (await mayRead(sha256, user)) && (await isStored(sha256))) {
      await blobBytes.discardPartial(sha256, user.id);
      const state: UploadState = { sha256, offset: known.size, complete: true };
      return c.json(state, 200, { 'Upload-Offset': String(known.size) });
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    } catch {
      // The connection dropped mid-chunk: nothing is written, the device asks for the offset.
      throw new ApiError(400, 'incomplete', 'The chunk was cut off');
    }
    if (bytes.length !== length) {
      const message = `The body has ${bytes.length} bytes; Content-Range names ${length}`;
      throw new ApiError(400, 'invalid', message, { path: ['content-range'] });
    }
    await fairUse.takeUpload(user.id, bytes.length);
    // A new blob starts at byte 0: refused there, no half-finished upload is left behind.
    if (range.start === 0 && !known) await fairUse.checkUnreferencedUploads(user.id);
    const result = await blobBytes.appendChunk(sha256, user.id, range, bytes);
    switch (result.kind) {
      case 'offset_mismatch':
        return c.json(
          {
            error: 'offset_mismatch',
            message: `This upload continues at byte ${result.offset}`,
            offset: result.offset,
          },
          409,
          { 'Upload-Offset': String(result.offset) },
        );
      case 'hash_mismatch':
        throw new ApiError(400, 'hash_mismatch', 'The SHA-256 of the bytes is not the name given');
      case 'stored': {
        const state: UploadState = { sha256, offset: result.offset, complete: false };
        return c.json(state, 200, { 'Upload-Offset': String(result.offset) });
      }
      case 'complete': {
        // The bytes are in place before the row: a row never points at missing bytes.
        await store.saveBlobInfo({ sha256, size: result.size, mime, createdBy: user.id });
        const state: UploadState = { sha256, offset: result.size, complete: true };
        return c.json(state, 201, { 'Upload-Offset': String(result.size) });
      }
    }
  });

  // Hono answers HEAD with the GET route, dropping the body; so no file is opened for it.
  routes.get('/:sha256', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const info = await store.blobInfo(sha256);
    // A file lost from disk is reported missing, so the device uploads it again; a blob
    // the user may not read is missing to them as well (nothing tells it exists).
    if (!info || !(await mayRead(sha256, c.get('user'))) || !(await blobBytes.exists(sha256)))
      throw new ApiError(404, 'not_found', 'No such blob');
    const headers = {
      'Content-Type': info.mime,
      'Content-Length': String(info.size),
      // Never kept by the browser or a proxy: offline, the device shows its own IndexedDB
      // copy, and a copy in the HTTP cache would outlive the user's access.
      'Cache-Control': 'private, no-store',
      ETag: `"${sha256}"`,
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(blobBytes.read(sha256), 200, headers);
  });
  return routes;
}
