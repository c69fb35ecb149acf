/**
 * What a backup may bring onto this device, judged before anything is written: every
 * record and change against its type's schema and the importing account's districts, every
 * attachment against its name (SHA-256) and the types the server accepts, and the file
 * against the account that made it.
 */
import { BLOB_MIME_TYPES } from '../domain/blob-upload.ts';
import { sha256Hex } from '../domain/hash.ts';
import { syncedRecordSchema } from '../domain/record-schema.ts';
import { districtOf, recordTypeDefinition } from '../domain/record-types.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import type { Backup } from './backup.ts';
import { fromBase64 } from './backup-crypto.ts';

export type RefusalReason =
  | 'unknown-type'
  | 'invalid'
  | 'other-district'
  | 'reference-data'
  | 'hash-mismatch'
  | 'file-type';

export interface Refusal {
  kind: 'record' | 'change' | 'photo';
  /** Record type, or the attachment's media type. */
  type: string;
  /** Record id, or the attachment's SHA-256 name. */
  id: string;
  title?: string;
  reason: RefusalReason;
}

export type Importer = Pick<SessionUser, 'id' | 'username' | 'role' | 'districtIds'>;

/** The backup was made by another account: only an admin may import it. Nothing was imported. */
export class BackupOwnerError extends Error {
  override name = 'BackupOwnerError';
  readonly owner: string | null;
  constructor(owner: string | null) {
    super(`backup made by ${owner ?? 'an unknown account'}`);
    this.owner = owner;
  }
}

/**
 * Whose the backup is: its `userId` when it has one; older backups name only the
 * `username`, which is unique on a server; a backup naming no one is an admin's to import.
 */
export function checkOwner(backup: Backup, importer: Importer): void {
  if (importer.role === 'admin') return;
  const mine =
    typeof backup.userId === 'string'
      ? backup.userId === importer.id
      : typeof backup.username === 'string' && backup.username === importer.username;
  if (!mine) throw new BackupOwnerError(backup.username ?? null);
}

const titleOf = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined;
  const { title, name } = body as { title?: unknown; name?: unknown };
  if (typeof title === 'string' && title) return title.slice(0, 80);
  if (typeof name === 'string' && name) return name.slice(0, 80);
  return undefined;
};

/** Why this importer may not bring this body of this type onto the device, if at all. */
function judge(
  type: string,
  body: unknown,
  deleted: boolean,
  importer: Importer,
): RefusalReason | null {
  const definition = recordTypeDefinition(type);
  if (!definition) return 'unknown-type';
  if (definition.scope === 'reference' && importer.role !== 'admin') return 'reference-data';
  if (!body || typeof body !== 'object') return 'invalid';
  if (!deleted && !definition.schema.safeParse(body).success) return 'invalid';
  if (definition.scope === 'district' && importer.role === 'consultant') {
    const district = districtOf(body as Record<string, unknown>);
    if (!district || !importer.districtIds.includes(district)) return 'other-district';
  }
  return null;
}

/**
 * The part of the backup this importer may import, and what was refused, with why.
 * Reference data a non-admin's backup holds as a copy of the server's (synced, no queued
 * change) is left out without being named: the next sync brings it from the server.
 */
export async function screenBackup(
  backup: Backup,
  importer: Importer,
): Promise<{ backup: Backup; refused: Refusal[] }> {
  const refused: Refusal[] = [];
  const queued = new Set(backup.outbox.map((e) => e.id));

  const records = backup.records.filter((record) => {
    const envelope = syncedRecordSchema.safeParse(record);
    const reason = envelope.success
      ? judge(record.type, record.body, record.deleted, importer)
      : 'invalid';
    if (!reason) return true;
    const serverCopy = reason === 'reference-data' && record.rev > 0 && !queued.has(record.id);
    if (!serverCopy) {
      refused.push({
        kind: 'record',
        type: String(record.type),
        id: String(record.id),
        title: titleOf(record.body),
        reason,
      });
    }
    return false;
  });
  const outbox = backup.outbox.filter((entry) => {
    const wellFormed =
      typeof entry.mutationId === 'string' &&
      typeof entry.id === 'string' &&
      typeof entry.hash === 'string' &&
      (entry.op === 'put' || entry.op === 'delete') &&
      Number.isInteger(entry.baseRev);
    const reason = wellFormed
      ? judge(entry.type, entry.body, entry.op === 'delete', importer)
      : 'invalid';
    if (!reason) return true;
    // One line per record: its record is named already when refused for the same reason.
    if (!refused.some((r) => r.id === entry.id && r.reason === reason)) {
      refused.push({
        kind: 'change',
        type: String(entry.type),
        id: String(entry.id),
        title: titleOf(entry.body),
        reason,
      });
    }
    return false;
  });
  const conflicts = backup.conflicts.filter((conflict) => {
    const local = conflict.local;
    const reason = judge(conflict.type, local?.body, local?.deleted === true, importer);
    if (!reason) return true;
    if (!refused.some((r) => r.id === conflict.id)) {
      const title = titleOf(local?.body);
      refused.push({ kind: 'change', type: String(conflict.type), id: conflict.id, title, reason });
    }
    return false;
  });

  const blobs: Backup['blobs'] = [];
  for (const blob of backup.blobs) {
    let reason: RefusalReason | null = null;
    if (!BLOB_MIME_TYPES.includes(blob.mime)) reason = 'file-type';
    else {
      try {
        if ((await sha256Hex(fromBase64(blob.base64))) !== blob.sha256) reason = 'hash-mismatch';
      } catch {
        reason = 'hash-mismatch';
      }
    }
    if (reason) refused.push({ kind: 'photo', type: String(blob.mime), id: blob.sha256, reason });
    else blobs.push(blob);
  }
  return { backup: { ...backup, records, outbox, conflicts, blobs }, refused };
}
