import { v7 as uuidv7 } from 'uuid';
import type { SedpDatabase } from './database.ts';

/** Device preferences, kept in IndexedDB with the rest of the device's data. */
export function createPrefs(db: SedpDatabase) {
  async function get<T>(key: string): Promise<T | undefined> {
    return (await db.prefs.get(key))?.value as T | undefined;
  }
  async function set(key: string, value: unknown): Promise<void> {
    await db.prefs.put({ key, value });
  }
  return {
    get,
    set,
    /** A stable id for this device, made once and kept. */
    async deviceId(): Promise<string> {
      return db.transaction('rw', db.prefs, async () => {
        const existing = await get<string>('deviceId');
        if (existing) return existing;
        const id = uuidv7();
        await set('deviceId', id);
        return id;
      });
    },
  };
}

export type Prefs = ReturnType<typeof createPrefs>;
