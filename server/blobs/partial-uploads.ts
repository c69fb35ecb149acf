/**
 * Chunked uploads in progress: `<dataDir>/blobs/partial/<sha256>.<uploader>`, one file per
 * blob and uploader, so two people sending the same photo cannot corrupt each other's
 * bytes. A chunk is appended only when it starts exactly where the file ends; when the
 * last byte arrives the whole file is hashed and renamed into place.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteRange } from '../../src/domain/blob-upload.ts';
import { type ChunkResult, MAX_PARTIALS_PER_UPLOADER } from './blob-bytes.ts';
import { blobFileExists, blobPath } from './blob-files.ts';

export { MAX_PARTIALS_PER_UPLOADER };

export const partialDir = (dataDir: string) => path.join(dataDir, 'blobs', 'partial');

/** User ids are hashed into the name, so no id can form a path. */
const uploaderKey = (userId: string) =>
  createHash('sha256').update(userId).digest('hex').slice(0, 24);

export const partialPath = (dataDir: string, sha256: string, userId: string) =>
  path.join(partialDir(dataDir), `${sha256}.${uploaderKey(userId)}`);

/** Bytes of the partial upload held so far (0 when there is none). */
export async function partialOffset(file: string): Promise<number> {
  return stat(file).then(
    (info) => info.size,
    () => 0,
  );
}

/**
 * One request at a time per partial file, across every process serving the data directory
 * (SEDP_WORKERS with SQLite). A retried chunk can arrive while the first attempt is still
 * being written; the second then sees the new offset, never a half one. Within a process a
 * queue keeps order; between processes a lock file, made with O_EXCL, beside the partials.
 */
const queues = new Map<string, Promise<unknown>>();
async function exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locked = () => withLockFile(key, task);
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(locked, locked);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  try {
    return await run;
  } finally {
    if (queues.get(key) === settled) queues.delete(key);
  }
}

/** A lock file older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 60_000;
/** How long a request waits for another process's chunk before giving up (503, retried). */
const LOCK_WAIT_MS = 30_000;

async function withLockFile<T>(file: string, task: () => Promise<T>): Promise<T> {
  const dir = path.join(path.dirname(file), '..', 'partial-locks');
  const lock = path.join(dir, `${path.basename(file)}.lock`);
  await mkdir(dir, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`Upload ${path.basename(file)} is busy`);
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lock, { force: true });
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The uploader's partial files. */
async function partialsOf(dataDir: string, userId: string): Promise<string[]> {
  const dir = partialDir(dataDir);
  const suffix = `.${uploaderKey(userId)}`;
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(suffix)).map((name) => path.join(dir, name));
}

/** How many unfinished uploads the user has. */
export async function partialCount(dataDir: string, userId: string): Promise<number> {
  return (await partialsOf(dataDir, userId)).length;
}

async function makeRoomForNewPartial(dataDir: string, userId: string, file: string) {
  const others = (await partialsOf(dataDir, userId)).filter((other) => other !== file);
  const excess = others.length - MAX_PARTIALS_PER_UPLOADER + 1;
  if (excess <= 0) return;
  const aged = await Promise.all(
    others.map(async (other) => ({
      file: other,
      modified: (await stat(other).catch(() => undefined))?.mtimeMs ?? 0,
    })),
  );
  aged.sort((a, b) => a.modified - b.modified);
  for (const oldest of aged.slice(0, excess)) {
    await exclusive(oldest.file, () => rm(oldest.file, { force: true }));
  }
}

/** Appends one chunk of `sha256` from `userId`, and finishes the blob after the last one. */
export async function receiveChunk(
  dataDir: string,
  sha256: string,
  userId: string,
  range: ByteRange,
  bytes: Uint8Array,
): Promise<ChunkResult> {
  const file = partialPath(dataDir, sha256, userId);
  if (range.start === 0 && (await partialOffset(file)) === 0) {
    await makeRoomForNewPartial(dataDir, userId, file);
  }
  return exclusive(file, async () => {
    const offset = await partialOffset(file);
    if (offset !== range.start) return { kind: 'offset_mismatch', offset };
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const stored = offset + bytes.length;
    if (stored < range.total) return { kind: 'stored', offset: stored };
    if ((await fileSha256(file)) !== sha256) {
      await rm(file, { force: true });
      return { kind: 'hash_mismatch' };
    }
    if (await blobFileExists(dataDir, sha256)) {
      // Someone else finished the same bytes first.
      await rm(file, { force: true });
    } else {
      const target = blobPath(dataDir, sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file, target);
    }
    return { kind: 'complete', size: stored };
  });
}

/** Drops a partial upload (the blob got stored some other way). */
export function removePartial(dataDir: string, sha256: string, userId: string): Promise<void> {
  const file = partialPath(dataDir, sha256, userId);
  return exclusive(file, () => rm(file, { force: true }));
}

/** Removes partial uploads untouched for `maxAgeMs`; returns how many went. */
export async function removeStalePartials(
  dataDir: string,
  maxAgeMs: number,
  now: Date = new Date(),
): Promise<number> {
  const dir = partialDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || now.getTime() - info.mtime.getTime() <= maxAgeMs) continue;
    await exclusive(file, () => rm(file, { force: true }));
    removed += 1;
  }
  return removed;
}
