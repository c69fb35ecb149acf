/**
 * Where attachment bytes live, apart from their metadata rows (`blobs` in the store): files
 * under the data directory with the SQLite store, rows in the database with PostgreSQL, so
 * that every server process serving one database reaches every blob and every unfinished
 * upload. Blobs are named by the SHA-256 of their bytes and never change once stored.
 */
import type { ByteRange } from '../../src/domain/blob-upload.ts';

export type ChunkResult =
  /** Appended; more bytes are awaited. */
  | { kind: 'stored'; offset: number }
  /** The last byte arrived, the hash matched and the blob is in place. */
  | { kind: 'complete'; size: number }
  /** The chunk does not start where the partial ends: nothing was written. */
  | { kind: 'offset_mismatch'; offset: number }
  /** The whole upload is not the blob it names: the partial is gone. */
  | { kind: 'hash_mismatch' };

/**
 * Unfinished uploads one user may keep: starting another drops their oldest, so a user's
 * abandoned uploads take at most 20 x 10 MB. A device sends one blob at a time and
 * finishes it before the next, so only blobs deleted on the phone are ever dropped.
 */
export const MAX_PARTIALS_PER_UPLOADER = 20;

export interface BlobBytes {
  /** Whether the whole blob is stored. */
  exists(sha256: string): Promise<boolean>;
  /**
   * The blob's bytes as a stream, read piece by piece (never the whole blob in memory).
   * Call after `exists`; a blob missing or removed while read errors the stream.
   */
  read(sha256: string): ReadableStream<Uint8Array>;
  /**
   * Stores the blob all at once: a reader sees all of it or nothing, and a crash leaves no
   * half blob. The caller has checked the hash. Writing a blob already stored changes nothing.
   */
  write(sha256: string, bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  /** Removes the blob's bytes (nothing happens when they are not there). */
  remove(sha256: string): Promise<void>;

  /** Bytes of this uploader's unfinished upload held so far (0 when there is none). */
  partialOffset(sha256: string, uploader: string): Promise<number>;
  /**
   * Appends one chunk to the uploader's partial, only when it starts exactly where the
   * partial ends; the check and the append are one step for every server process, so a
   * retried chunk is never stored twice. After the last byte (`range.total`), the whole is
   * hashed: a match moves it into place as the blob, a mismatch discards it. Starting a new
   * partial drops the uploader's oldest beyond `MAX_PARTIALS_PER_UPLOADER`.
   */
  appendChunk(
    sha256: string,
    uploader: string,
    range: ByteRange,
    bytes: Uint8Array,
  ): Promise<ChunkResult>;
  /** Drops an unfinished upload (the blob got stored some other way). */
  discardPartial(sha256: string, uploader: string): Promise<void>;
  /** How many unfinished uploads the uploader has. */
  partialCount(uploader: string): Promise<number>;
  /** Removes unfinished uploads untouched for `maxAgeMs` before `now`; returns how many. */
  removeStalePartials(maxAgeMs: number, now?: Date): Promise<number>;
}
