import { Dexie } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { bodyHash } from '../domain/hash.ts';
import { isListed } from '../domain/list-facts.ts';
import { newOutboxEntry } from '../domain/outbox-entry.ts';
import { type MutationOp, SCHEMA_VERSION, type SyncedRecord } from '../domain/record.ts';
import { revOf, type SedpDatabase } from './database.ts';
import { listTables, syncStatesOf, updateListIndex } from './list-index.ts';
import { sendingSeqs } from './sync-store.ts';

export interface RepositoryDeps {
  db: SedpDatabase;
  now?: () => Date;
  newId?: () => string;
  /** Called after a write has committed (persistence request, sync trigger). */
  afterWrite?: () => void;
}

export interface PutInput<Body extends Record<string, unknown>> {
  type: string;
  /** Omit to create a new record. */
  id?: string;
  body: Body;
  updatedBy: string;
  /** A draft this write supersedes: removed in the same transaction, or not at all. */
  discardDraft?: string;
}

export interface RemoveInput {
  type: string;
  id: string;
  updatedBy: string;
}

/**
 * The only way records are written on the device: every write stores the record and
 * its outbox entry in ONE IndexedDB transaction, so a record never exists without the
 * mutation that will carry it to the server, and a failed write leaves neither.
 */
export function createRecordRepository({
  db,
  now = () => new Date(),
  newId = uuidv7,
  afterWrite,
}: RepositoryDeps) {
  async function write<Body extends Record<string, unknown>>(
    op: MutationOp,
    type: string,
    id: string,
    body: Body,
    updatedBy: string,
    discardDraft?: string,
  ): Promise<SyncedRecord<Body>> {
    // Hash outside the transaction: awaiting WebCrypto inside it would let it commit early.
    const hash = await bodyHash(body);
    const at = now().toISOString();
    const tables = [
      db.records,
      db.outbox,
      db.syncMeta,
      db.drafts,
      db.conflicts,
      db.revs,
      ...listTables(db),
    ];
    const saved = await db.transaction('rw', tables, async () => {
      const [existing, side] = await Promise.all([db.records.get(id), db.revs.get(id)]);
      const rev = revOf(existing, side);
      if (existing && existing.type !== type) {
        throw new Error(`Record ${id} is a ${existing.type}, not a ${type}`);
      }
      if (op === 'delete' && !existing) throw new Error(`No record ${id} to delete`);
      const record: SyncedRecord<Body> = {
        id,
        type,
        rev,
        updatedAt: at,
        updatedBy,
        deleted: op === 'delete',
        schemaVersion: SCHEMA_VERSION,
        body,
      };
      // Coalesce: an entry never sent yet can simply carry the newer body. One that
      // has been sent, or is being sent now, may already be on the server: it stays as is.
      const sending = await sendingSeqs(db);
      const unsent = await db.outbox
        .where('id')
        .equals(id)
        .filter((e) => e.attempts === 0 && e.state === 'pending' && !sending.has(e.seq))
        .last();
      const entry = newOutboxEntry({
        mutationId: newId(),
        type,
        id,
        op,
        baseRev: unsent ? unsent.baseRev : rev,
        body,
        hash,
        createdAt: unsent ? unsent.createdAt : at,
      });
      await db.records.put(record);
      // The record now carries its revision itself.
      if (side) await db.revs.delete(id);
      if (unsent) await db.outbox.put({ ...entry, seq: unsent.seq });
      else await db.outbox.add(entry);
      if (discardDraft !== undefined) await db.drafts.delete(discardDraft);
      if (isListed(type)) {
        const sync = (await syncStatesOf(db, [id])).get(id) ?? 'pending';
        await updateListIndex(db, [{ id, record, sync }]);
      }
      return record;
    });
    afterWrite?.();
    return saved;
  }

  return {
    put<Body extends Record<string, unknown>>(input: PutInput<Body>) {
      const id = input.id ?? newId();
      return write('put', input.type, id, input.body, input.updatedBy, input.discardDraft);
    },

    /** Deletes are tombstones: the record stays, marked deleted, so the deletion syncs. */
    async remove({ type, id, updatedBy }: RemoveInput) {
      const existing = await db.records.get(id);
      return write('delete', type, id, existing?.body ?? {}, updatedBy);
    },

    async get<Body extends Record<string, unknown>>(id: string) {
      const found = await db.records.get(id);
      return found && !found.deleted ? (found as SyncedRecord<Body>) : undefined;
    },

    /** Live (not deleted) records of a type, newest change first. */
    async list<Body extends Record<string, unknown>>(type: string) {
      const rows = await db.records
        .where('[type+updatedAt]')
        .between([type, Dexie.minKey], [type, Dexie.maxKey])
        .reverse()
        .toArray();
      return rows.filter((r) => !r.deleted) as SyncedRecord<Body>[];
    },

    pendingCount() {
      return db.outbox.count();
    },
  };
}

export type RecordRepository = ReturnType<typeof createRecordRepository>;
