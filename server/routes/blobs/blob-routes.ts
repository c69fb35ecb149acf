import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { blobFileExists, readBlobFile, writeBlobFile } from '../../blobs/blob-files.ts';
import { ApiError } from '../../http/api-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { requireAuth } from '../../http/require-auth.ts';
import type { Store } from '../../store/store.ts';

export const BLOB_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
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

/** PUT, HEAD and GET /api/blobs/:sha256: attachments, uploaded apart from the records naming them. */
export function blobRoutes(store: Store, dataDir: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAuth(store));

  routes.put('/:sha256', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const mime = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!BLOB_MIME_TYPES.includes(mime)) {
      const message = `Content-Type must be one of ${BLOB_MIME_TYPES.join(', ')}`;
      throw new ApiError(415, 'unsupported_media_type', message);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new ApiError(400, 'hash_mismatch', 'The SHA-256 of the bytes is not the name given');
    }
    const known = store.blobInfo(sha256);
    const info = { sha256, size: bytes.length, mime: known?.mime ?? mime };
    if (known && (await blobFileExists(dataDir, sha256))) return c.json(info, 200);
    // File first, then the row: a row never points at a missing file.
    await writeBlobFile(dataDir, sha256, bytes);
    store.saveBlobInfo({ ...info, createdBy: c.get('user').id });
    return c.json(info, known ? 200 : 201);
  });

  // Hono answers HEAD with the GET route, dropping the body; so no file is opened for it.
  routes.get('/:sha256', async (c) => {
    const sha256 = shaParam(c.req.param('sha256'));
    const info = store.blobInfo(sha256);
    // A file lost from disk is reported missing, so the device uploads it again.
    if (!info || !(await blobFileExists(dataDir, sha256)))
      throw new ApiError(404, 'not_found', 'No such blob');
    const headers = {
      'Content-Type': info.mime,
      'Content-Length': String(info.size),
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(readBlobFile(dataDir, sha256), 200, headers);
  });
  return routes;
}
