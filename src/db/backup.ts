/** Backups: every local record, queued change, conflict and unsent attachment, as one JSON file. */
import { newOutboxEntry } from '../domain/outbox-entry.ts';
import type { OutboxEntry, SyncedRecord } from '../domain/record.ts';
import { fromBase64, toBase64 } from './backup-crypto.ts';
import { blobNamesIn } from './blob-names.ts';
import { type Conflict, revOf, type SedpDatabase, withRevs } from './database.ts';
import { listTables, syncStatesOf, updateListIndex } from './list-index.ts';
import { forgetListReads } from './list-reads.ts';
import { addFollower } from './outbox-followers.ts';
import { sideRevOf } from './side-revs.ts';
import { sendingSeqs } from './sync-store.ts';

export const BACKUP_FORMAT = 'sedp-field-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  deviceId: string;
  username: string | null;
  /**
   * The account that made it (its server id). Backups from before this field carry only
   * `username`; one with neither is an admin's to import.
   */
  userId?: string | null;
  /** Only this device's unsynced changes, the records they name and their photos. */
  unsyncedOnly?: boolean;
  records: SyncedRecord[];
  outbox: OutboxEntry[];
  conflicts: Conflict[];
  /** Attachments the server does not have yet, base64. */
  blobs: { sha256: string; mime: string; base64: string }[];
}

export interface BackupMeta {
  deviceId: string;
  username: string | null;
  userId?: string | null;
  now?: Date;
}

export async function exportBackup(db: SedpDatabase, meta: BackupMeta): Promise<Backup> {
  return db.transaction(
    'r',
    [db.records, db.outbox, db.conflicts, db.blobs, db.syncMeta, db.revBatches],
    async () => {
      // Entries on their way to the server count as sent: the copy must never rewrite them.
      const sending = await sendingSeqs(db);
      const outbox = (await db.outbox.orderBy('seq').toArray()).map((e) =>
        sending.has(e.seq) ? { ...e, attempts: e.attempts + 1 } : e,
      );
      return {
        format: BACKUP_FORMAT,
        version: 1 as const,
        exportedAt: (meta.now ?? new Date()).toISOString(),
        deviceId: meta.deviceId,
        username: meta.username,
        userId: meta.userId ?? null,
        records: await withRevs(db, await db.records.toArray()),
        outbox,
        conflicts: await db.conflicts.toArray(),
        blobs: (await db.blobs.where('uploaded').equals(0).toArray()).map((b) => ({
          sha256: b.sha256,
          mime: b.mime,
          base64: toBase64(b.bytes),
        })),
      };
    },
  );
}

/**
 * Only what exists nowhere but on this device: queued changes (pending or parked),
 * unresolved conflicts, the local records they name, and the attachments those name that
 * the server does not have yet. Nothing already synced, so no one else's roster.
 */
export async function exportUnsynced(db: SedpDatabase, meta: BackupMeta): Promise<Backup> {
  const full = await exportBackup(db, meta);
  const ids = new Set([...full.outbox.map((e) => e.id), ...full.conflicts.map((c) => c.id)]);
  const records = full.records.filter((r) => ids.has(r.id));
  const named = blobNamesIn([
    ...records.map((r) => r.body),
    ...full.outbox.map((e) => e.body),
    ...full.conflicts.map((c) => c.local.body),
  ]);
  return {
    ...full,
    unsyncedOnly: true,
    records,
    blobs: full.blobs.filter((b) => named.has(b.sha256)),
  };
}

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupFormatError('not JSON');
  }
  const backup = data as Partial<Backup>;
  if (
    backup?.format !== BACKUP_FORMAT ||
    backup.version !== 1 ||
    !Array.isArray(backup.records) ||
    !Array.isArray(backup.outbox) ||
    ![backup.records, backup.outbox, backup.conflicts ?? [], backup.blobs ?? []].every(
      (list) => Array.isArray(list) && list.every((item) => item && typeof item === 'object'),
    )
  ) {
    throw new BackupFormatError('not an SEDP Field backup');
  }
  return { conflicts: [], blobs: [], ...backup } as Backup;
}

export interface ImportSummary {
  records: number;
  changes: number;
}

/**
 * Merges a backup into this device. Queued changes keep their mutation ids, so the
 * server answers `duplicate` for any it already has: importing twice stores nothing twice.
 * A record is only replaced by an older copy when this device has nothing newer of it.
 */
export async function importBackup(db: SedpDatabase, backup: Backup): Promise<ImportSummary> {
  const tables = [
    db.records,
    db.outbox,
    db.conflicts,
    db.blobs,
    db.revBatches,
    db.syncMeta,
    ...listTables(db),
  ];
  return db.transaction('rw', tables, async () => {
    const touched = new Set<string>();
    let records = 0;
    let changes = 0;
    for (const record of backup.records) {
      const local = await db.records.get(record.id);
      if (
        !local ||
        (revOf(local, await sideRevOf(db, record.id)) < record.rev &&
          (await db.outbox.where('id').equals(record.id).count()) === 0)
      ) {
        await db.records.put(record);
        touched.add(record.id);
        records += 1;
      }
    }
    for (const entry of backup.outbox) {
      if (await db.outbox.where('mutationId').equals(entry.mutationId).count()) continue;
      // A change that had been sent may be on the server already: it must stay unchanged
      // (its mutation id, attempts and refusal with it); it gets a new place in the queue.
      const queuedBefore = await db.outbox.where('id').equals(entry.id).count();
      const seq = await db.outbox.add(newOutboxEntry(entry, entry));
      if (queuedBefore > 0) await addFollower(db, seq);
      touched.add(entry.id);
      changes += 1;
    }
    for (const conflict of backup.conflicts) {
      if (await db.conflicts.get(conflict.id)) continue;
      await db.conflicts.put(conflict);
      touched.add(conflict.id);
    }
    const ids = [...touched];
    const [stored, states] = await Promise.all([db.records.bulkGet(ids), syncStatesOf(db, ids)]);
    await updateListIndex(
      db,
      ids.map((id, i) => ({ id, record: stored[i], sync: states.get(id) ?? 'synced' })),
    );
    for (const blob of backup.blobs) {
      if (await db.blobs.get(blob.sha256)) continue;
      const bytes = fromBase64(blob.base64).buffer;
      await db.blobs.add({
        sha256: blob.sha256,
        bytes,
        mime: blob.mime,
        size: bytes.byteLength,
        createdAt: backup.exportedAt,
        uploaded: 0,
      });
    }
    return { records, changes };
  });
}

/** Deletes everything this device holds for the signed-in user (after sign-out). */
export async function wipeLocalData(db: SedpDatabase): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.records,
      db.outbox,
      db.conflicts,
      db.blobs,
      db.drafts,
      db.syncMeta,
      db.revBatches,
      ...listTables(db),
    ],
    async () => {
      await Promise.all([
        db.listPages.clear(),
        db.listRows.clear(),
        db.listFigures.clear(),
        db.records.clear(),
        db.revBatches.clear(),
        db.outbox.clear(),
        db.conflicts.clear(),
        db.blobs.clear(),
        db.drafts.clear(),
        db.syncMeta.clear(),
      ]);
    },
  );
  forgetListReads();
}
