/** The app's one device database and the repositories over it (created lazily by Dexie). */
import { createDatabase } from './database.ts';
import { createDraftRepository } from './draft-repository.ts';
import { createPrefs } from './prefs.ts';
import { createRecordRepository } from './record-repository.ts';
import { createPersistenceRequest } from './storage.ts';

export const appDb = createDatabase();
export const prefs = createPrefs(appDb);
export const drafts = createDraftRepository(appDb);
const requestPersistence = createPersistenceRequest();
export const records = createRecordRepository({
  db: appDb,
  afterWrite: () => void requestPersistence(),
});
