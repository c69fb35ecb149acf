/**
 * Blob bytes as files under the data directory (the SQLite store's companion): whole blobs
 * at `<dataDir>/blobs/ab/cd/<sha256>`, unfinished uploads in `<dataDir>/blobs/partial`.
 * One chunk at a time per partial, across the processes of one machine (SEDP_WORKERS), by
 * a lock file beside the partials; machines that share nothing use PostgreSQL.
 */
import type { BlobBytes } from './blob-bytes.ts';
import { blobFileExists, readBlobFile, removeBlobFile, writeBlobFile } from './blob-files.ts';
import {
  partialCount,
  partialOffset,
  partialPath,
  receiveChunk,
  removePartial,
  removeStalePartials,
} from './partial-uploads.ts';

export function filesBlobBytes(dataDir: string): BlobBytes {
  return {
    exists: (sha256) => blobFileExists(dataDir, sha256),
    read: (sha256) => readBlobFile(dataDir, sha256),
    write: (sha256, bytes) => writeBlobFile(dataDir, sha256, bytes),
    remove: (sha256) => removeBlobFile(dataDir, sha256),
    partialOffset: (sha256, uploader) => partialOffset(partialPath(dataDir, sha256, uploader)),
    appendChunk: (sha256, uploader, range, bytes) =>
      receiveChunk(dataDir, sha256, uploader, range, bytes),
    discardPartial: (sha256, uploader) => removePartial(dataDir, sha256, uploader),
    partialCount: (uploader) => partialCount(dataDir, uploader),
    removeStalePartials: (maxAgeMs, now) => removeStalePartials(dataDir, maxAgeMs, now),
  };
}
