import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesBlobBytes } from '../../../server/blobs/file-blob-bytes.ts';
import { partialPath } from '../../../server/blobs/partial-uploads.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The lock file another server process would hold while it appends to this partial. */
function lockOf(dataDir: string, sha256: string, uploader: string) {
  const partial = partialPath(dataDir, sha256, uploader);
  const dir = path.join(path.dirname(partial), '..', 'partial-locks');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${path.basename(partial)}.lock`);
}

describe('file blob bytes: one chunk at a time across processes', () => {
  it('waits while another process holds the partial, and takes over a lock left by a dead one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sedp-lock-'));
    dirs.push(dataDir);
    const bytes = new Uint8Array(600).map((_, i) => i % 251);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const blobs = filesBlobBytes(dataDir);
    const lock = lockOf(dataDir, sha256, 'u1');

    writeFileSync(lock, '');
    let done = false;
    const first = blobs
      .appendChunk(sha256, 'u1', { start: 0, end: 299, total: 600 }, bytes.slice(0, 300))
      .then((result) => {
        done = true;
        return result;
      });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(done).toBe(false); // held by "another process"
    rmSync(lock);
    await first;
    expect(await blobs.partialOffset(sha256, 'u1')).toBe(300);

    // A lock a crashed process left behind a minute ago does not block for ever.
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 120_000);
    utimesSync(lock, old, old);
    await blobs.appendChunk(sha256, 'u1', { start: 300, end: 599, total: 600 }, bytes.slice(300));
    expect(await blobs.exists(sha256)).toBe(true);
    expect(await blobs.partialCount('u1')).toBe(0);
  });
});
