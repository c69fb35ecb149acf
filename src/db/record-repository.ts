import { Dexie } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { bodyHash } from '../domain/hash.ts';
import { issuePath } from '../domain/issue-path.ts';
import { isListed } from '../domain/list-facts.ts';
import { newOutboxEntry } from '../domain/outbox-entry.ts';
import { type MutationOp, SCHEMA_VERSION, type SyncedRecord } from '../domain/record.ts';
import { type BodyOf, type RecordTypeName, recordTypeDefinition } from '../domain/record-types.ts';
import { revOf, type SedpDatabase } from './database.ts';
import { listTables, syncStatesOf, updateListIndex } from './list-index.ts';
import { addFollower } from './outbox-followers.ts';
import { dropSideRevs, sideRevOf } from './side-revs.ts';
import { sendingSeqs } from './sync-store.ts';

export interface RepositoryDeps {
  db: SedpDatabase;
  /** Who writes: the signed-in account's username, asked at each write (`updatedBy`). */
  author: () => Promise<string | undefined> | string | undefined;
  now?: () => Date;
  newId?: () => string;
  /** Called after a write has committed (persistence request, sync trigger). */
  afterWrite?: () => void;
}

/** The body the type's name says: `{ type: 'hearing', body }` takes a Hearing. */
export interface PutInput<Name extends RecordTypeName> {
  type: Name;
  /** Omit to create a new record. */
  id?: string;
  body: BodyOf<Name>;
  /** A draft this write supersedes: removed in the same transaction, or not at all. */
  discardDraft?: string;
}

export interface RemoveInput {
  type: RecordTypeName;
  id: string;
}

/** Written by no signed-in account (a record's `updatedBy` is never empty). */
const NO_AUTHOR = 'unknown';

/**
 * A body its type's schema (the one the server checks pushes against) refuses, or a type
 * the registry does not know: nothing was written. The editors show it as a failed save.
 */
export class RecordValidationError extends Error {
  override name = 'RecordValidationError';
  readonly type: string;
  /** Where in the body the first problem is. */
  readonly path: (string | number)[];
  constructor(type: string, path: (string | number)[], message: string) {
    super(`invalid ${type}${path.length > 0 ? ` at ${path.join('.')}` : ''}: ${message}`);
    this.type = type;
    this.path = path;
  }
}

function checkBody(type: string, body: unknown): void {
  const definition = recordTypeDefinition(type);
  if (!definition) throw new RecordValidationError(type, [], `unknown record type ${type}`);
  const parsed = definition.schema.safeParse(body);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw new RecordValidationError(type, issue ? issuePath(issue) : [], issue?.message ?? 'invalid');
}

/**
 * The device's record store: the database layer under `src/records`, the module features
 * read and write records through. Every write stores the record and its outbox entry in ONE
 * IndexedDB transaction, so a record never exists without the mutation that will carry it
 * to the server, and a failed write leaves neither. A body is checked against its type's
 * schema before anything is written, and each write is signed by the account signed in.
 */
export function createRecordRepository({
  db,
  author,
  now = () => new Date(),
  newId = uuidv7,
  afterWrite,
}: RepositoryDeps) {
  async function write<Body extends Record<string, unknown>>(
    op: MutationOp,
    type: string,
    id: string,
    body: Body,
    discardDraft?: string,
  ): Promise<SyncedRecord<Body>> {
    // Hash outside the transaction: awaiting WebCrypto inside it would let it commit early.
    const [hash, signedIn] = await Promise.all([bodyHash(body), author()]);
    const updatedBy = signedIn || NO_AUTHOR;
    const at = now().toISOString();
    const tables = [
      db.records,
      db.outbox,
      db.syncMeta,
      db.drafts,
      db.conflicts,
      db.revBatches,
      ...listTables(db),
    ];
    const saved = await db.transaction('rw', tables, async () => {
      const [existing, side] = await Promise.all([db.records.get(id), sideRevOf(db, id)]);
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
      const queued = await db.outbox.where('id').equals(id).toArray();
      const unsent = queued
        .filter((e) => e.attempts === 0 && e.state === 'pending' && !sending.has(e.seq))
        .at(-1);
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
      if (side) await dropSideRevs(db, [id]);
      if (unsent) await db.outbox.put({ ...entry, seq: unsent.seq });
      else {
        const seq = await db.outbox.add(entry);
        // Queued behind another change of this record: settling that one rebases this.
        if (queued.length > 0) await addFollower(db, seq);
      }
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
    /** Creates or changes a record; refuses (RecordValidationError) a body its schema refuses. */
    async put<Name extends RecordTypeName>(
      input: PutInput<Name>,
    ): Promise<SyncedRecord<BodyOf<Name>>> {
      checkBody(input.type, input.body);
      const id = input.id ?? newId();
      return write('put', input.type, id, input.body, input.discardDraft);
    },

    /** Deletes are tombstones: the record stays, marked deleted, so the deletion syncs. */
    async remove({ type, id }: RemoveInput) {
      const existing = await db.records.get(id);
      return write('delete', type, id, existing?.body ?? {});
    },

    /** A live record of this type (undefined when absent, deleted or of another type). */
    async get<Name extends RecordTypeName>(
      type: Name,
      id: string,
    ): Promise<SyncedRecord<BodyOf<Name>> | undefined> {
      const found = await db.records.get(id);
      return found && !found.deleted && found.type === type
        ? (found as SyncedRecord<BodyOf<Name>>)
        : undefined;
    },

    /** Live (not deleted) records of a type, newest change first. */
    async list<Name extends RecordTypeName>(type: Name): Promise<SyncedRecord<BodyOf<Name>>[]> {
      const rows = await db.records
        .where('[type+updatedAt]')
        .between([type, Dexie.minKey], [type, Dexie.maxKey])
        .reverse()
        .toArray();
      return rows.filter((r) => !r.deleted) as SyncedRecord<BodyOf<Name>>[];
    },
  };
}

export type RecordRepository = ReturnType<typeof createRecordRepository>;
