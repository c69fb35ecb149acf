/** The device side of sync over Dexie: what to send, what the server said, what to pull in. */
import type { OutboxEntry, SyncedRecord } from '../domain/record.ts';
import type { MutationResult, ServerRecord } from '../domain/sync-protocol.ts';
import type { Conflict, SedpDatabase } from './database.ts';

const CURSOR = 'pullCursor';
const LAST_SUCCESS = 'lastSuccessAt';

export interface ResultSummary {
  applied: number;
  conflicts: number;
  parked: number;
}

export interface SyncStore {
  /**
   * Up to `max` pending entries in creation order, at most one per record (a later edit
   * must wait for the revision the earlier one gets). Marked as sent in the same
   * transaction, so from now on they are "maybe delivered" and never rewritten.
   */
  takeBatch(max: number): Promise<OutboxEntry[]>;
  applyResults(batch: OutboxEntry[], results: MutationResult[]): Promise<ResultSummary>;
  /** The whole batch failed (network, 5xx): keep it pending with the error. */
  noteFailure(batch: OutboxEntry[], error: string): Promise<void>;
  /** The server refused the whole batch (4xx): park it so the rest of the queue goes on. */
  park(batch: OutboxEntry[], error: string): Promise<void>;
  cursor(): Promise<number>;
  /** Stores a pull page and its cursor in one transaction, never over local pending work. */
  applyPullPage(changes: ServerRecord[], cursor: number): Promise<number>;
  markSuccess(at: Date): Promise<void>;
  lastSuccess(): Promise<string | undefined>;
  pendingCount(): Promise<number>;
}

export function createSyncStore(db: SedpDatabase, now: () => Date = () => new Date()): SyncStore {
  return {
    takeBatch(max) {
      return db.transaction('rw', db.outbox, async () => {
        const all = await db.outbox.orderBy('seq').toArray();
        const seen = new Set<string>();
        const batch: OutboxEntry[] = [];
        for (const entry of all) {
          if (batch.length >= max) break;
          const first = !seen.has(entry.id);
          seen.add(entry.id);
          if (first && entry.state === 'pending') batch.push(entry);
        }
        for (const entry of batch) {
          entry.attempts += 1;
          await db.outbox.update(entry.seq as number, { attempts: entry.attempts });
        }
        return batch;
      });
    },

    applyResults(batch, results) {
      const byId = new Map(results.map((r) => [r.mutationId, r]));
      const summary: ResultSummary = { applied: 0, conflicts: 0, parked: 0 };
      return db.transaction('rw', [db.outbox, db.records, db.conflicts], async () => {
        for (const entry of batch) {
          const result = byId.get(entry.mutationId);
          if (!result) continue; // not answered: stays pending, retried with the same id
          const seq = entry.seq as number;
          const later = await db.outbox
            .where('id')
            .equals(entry.id)
            .filter((e) => (e.seq as number) > seq)
            .toArray();
          switch (result.status) {
            case 'applied':
            case 'duplicate': {
              const rev = result.rev ?? 0;
              await db.outbox.delete(seq);
              // Later local edits were made on top of this one: they now build on `rev`.
              for (const next of later)
                await db.outbox.update(next.seq as number, { baseRev: rev });
              await db.records.update(entry.id, { rev });
              summary.applied += 1;
              break;
            }
            case 'conflict': {
              const local = await db.records.get(entry.id);
              if (local && result.current) {
                const conflict: Conflict = {
                  id: entry.id,
                  type: entry.type,
                  local,
                  remote: result.current,
                  mutationId: entry.mutationId,
                  detectedAt: now().toISOString(),
                };
                await db.conflicts.put(conflict);
              }
              // The local version lives on in the conflict; resolving it makes a new mutation.
              await db.outbox.bulkDelete([seq, ...later.map((e) => e.seq as number)]);
              summary.conflicts += 1;
              break;
            }
            case 'rejected': {
              const error = result.error
                ? `${result.error.code}: ${result.error.message}${result.error.path?.length ? ` (${result.error.path.join('.')})` : ''}`
                : 'rejected';
              await db.outbox.update(seq, { state: 'parked', lastError: error });
              summary.parked += 1;
              break;
            }
          }
        }
        return summary;
      });
    },

    async noteFailure(batch, error) {
      await db.outbox.bulkUpdate(
        batch.map((e) => ({ key: e.seq as number, changes: { lastError: error } })),
      );
    },

    async park(batch, error) {
      await db.outbox.bulkUpdate(
        batch.map((e) => ({
          key: e.seq as number,
          changes: { state: 'parked' as const, lastError: error },
        })),
      );
    },

    async cursor() {
      return ((await db.syncMeta.get(CURSOR))?.value as number | undefined) ?? 0;
    },

    applyPullPage(changes, cursor) {
      return db.transaction('rw', [db.records, db.outbox, db.conflicts, db.syncMeta], async () => {
        const ids = changes.map((c) => c.id);
        const busy = new Set<string>([
          ...(await db.outbox.where('id').anyOf(ids).toArray()).map((e) => e.id),
          ...(await db.conflicts.where('id').anyOf(ids).primaryKeys()),
        ]);
        const incoming: SyncedRecord[] = changes.filter((c) => !busy.has(c.id));
        await db.records.bulkPut(incoming);
        await db.syncMeta.put({ key: CURSOR, value: cursor });
        return incoming.length;
      });
    },

    async markSuccess(at) {
      await db.syncMeta.put({ key: LAST_SUCCESS, value: at.toISOString() });
    },

    async lastSuccess() {
      return (await db.syncMeta.get(LAST_SUCCESS))?.value as string | undefined;
    },

    pendingCount() {
      return db.outbox.where('state').equals('pending').count();
    },
  };
}
