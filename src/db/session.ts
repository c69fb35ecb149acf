import type { SessionUser } from '../domain/sync-protocol.ts';
import type { SedpDatabase } from './database.ts';

export interface Session {
  token: string;
  user: SessionUser;
  signedInAt: string;
}

const KEY = 'session';

/** The sign-in kept on the device, so work goes on offline for weeks. */
export function createSessionStore(db: SedpDatabase) {
  return {
    async load(): Promise<Session | undefined> {
      return (await db.prefs.get(KEY))?.value as Session | undefined;
    },
    async save(session: Session): Promise<void> {
      await db.prefs.put({ key: KEY, value: session });
    },
    async clear(): Promise<void> {
      await db.prefs.delete(KEY);
    },
  };
}
