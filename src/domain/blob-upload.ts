/**
 * Resumable blob uploads, shared by the device and the server: a blob is sent in chunks
 * with `PATCH /api/blobs/<sha256>` and `Content-Range: bytes <start>-<end>/<total>`
 * (end inclusive, as in HTTP); `GET /api/blobs/<sha256>/upload` tells how many bytes of
 * this user's upload the server holds, so a device resumes there after a drop or reload.
 */

/**
 * The attachment types the server stores (photos and PDFs); a backup bringing any other
 * onto a device is refused for the same reason.
 */
export const BLOB_MIME_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

/** Blobs up to this size go up in one PUT; larger ones in chunks. */
export const CHUNKED_UPLOAD_THRESHOLD = 256 * 1024;

/**
 * Chunk size sent by the device. On 2G (EDGE uplink about 50-100 kbit/s, GPRS 20-40) a
 * 256 KB chunk takes roughly 20 s to a minute and a half: a drop loses at most that much
 * work, while the extra request per chunk (headers and one round trip, about a second on
 * 2G) costs a few percent. Smaller chunks would waste more on round trips; larger ones
 * lose more at each drop and outlast the patience of flaky links.
 */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/** The largest chunk the server takes in one request. */
export const MAX_UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** What the status endpoint and each accepted chunk answer. */
export interface UploadState {
  sha256: string;
  /** Bytes of this user's upload the server holds; the next chunk starts here. */
  offset: number;
  /** True once the whole blob is stored (verified and in place). */
  complete: boolean;
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
  total: number;
}

/** The header for bytes [start, endExclusive) of a blob of `total` bytes. */
export function contentRange(start: number, endExclusive: number, total: number): string {
  return `bytes ${start}-${endExclusive - 1}/${total}`;
}

const RANGE = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/;

/** Parses `bytes <start>-<end>/<total>`; undefined unless well formed and consistent. */
export function parseContentRange(header: string | undefined): ByteRange | undefined {
  const match = RANGE.exec((header ?? '').trim());
  if (!match) return undefined;
  const [start, end, total] = [match[1], match[2], match[3]].map(Number);
  if (start === undefined || end === undefined || total === undefined) return undefined;
  if (start > end || end >= total) return undefined;
  return { start, end, total };
}
