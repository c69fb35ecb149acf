/** Live queries the shell shows before any feature has loaded Dexie (kept out of the first chunk). */
import { liveQuery } from 'dexie';
import { appDb } from './app-db.ts';

export function subscribePendingCount(onChange: (count: number) => void): () => void {
  const subscription = liveQuery(() => appDb.outbox.count()).subscribe({
    next: onChange,
    error: (error: unknown) => console.error(error),
  });
  return () => subscription.unsubscribe();
}
