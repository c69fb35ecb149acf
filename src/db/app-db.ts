/** The app's one device database and the repositories over it (created lazily by Dexie). */
import { createBlobRepository } from './blob-repository.ts';
import { createDatabase } from './database.ts';
import { createDraftRepository } from './draft-repository.ts';
import { createOutboxActions } from './outbox-actions.ts';
import { createPrefs } from './prefs.ts';
import { createRecordRepository } from './record-repository.ts';
import { createSessionStore } from './session.ts';
import { createPersistenceRequest } from './storage.ts';
import { createSyncStore } from './sync-store.ts';

export const appDb = createDatabase();
export const prefs = createPrefs(appDb);
export const drafts = createDraftRepository(appDb);
export const sessionStore = createSessionStore(appDb);
export const syncStore = createSyncStore(appDb);
export const blobStore = createBlobRepository(appDb);

const requestPersistence = createPersistenceRequest();
const writeListeners = new Set<() => void>();

/** Told after every committed local write (the sync engine asks for a sync then). */
export function onLocalWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** Who writes on this device: the signed-in account, as the session kept on it names it. */
const signedInUsername = async () => (await sessionStore.load())?.user.username;

export const records = createRecordRepository({
  db: appDb,
  author: signedInUsername,
  afterWrite: () => {
    void requestPersistence();
    for (const listener of writeListeners) listener();
  },
});

export const outboxActions = createOutboxActions(appDb);

/** Before retrying a failed save: opens the database again if the browser closed it. */
export async function reopenDatabase(): Promise<void> {
  if (!appDb.isOpen()) await appDb.open();
}
