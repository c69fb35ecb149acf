import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/hash.ts';
import { newHearing } from '../domain/hearing.ts';
import { newTraining } from '../domain/training.ts';
import { type Backup, exportBackup, exportUnsynced, importBackup, parseBackup } from './backup.ts';
import {
  decryptBackupText,
  encryptBackupText,
  isEncryptedBackup,
  WrongPassphraseError,
} from './backup-crypto.ts';
import { BackupOwnerError, checkOwner, type Importer, screenBackup } from './backup-validation.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { createRecordRepository } from './record-repository.ts';

let source: SedpDatabase;
let target: SedpDatabase;
let n = 0;

beforeEach(() => {
  n += 1;
  source = createDatabase(`import-src-${n}`);
  target = createDatabase(`import-dst-${n}`);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const aida: Importer = {
  id: 'u-aida',
  username: 'aida',
  role: 'consultant',
  districtIds: ['nooken'],
};
const admin: Importer = { id: 'u-admin', username: 'admin', role: 'admin', districtIds: [] };
const meta = { deviceId: 'd1', username: 'aida', userId: 'u-aida' };
const NAME = 'Жыпар Асанова';
const PHONE = '+996 555 123 456';

const roster = (districtId: string) => {
  const training = newTraining({ districtId, municipalityIds: ['m1'] }, new Date(2025, 3, 1));
  return {
    ...training,
    title: 'Бюджет',
    attendance: {
      ...training.attendance,
      participants: [{ id: 'p1', name: NAME, sex: 'female' as const, groups: [], phone: PHONE }],
    },
  };
};

async function photo(db: SedpDatabase, bytes: number[], mime = 'image/jpeg', uploaded: 0 | 1 = 0) {
  const data = new Uint8Array(bytes);
  const sha256 = await sha256Hex(data);
  await db.blobs.add({
    sha256,
    bytes: data.buffer,
    mime,
    size: data.length,
    createdAt: '',
    uploaded,
  });
  return sha256;
}

describe('backup import screening', () => {
  it('imports what passes and names what it refuses: schema, district, reference data', async () => {
    const repo = createRecordRepository({ db: source, author: () => 'aida' });
    const mine = await repo.put({ type: 'training', body: roster('nooken') });
    const other = await repo.put({ type: 'training', body: roster('aksy') });
    const territory = await repo.put({
      type: 'territory',
      body: { kind: 'district', code: 'x', names: { ru: 'X', ky: 'X', en: 'X' } },
    });
    const backup = parseBackup(JSON.stringify(await exportBackup(source, meta)));
    // A hand-edited file: a body its schema refuses.
    const broken = {
      ...backup.records[0],
      id: '01900000-0000-7000-8000-000000000001',
    } as Backup['records'][number];
    broken.body = { ...broken.body, dates: [] };
    backup.records.push(broken);

    const { backup: allowed, refused } = await screenBackup(backup, aida);
    expect(allowed.records.map((r) => r.id)).toEqual([mine.id]);
    expect(allowed.outbox.map((e) => e.id)).toEqual([mine.id]);
    expect(refused).toEqual(
      expect.arrayContaining([
        {
          kind: 'record',
          type: 'training',
          id: other.id,
          title: 'Бюджет',
          reason: 'other-district',
        },
        {
          kind: 'record',
          type: 'territory',
          id: territory.id,
          title: undefined,
          reason: 'reference-data',
        },
        { kind: 'record', type: 'training', id: broken.id, title: 'Бюджет', reason: 'invalid' },
      ]),
    );
    expect(refused).toHaveLength(3);

    await importBackup(target, allowed);
    expect(await target.records.count()).toBe(1);
    expect(await target.outbox.count()).toBe(1);
  });

  it('lets an admin import every district and reference data', async () => {
    const repo = createRecordRepository({ db: source, author: () => 'aida' });
    await repo.put({ type: 'training', body: roster('aksy') });
    const { refused } = await screenBackup(await exportBackup(source, meta), admin);
    expect(refused).toEqual([]);
  });

  it('refuses a photo whose bytes do not match its name, or that is not an image or PDF', async () => {
    const good = await photo(source, [1, 2, 3]);
    const pdf = await photo(source, [4, 5], 'application/pdf');
    const script = await photo(source, [6], 'text/html');
    const backup = await exportBackup(source, meta);
    const wrong = 'ab'.repeat(32);
    backup.blobs.push({ sha256: wrong, mime: 'image/jpeg', base64: 'AQID' });

    const { backup: allowed, refused } = await screenBackup(backup, aida);
    expect(allowed.blobs.map((b) => b.sha256).sort()).toEqual([good, pdf].sort());
    expect(refused).toEqual([
      { kind: 'photo', type: 'text/html', id: script, reason: 'file-type' },
      { kind: 'photo', type: 'image/jpeg', id: wrong, reason: 'hash-mismatch' },
    ]);
  });

  it('refuses a backup another account made, unless an admin imports it', async () => {
    const backup = await exportBackup(source, meta);
    expect(() => checkOwner(backup, aida)).not.toThrow();
    const bakyt = { ...aida, id: 'u-bakyt', username: 'bakyt' };
    expect(() => checkOwner(backup, bakyt)).toThrow(BackupOwnerError);
    expect(() => checkOwner(backup, admin)).not.toThrow();
    // Backups from before `userId` name their maker by username only.
    const old = { ...backup, userId: undefined };
    expect(() => checkOwner(old, aida)).not.toThrow();
    expect(() => checkOwner(old, bakyt)).toThrow(BackupOwnerError);
    expect(() => checkOwner({ ...old, username: null }, aida)).toThrow(BackupOwnerError);
    expect(() => checkOwner({ ...old, username: null }, admin)).not.toThrow();
  });
});

describe('unsynced-only encrypted backup', () => {
  it('holds only unsynced changes and their photos, and no plaintext names or phones', async () => {
    const repo = createRecordRepository({ db: source, author: () => 'aida' });
    const sheet = await photo(source, [9, 9, 9]);
    await photo(source, [8], 'image/jpeg'); // another, unnamed photo: not part of these changes
    const hearing = newHearing(
      { districtId: 'nooken', municipalityId: 'm1' },
      new Date(2025, 3, 1),
    );
    const pending = await repo.put({
      type: 'hearing',
      body: { ...hearing, chair: NAME, photos: [{ sha256: sheet, kind: 'attendance-sheet' }] },
    });
    const synced = await repo.put({ type: 'training', body: roster('nooken') });
    await source.outbox.where('id').equals(synced.id).delete(); // reached the server

    const backup = await exportUnsynced(source, meta);
    expect(backup.records.map((r) => r.id)).toEqual([pending.id]);
    expect(backup.outbox.map((e) => e.id)).toEqual([pending.id]);
    expect(backup.blobs.map((b) => b.sha256)).toEqual([sheet]);
    expect(backup.userId).toBe('u-aida');

    const file = await encryptBackupText(JSON.stringify(backup), 'correct horse');
    expect(isEncryptedBackup(file)).toBe(true);
    const header = JSON.parse(file) as { iterations: number; salt: string; iv: string };
    expect(header.iterations).toBeGreaterThanOrEqual(600_000);
    const bytes = new TextEncoder().encode(file);
    for (const secret of [NAME, PHONE, 'Асанова', '555 123', 'nooken', sheet]) {
      expect(file.includes(secret)).toBe(false);
      const needle = new TextEncoder().encode(secret);
      const found = bytes.some((_, i) => needle.every((b, j) => bytes[i + j] === b));
      expect(found).toBe(false);
    }

    await expect(decryptBackupText(file, 'wrong horse')).rejects.toThrow(WrongPassphraseError);
    const restored = parseBackup(await decryptBackupText(file, 'correct horse'));
    expect(restored).toEqual(JSON.parse(JSON.stringify(backup)));
    await importBackup(target, restored);
    expect((await target.records.get(pending.id))?.body.chair).toBe(NAME);
    expect(await target.blobs.count()).toBe(1);
  });

  it('uses a fresh salt and IV for every file, and refuses short passphrases', async () => {
    const a = JSON.parse(await encryptBackupText('{}', 'passphrase')) as {
      salt: string;
      iv: string;
    };
    const b = JSON.parse(await encryptBackupText('{}', 'passphrase')) as {
      salt: string;
      iv: string;
    };
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    await expect(encryptBackupText('{}', 'short')).rejects.toThrow(RangeError);
  });
});
