/**
 * Outbox entries as the device's queue holds them. Dexie gives an entry its `seq` (an
 * auto-incremented key) when it is added: a new entry has none, a stored one always has it.
 */
import { type OutboxEntry, SCHEMA_VERSION } from './record.ts';

/** An entry about to be added: its `seq` comes from the queue. */
export type NewOutboxEntry = Omit<OutboxEntry, 'seq'>;

/** An entry read from the queue: `seq` is its place in the creation order. */
export type StoredOutboxEntry = NewOutboxEntry & { seq: number };

/** What a queued change carries to the server, and when it was first made. */
export type OutboxChange = Pick<
  OutboxEntry,
  'mutationId' | 'type' | 'id' | 'op' | 'baseRev' | 'body' | 'hash' | 'createdAt'
>;

/** Where a change stands in the queue. */
export type OutboxProgress = Pick<OutboxEntry, 'attempts' | 'lastError' | 'state' | 'refusal'>;

/** A change never tried yet. */
const UNTRIED: OutboxProgress = { attempts: 0, lastError: null, state: 'pending' };

/**
 * The one way an outbox entry is made: a new change (`progress` left out: never tried),
 * or one brought back as it stood (a backup's, whose attempts and refusal must stay).
 * Only the entry's own fields are taken, so nothing else of `change` is stored.
 */
export function newOutboxEntry(
  change: OutboxChange,
  progress: OutboxProgress = UNTRIED,
): NewOutboxEntry {
  const { mutationId, type, id, op, baseRev, body, hash, createdAt } = change;
  const { attempts, lastError, state, refusal } = progress;
  return {
    mutationId,
    type,
    id,
    op,
    baseRev,
    body,
    hash,
    createdAt,
    attempts,
    lastError,
    state,
    ...(refusal ? { refusal } : {}),
  };
}

/** The wire form of a batch of outbox entries (`POST /api/sync/push`): only what the server reads. */
export function pushRequestOf(deviceId: string, entries: readonly OutboxEntry[]) {
  return {
    deviceId,
    schemaVersion: SCHEMA_VERSION,
    mutations: entries.map(({ mutationId, type, id, op, baseRev, body, hash }) => ({
      mutationId,
      type,
      id,
      op,
      baseRev,
      body,
      hash,
    })),
  };
}
