/** What the user can do about parked changes and conflicts (Sync screen). */
import { v7 as uuidv7 } from 'uuid';
import { blobReferences } from '../domain/blob-references.ts';
import { bodyHash } from '../domain/hash.ts';
import { newOutboxEntry } from '../domain/outbox-entry.ts';
import type { SedpDatabase } from './database.ts';
import { listTables, syncStatesOf, updateListIndex } from './list-index.ts';

export function createOutboxActions(db: SedpDatabase, now: () => Date = () => new Date()) {
  /**
   * A change sent again after days parked or in conflict may name a photo the server has
   * since cleared away (it removes blobs no record names after a week): have the next sync
   * ask the server about each one again (HEAD) and upload what is missing, before the change.
   */
  async function recheckBlobs(body: Record<string, unknown>) {
    const named = blobReferences(body);
    if (named.length === 0) return;
    const uploaded = await db.blobs
      .where('sha256')
      .anyOf(named)
      .filter((b) => b.uploaded === 1)
      .primaryKeys();
    await Promise.all(uploaded.map((sha256) => db.blobs.update(sha256, { uploaded: 0 })));
  }

  /** The lists' index entry of one record, as it and its queue now stand. */
  async function reindex(id: string) {
    const [record, states] = await Promise.all([db.records.get(id), syncStatesOf(db, [id])]);
    await updateListIndex(db, [{ id, record, sync: states.get(id) ?? 'synced' }]);
  }
  const indexTables = [db.records, db.conflicts, ...listTables(db)];

  return {
    /**
     * Sends a parked change again (after the cause was fixed on the server, say). It gets
     * a new mutation id: the server remembers its refusal of the old one and would repeat it.
     */
    async retry(seq: number) {
      await db.transaction('rw', [db.outbox, db.blobs, ...indexTables], async () => {
        const entry = await db.outbox.get(seq);
        if (!entry) return;
        await recheckBlobs(entry.body);
        await db.outbox.update(seq, {
          state: 'pending',
          lastError: null,
          refusal: undefined,
          attempts: 0,
          mutationId: uuidv7(),
        });
        await reindex(entry.id);
      });
    },

    /** Offers a photo the server refused to the next sync again. */
    async retryBlob(sha256: string) {
      await db.blobs.update(sha256, { uploaded: 0, refusal: undefined });
    },

    /** Gives up a parked change; the record stays on this device as it is. */
    async discard(seq: number) {
      await db.transaction('rw', [db.outbox, ...indexTables], async () => {
        const entry = await db.outbox.get(seq);
        await db.outbox.delete(seq);
        if (entry) await reindex(entry.id);
      });
    },

    /** "Keep theirs": the server's version replaces this device's. */
    async keepTheirs(id: string) {
      await db.transaction('rw', [db.outbox, ...indexTables], async () => {
        const conflict = await db.conflicts.get(id);
        if (!conflict) return;
        await db.records.put(conflict.remote);
        await db.outbox.where('id').equals(id).delete();
        await db.conflicts.delete(id);
        await reindex(id);
      });
    },

    /**
     * "Keep mine": this device's current version goes to the server as a new change
     * based on the server's revision, so it applies instead of conflicting again.
     */
    async keepMine(id: string) {
      const record = await db.records.get(id);
      const conflict = await db.conflicts.get(id);
      if (!record || !conflict) return;
      const hash = await bodyHash(record.body);
      await db.transaction('rw', [db.outbox, db.blobs, ...indexTables], async () => {
        await recheckBlobs(record.body);
        await db.outbox.where('id').equals(id).delete();
        await db.records.update(id, { rev: conflict.remote.rev });
        await db.outbox.add(
          newOutboxEntry({
            mutationId: uuidv7(),
            type: record.type,
            id,
            op: record.deleted ? 'delete' : 'put',
            baseRev: conflict.remote.rev,
            body: record.body,
            hash,
            createdAt: now().toISOString(),
          }),
        );
        await db.conflicts.delete(id);
        await reindex(id);
      });
    },
  };
}

export type OutboxActions = ReturnType<typeof createOutboxActions>;
