import type { SessionUser } from '../domain/sync-protocol.ts';
import { appDb, prefs } from './app-db.ts';
import {
  exportBackup,
  exportUnsynced,
  type ImportSummary,
  importBackup,
  parseBackup,
} from './backup.ts';
import { decryptBackupText, encryptBackupText, isEncryptedBackup } from './backup-crypto.ts';
import { checkOwner, type Importer, type Refusal, screenBackup } from './backup-validation.ts';

const fileStamp = (now: Date) => now.toISOString().slice(0, 16).replace(/[:T]/g, '-');

/** This device's whole backup, encrypted with the passphrase, as a file name and text. */
export async function makeBackupFile(
  account: Pick<SessionUser, 'id' | 'username'> | null,
  passphrase: string,
) {
  const now = new Date();
  const username = account?.username ?? null;
  const backup = await exportBackup(appDb, {
    deviceId: await prefs.deviceId(),
    username,
    userId: account?.id ?? null,
    now,
  });
  return {
    fileName: `sedp-field-backup-${fileStamp(now)}.sedp`,
    text: await encryptBackupText(JSON.stringify(backup), passphrase),
    changes: backup.outbox.length,
  };
}

/**
 * Only the changes that have not reached the server, and their photos, encrypted with the
 * passphrase: the file a shared phone may keep in Downloads after its user signed out.
 */
export async function makeUnsyncedBackupFile(
  account: Pick<SessionUser, 'id' | 'username'>,
  passphrase: string,
) {
  const now = new Date();
  const backup = await exportUnsynced(appDb, {
    deviceId: await prefs.deviceId(),
    username: account.username,
    userId: account.id,
    now,
  });
  return {
    fileName: `sedp-field-changes-${fileStamp(now)}.sedp`,
    text: await encryptBackupText(JSON.stringify(backup), passphrase),
    changes: backup.outbox.length,
  };
}

/** Whether importing this file needs its passphrase first. */
export const needsPassphrase = isEncryptedBackup;

export interface RestoreResult extends ImportSummary {
  refused: Refusal[];
}

/**
 * Imports a backup file for the signed-in account. Throws (and changes nothing) when the
 * file is not a backup (BackupFormatError), the passphrase does not open it
 * (WrongPassphraseError) or another account made it (BackupOwnerError).
 */
export async function restoreBackupFile(
  text: string,
  importer: Importer,
  passphrase?: string,
): Promise<RestoreResult> {
  const plain = isEncryptedBackup(text) ? await decryptBackupText(text, passphrase ?? '') : text;
  const parsed = parseBackup(plain);
  checkOwner(parsed, importer);
  const { backup, refused } = await screenBackup(parsed, importer);
  return { ...(await importBackup(appDb, backup)), refused };
}
