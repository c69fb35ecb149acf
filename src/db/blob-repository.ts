import { sha256Hex } from '../domain/hash.ts';
import type { SedpDatabase } from './database.ts';

/** Attachments kept on the device, named by the SHA-256 of their bytes (so stored once). */
export function createBlobRepository(db: SedpDatabase, now: () => Date = () => new Date()) {
  return {
    async save(data: Blob): Promise<string> {
      const bytes = await data.arrayBuffer();
      const sha256 = await sha256Hex(bytes);
      await db.transaction('rw', db.blobs, async () => {
        if (await db.blobs.get(sha256)) return;
        await db.blobs.add({
          sha256,
          bytes,
          mime: data.type || 'application/octet-stream',
          size: bytes.byteLength,
          createdAt: now().toISOString(),
          uploaded: 0,
        });
      });
      return sha256;
    },
    async load(sha256: string): Promise<Blob | undefined> {
      const stored = await db.blobs.get(sha256);
      return stored ? new Blob([new Uint8Array(stored.bytes)], { type: stored.mime }) : undefined;
    },
  };
}
