import { appDb, prefs } from './app-db.ts';
import { exportBackup, type ImportSummary, importBackup, parseBackup } from './backup.ts';

/** This device's backup as a file name and JSON text, ready to download. */
export async function makeBackupFile(username: string | null) {
  const now = new Date();
  const backup = await exportBackup(appDb, { deviceId: await prefs.deviceId(), username, now });
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return {
    fileName: `sedp-field-backup-${username ?? 'device'}-${stamp}.json`,
    text: JSON.stringify(backup),
    changes: backup.outbox.length,
  };
}

/** Throws BackupFormatError when the file is not a backup; then nothing is changed. */
export async function restoreBackupFile(text: string): Promise<ImportSummary> {
  return importBackup(appDb, parseBackup(text));
}
