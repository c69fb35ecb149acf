import { appDb, sessionStore } from './app-db.ts';
import { wipeLocalData } from './backup.ts';

/** Changes that exist only on this device: queued (pending or parked) and unresolved conflicts. */
export async function countUnsynced(): Promise<number> {
  const [outbox, conflicts] = await Promise.all([appDb.outbox.count(), appDb.conflicts.count()]);
  return outbox + conflicts;
}

export async function currentToken(): Promise<string | undefined> {
  return (await sessionStore.load())?.token;
}

/** Forgets the sign-in and deletes this device's copy of the data. */
export async function forgetDevice(): Promise<void> {
  await wipeLocalData(appDb);
  await sessionStore.clear();
}
