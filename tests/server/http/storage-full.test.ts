import { existsSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { isStorageFull, storageFullLog } from '../../../server/http/storage-full.ts';

const caught = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('isStorageFull', () => {
  it('knows SQLite running out of pages', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE t (x BLOB)');
    db.exec('PRAGMA max_page_count = 2');
    const error = caught(() => {
      for (;;) db.exec('INSERT INTO t VALUES (zeroblob(1000))');
    });
    expect(isStorageFull(error)).toBe(true);
    db.close();
  });

  it.runIf(existsSync('/dev/full'))('knows ENOSPC from a file write', () => {
    expect(isStorageFull(caught(() => writeFileSync('/dev/full', 'x')))).toBe(true);
  });

  it('leaves other failures alone', () => {
    const db = new DatabaseSync(':memory:');
    expect(isStorageFull(caught(() => db.exec('SELECT * FROM nowhere')))).toBe(false);
    expect(isStorageFull(new Error('disk full'))).toBe(false);
    expect(isStorageFull('database or disk is full')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    db.close();
  });
});

describe('storageFullLog', () => {
  it('logs the first, then at most once a minute with how many were refused', () => {
    const lines: string[] = [];
    let now = 0;
    const log = storageFullLog(
      (line) => lines.push(line),
      () => now,
    );
    log.note('POST /api/sync/push');
    now += 10_000;
    log.note('POST /api/sync/push');
    log.note('POST /api/auth/login');
    expect(lines).toHaveLength(1);
    now += 60_000;
    log.note('PUT /api/blobs/x');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('3 requests');
    expect(lines[1]).toContain('PUT /api/blobs/x');
  });
});
