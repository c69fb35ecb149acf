import type { Draft, SedpDatabase } from './database.ts';

/** Unsaved form state, autosaved so a killed tab or an app update loses nothing. */
export function createDraftRepository(db: SedpDatabase, now: () => Date = () => new Date()) {
  return {
    async save(key: string, value: unknown): Promise<void> {
      await db.drafts.put({ key, value, updatedAt: now().toISOString() });
    },
    async load<T>(key: string): Promise<T | undefined> {
      const draft = await db.drafts.get(key);
      return draft?.value as T | undefined;
    },
    async discard(key: string): Promise<void> {
      await db.drafts.delete(key);
    },
    list(): Promise<Draft[]> {
      return db.drafts.orderBy('updatedAt').reverse().toArray();
    },
  };
}

export type DraftRepository = ReturnType<typeof createDraftRepository>;
