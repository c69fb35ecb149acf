/** Attachment bytes on disk, named by their SHA-256: `<dataDir>/blobs/ab/cd/<sha256>`. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

export const blobPath = (dataDir: string, sha256: string) =>
  path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

export async function blobFileExists(dataDir: string, sha256: string): Promise<boolean> {
  return stat(blobPath(dataDir, sha256)).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Writes to a temporary file, flushes it to disk, then renames it into place: a reader
 * never sees half a file, and a crash leaves at worst a stray temporary file.
 */
export async function writeBlobFile(
  dataDir: string,
  sha256: string,
  bytes: Uint8Array | AsyncIterable<Uint8Array>,
) {
  const target = blobPath(dataDir, sha256);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'wx');
    try {
      if (bytes instanceof Uint8Array) await file.writeFile(bytes);
      else for await (const piece of bytes) await file.write(piece);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function readBlobFile(dataDir: string, sha256: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(blobPath(dataDir, sha256))) as ReadableStream<Uint8Array>;
}

export async function removeBlobFile(dataDir: string, sha256: string): Promise<void> {
  await rm(blobPath(dataDir, sha256), { force: true });
}
