import type { Store } from '../store/store.ts';
import type { BlobBytes } from './blob-bytes.ts';
import { filesBlobBytes } from './file-blob-bytes.ts';

/**
 * The bytes that go with a store: the store's own when its engine keeps them (PostgreSQL),
 * else files under the data directory (SQLite, where one machine holds everything anyway).
 */
export function blobBytesFor(store: Store, dataDir: string): BlobBytes {
  return store.blobBytes ?? filesBlobBytes(dataDir);
}
