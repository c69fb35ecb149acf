import { appDb, sessionStore } from './app-db.ts';
import { wipeLocalData } from './backup.ts';

/** Changes that exist only on this device: queued (pending or parked) and unresolved conflicts. */
export async function countUnsynced(): Promise<number> {
  const [outbox, conflicts] = await Promise.all([appDb.outbox.count(), appDb.conflicts.count()]);
  return outbox + conflicts;
}

/** Deletes this device's copy of the data and the sign-in kept with it (src/session signs out). */
export async function forgetDevice(): Promise<void> {
  await wipeLocalData(appDb);
  await sessionStore.clear();
}
