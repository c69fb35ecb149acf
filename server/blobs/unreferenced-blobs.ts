/**
 * Blobs nobody names: a device uploads a photo before the record naming it, so a young
 * unreferenced blob is normal; one still unnamed after a week was never used (the record
 * was dropped on the phone) or was sent to fill the disk. Such blobs are removed, row first
 * (in one transaction with the check that nothing names it), then the bytes.
 */
import type { Store } from '../store/store.ts';
import type { BlobBytes } from './blob-bytes.ts';

/** Removes blobs stored more than `maxAgeMs` ago that no record or version names; returns how many. */
export async function removeUnreferencedBlobs(
  store: Store,
  bytes: BlobBytes,
  maxAgeMs: number,
): Promise<number> {
  const before = new Date(store.now().getTime() - maxAgeMs).toISOString();
  let removed = 0;
  for (const sha256 of await store.blobsStoredBefore(before)) {
    if (!(await store.deleteBlobUnlessReferenced(sha256))) continue;
    await bytes.remove(sha256);
    removed += 1;
  }
  return removed;
}
