import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupFormatError,
  exportBackup,
  importBackup,
  parseBackup,
  wipeLocalData,
} from './backup.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { createRecordRepository } from './record-repository.ts';

let source: SedpDatabase;
let target: SedpDatabase;
let n = 0;

beforeEach(() => {
  n += 1;
  source = createDatabase(`backup-src-${n}`);
  target = createDatabase(`backup-dst-${n}`);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const note = (title: string) => ({ districtId: 'nooken', title, text: '' });

describe('backup', () => {
  it('carries records and queued changes with their mutation ids to another device', async () => {
    const repo = createRecordRepository({ db: source, author: () => 'aida' });
    const a = await repo.put({ type: 'lessons-note', body: note('a') });
    await repo.put({ type: 'lessons-note', body: note('b') });
    const backup = await exportBackup(source, { deviceId: 'd1', username: 'aida' });
    const text = JSON.stringify(backup);

    expect(await importBackup(target, parseBackup(text))).toEqual({ records: 2, changes: 2 });
    expect((await target.records.get(a.id))?.body).toEqual(note('a'));
    const ids = (db: SedpDatabase) =>
      db.outbox
        .orderBy('seq')
        .toArray()
        .then((r) => r.map((e) => e.mutationId));
    expect(await ids(target)).toEqual(await ids(source));

    // Importing the same file again adds nothing.
    expect(await importBackup(target, parseBackup(text))).toEqual({ records: 0, changes: 0 });
    expect(await target.outbox.count()).toBe(2);
  });

  it('never replaces a record this device changed since', async () => {
    const repo = createRecordRepository({ db: source, author: () => 'aida' });
    const a = await repo.put({ type: 'lessons-note', body: note('old') });
    const backup = await exportBackup(source, { deviceId: 'd1', username: 'aida' });
    await createRecordRepository({ db: target, author: () => 'aida' }).put({
      type: 'lessons-note',
      id: a.id,
      body: note('newer'),
    });
    await importBackup(target, backup);
    expect((await target.records.get(a.id))?.body).toEqual(note('newer'));
  });

  it('refuses a file that is not a backup', () => {
    expect(() => parseBackup('{"hello":1}')).toThrow(BackupFormatError);
    expect(() => parseBackup('not json')).toThrow(BackupFormatError);
  });

  it('keeps attachments the server does not have yet', async () => {
    await source.blobs.add({
      sha256: 'ab'.repeat(32),
      bytes: new Uint8Array([1, 2, 3]).buffer,
      mime: 'image/jpeg',
      size: 3,
      createdAt: '',
      uploaded: 0,
    });
    const backup = parseBackup(
      JSON.stringify(await exportBackup(source, { deviceId: 'd', username: null })),
    );
    expect(backup.blobs).toEqual([{ sha256: 'ab'.repeat(32), mime: 'image/jpeg', base64: 'AQID' }]);
    await importBackup(target, backup);
    expect((await target.blobs.get('ab'.repeat(32)))?.size).toBe(3);
  });

  it('wipes everything of the signed-in user', async () => {
    await createRecordRepository({ db: source, author: () => 'aida' }).put({
      type: 'lessons-note',
      body: note('x'),
    });
    await wipeLocalData(source);
    expect(await source.records.count()).toBe(0);
    expect(await source.outbox.count()).toBe(0);
  });
});
