/**
 * The device side of sync over Dexie: what to send, what the server said, what to pull in.
 * The decisions are pure functions (src/sync/reconcile.ts); this reads what they need and
 * carries them out, one transaction per batch or page.
 */
import { isListed } from '../domain/list-facts.ts';
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { OutboxEntry, Refusal, SyncedRecord } from '../domain/record.ts';
import type { MutationResult, ServerRecord } from '../domain/sync-protocol.ts';
import {
  chooseBatch,
  conflictingIds,
  pullCandidates,
  pullIncoming,
  type ResultSummary,
  settleResults,
  takesNext,
} from '../sync/reconcile.ts';
import { type SedpDatabase, type StoredBlob, withRevs } from './database.ts';
import {
  listTables,
  readListIndex,
  syncStatesOf,
  updateListIndex,
  writeListIndex,
} from './list-index.ts';
import { followerSeqs, followersOf } from './outbox-followers.ts';
import { addSideRevs, dropSideRevs, sideRevsOf } from './side-revs.ts';

const CURSOR = 'pullCursor';
const SCOPE = 'pullScope';
/** How far the download under way has come; written with each page, gone once it ends. */
const DOWNLOAD = 'download';
/**
 * The outbox entries (by seq) of the batch on its way to the server: "maybe delivered",
 * so the repository never rewrites them. One small row instead of rewriting each entry
 * (body and all) to count the attempt; the count is written only when a batch does not
 * come back settled (a failure, a refusal, an entry left unanswered, a crash mid-send).
 */
export const SENDING = 'sendingSeqs';

/** The seqs of the batch in flight (or of one a crash left unsettled). */
export async function sendingSeqs(db: SedpDatabase): Promise<Set<number>> {
  return new Set(((await db.syncMeta.get(SENDING))?.value as number[] | undefined) ?? []);
}

export interface PullScope {
  role: string;
  districtIds: string[];
}
/** Keeps a batch well under the server's 2 MB push limit, even sent uncompressed. */
const BATCH_BYTES = 1_500_000;
const LAST_SUCCESS = 'lastSuccessAt';

/** A download (a pull of more than one page): records and bytes received, records in all. */
export interface DownloadProgress {
  received: number;
  total: number;
  bytes: number;
}

export type { ResultSummary } from '../sync/reconcile.ts';

/** How the next batch is taken when settling one (see `SyncStore.applyResults`). */
export interface NextBatch {
  max: number;
  maxBytes?: number;
  /**
   * A batch sent while this one settles: it stays marked as sent, and the next batch
   * leaves out its entries and every other change of its records.
   */
  inFlight?: readonly StoredOutboxEntry[];
}

export interface SyncStore {
  /**
   * Up to `max` pending entries in creation order, at most one per record (a later edit
   * must wait for the revision the earlier one gets). Marked as sent in the same
   * transaction, so from now on they are "maybe delivered" and never rewritten.
   * `inFlight`: a batch of this push already marked as sent (see `NextBatch.inFlight`);
   * without it, whatever a crash left marked counts an attempt first.
   */
  takeBatch(
    max: number,
    maxBytes?: number,
    inFlight?: readonly StoredOutboxEntry[],
  ): Promise<StoredOutboxEntry[]>;
  /**
   * Settles what the server answered. With `next`, and when the whole batch in flight is
   * settled and the server answered some of it, also takes the next batch in the same
   * transaction (as `takeBatch` would): one IndexedDB transaction per batch instead of two.
   */
  applyResults(
    batch: StoredOutboxEntry[],
    results: MutationResult[],
    next?: NextBatch,
  ): Promise<ResultSummary & { next?: StoredOutboxEntry[] }>;
  /** The batch (or a part of it) failed (network, 5xx): keep it pending with the error. */
  noteFailure(batch: StoredOutboxEntry[], error: string): Promise<void>;
  /** A batch taken but never sent (the one before it failed): no longer marked as sent. */
  release(batch: StoredOutboxEntry[]): Promise<void>;
  /** The server refused the batch (or a part) as a whole (4xx): park it, the queue goes on. */
  park(batch: StoredOutboxEntry[], error: string, refusal?: Refusal): Promise<void>;
  cursor(): Promise<number>;
  /** Pull everything again from the start (new districts: their older records are due). */
  resetCursor(): Promise<void>;
  /** Whose access the pull cursor was built for. */
  pullScope(): Promise<PullScope | undefined>;
  setPullScope(scope: PullScope): Promise<void>;
  /**
   * Stores a pull page and its cursor in one transaction, never over local pending work;
   * with the download's progress (null: the download is complete), so an interrupted one
   * goes on from its last page and counts on from there.
   */
  applyPullPage(
    changes: ServerRecord[],
    cursor: number,
    progress?: DownloadProgress | null,
  ): Promise<number>;
  /** The download an earlier pull left unfinished. */
  downloadProgress(): Promise<DownloadProgress | undefined>;
  markSuccess(at: Date): Promise<void>;
  lastSuccess(): Promise<string | undefined>;
  pendingCount(): Promise<number>;
  /** Attachments the server does not have yet, oldest first. */
  blobsToUpload(limit: number): Promise<StoredBlob[]>;
  markBlobUploaded(sha256: string): Promise<void>;
  /** The server refused the attachment for good (4xx): it stops holding up the queue. */
  refuseBlob(sha256: string, reason: string): Promise<void>;
}

/** Runs of consecutive keys: `[lo, hi]` pairs covering exactly the keys given. */
export function keyRuns(keys: number[]): [number, number][] {
  const sorted = [...keys].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const key of sorted) {
    const last = runs[runs.length - 1];
    if (last && key === last[1] + 1) last[1] = key;
    else if (!last || key !== last[1]) runs.push([key, key]);
  }
  return runs;
}

export function createSyncStore(db: SedpDatabase, now: () => Date = () => new Date()): SyncStore {
  /**
   * Removes settled entries: one range delete per run of consecutive seqs (a whole batch,
   * as a rule), since an autoincremented key leaves no other entry between two neighbours.
   */
  async function removeEntries(seqs: number[]) {
    const single: number[] = [];
    for (const [lo, hi] of keyRuns(seqs)) {
      if (lo === hi) single.push(lo);
      else await db.outbox.where('seq').between(lo, hi, true, true).delete();
    }
    if (single.length > 0) await db.outbox.bulkDelete(single);
  }

  /** The lists' sync state of these entries' records, as the outbox and conflicts now stand. */
  async function updateSyncStates(entries: readonly StoredOutboxEntry[]) {
    // Only types the lists show are in the index: a batch of notes reads nothing more.
    const ids = [...new Set(entries.filter((e) => isListed(e.type)).map((e) => e.id))];
    if (ids.length === 0) return;
    const states = await syncStatesOf(db, ids);
    await updateListIndex(
      db,
      [...states].map(([id, sync]) => ({ id, sync, onlySync: true as const })),
    );
  }

  /** Writes the attempt a sent batch made into entries that stay queued. */
  async function countAttempts(seqs: number[]) {
    if (seqs.length === 0) return;
    const entries = (await db.outbox.bulkGet(seqs)).filter((e): e is StoredOutboxEntry =>
      Boolean(e),
    );
    for (const entry of entries) entry.attempts += 1;
    await db.outbox.bulkPut(entries);
    await db.syncMeta.delete(SENDING);
  }

  /**
   * The batch, or a part of it, came back settled: what stays queued keeps its attempt,
   * and its mark goes. A batch the engine splits (after a whole-batch 400) is settled part
   * by part; the parts not settled yet stay marked as sent, so a crash in between leaves
   * them "maybe delivered", never rewritten, and counted by the next `takeBatch`.
   * Resolves to the seqs still marked as sent (`sending`: the mark as read in this transaction).
   */
  async function keepQueued(
    batch: StoredOutboxEntry[],
    kept: ReadonlyMap<number, Partial<OutboxEntry>>,
    sending: ReadonlySet<number>,
  ): Promise<number[]> {
    const changes = batch.flatMap((e) => {
      const change = kept.get(e.seq);
      return change ? [{ key: e.seq, changes: { attempts: e.attempts, ...change } }] : [];
    });
    if (changes.length > 0) await db.outbox.bulkUpdate(changes);
    const done = new Set(batch.map((e) => e.seq));
    return [...sending].filter((seq) => !done.has(seq));
  }

  /** Marks these seqs as the batch in flight (none: no batch is). */
  async function markSending(seqs: number[]) {
    if (seqs.length > 0) await db.syncMeta.put({ key: SENDING, value: seqs });
    else await db.syncMeta.delete(SENDING);
  }

  async function settle(
    batch: StoredOutboxEntry[],
    kept: ReadonlyMap<number, Partial<OutboxEntry>>,
  ) {
    await markSending(await keepQueued(batch, kept, await sendingSeqs(db)));
  }

  /**
   * Pending entries in creation order, at most one per record, within the byte budget.
   * One getAll in creation order (the state index ends in the primary key, seq), of exactly
   * one batch as a rule; a wider one only when a record has several edits in the window.
   */
  async function pick(
    max: number,
    maxBytes: number,
    inFlight: readonly StoredOutboxEntry[],
    rebased: readonly StoredOutboxEntry[],
  ): Promise<StoredOutboxEntry[]> {
    if (inFlight.length > 0) return pickAfter(max, maxBytes, inFlight, rebased);
    for (let limit = max; ; limit *= 2) {
      const pending = await db.outbox.where('state').equals('pending').limit(limit).toArray();
      const { batch, complete } = chooseBatch(pending, max, maxBytes, pending.length >= limit);
      if (complete) return batch;
    }
  }

  /**
   * The batch after the one in flight: entries queued after it (by seq), read in one
   * range from there, not through the state index from its start (which walks past every
   * entry a push has just removed, a cost that grows with the push); and `rebased`, the
   * later changes of a batch just settled, which may sit before it. Anything else still
   * pending before it (a change given back to the queue) goes in a batch taken with
   * nothing in flight, at the latest when the push ends; and a follower (see
   * outbox-followers.ts) whose record has an earlier change pending waits for that one.
   */
  async function pickAfter(
    max: number,
    maxBytes: number,
    inFlight: readonly StoredOutboxEntry[],
    rebased: readonly StoredOutboxEntry[],
  ): Promise<StoredOutboxEntry[]> {
    const after = inFlight.reduce((last, e) => Math.max(last, e.seq), 0);
    const follows = new Set(await followerSeqs(db.syncMeta));
    const before = rebased
      .filter((e) => e.seq <= after && e.state === 'pending')
      .sort((a, b) => a.seq - b.seq);
    for (let limit = max; ; limit *= 2) {
      const read = await db.outbox.where('seq').above(after).limit(limit).toArray();
      const pending = [...before, ...read.filter((e) => e.state === 'pending')];
      const waiting: StoredOutboxEntry[] = [];
      for (const entry of pending.filter((e) => follows.has(e.seq))) {
        const queued = await db.outbox.where('id').equals(entry.id).toArray();
        const earlier = (e: StoredOutboxEntry) => e.seq < entry.seq && e.seq <= after;
        if (queued.some((e) => earlier(e) && e.state === 'pending')) waiting.push(entry);
      }
      const busy = [...inFlight, ...waiting];
      const { batch, complete } = chooseBatch(pending, max, maxBytes, read.length >= limit, busy);
      if (complete) return batch;
    }
  }

  /**
   * Picks a batch and marks it as sent (beside `marked`, the seqs already marked that stay
   * so): from now on never rewritten. One write of the mark.
   */
  async function take(
    max: number,
    maxBytes: number,
    inFlight: readonly StoredOutboxEntry[],
    marked: readonly number[],
    rebased: readonly StoredOutboxEntry[] = [],
  ): Promise<StoredOutboxEntry[]> {
    const batch = await pick(max, maxBytes, inFlight, rebased);
    await markSending([...marked, ...batch.map((e) => e.seq)]);
    for (const entry of batch) entry.attempts += 1;
    return batch;
  }

  return {
    takeBatch(max, maxBytes = BATCH_BYTES, inFlight) {
      return db.transaction('rw', db.outbox, db.syncMeta, async () => {
        if (inFlight) return take(max, maxBytes, inFlight, [...(await sendingSeqs(db))]);
        // A batch a crash left unsettled was maybe delivered: count that attempt now.
        await countAttempts([...(await sendingSeqs(db))]);
        return take(max, maxBytes, [], []);
      });
    },

    applyResults(batch, results, next) {
      const tables = [
        db.outbox,
        db.records,
        db.conflicts,
        db.syncMeta,
        db.revBatches,
        ...listTables(db),
      ];
      return db.transaction('rw', tables, async () => {
        // Both small reads at once: the batch's followers, and what is marked as sent.
        const [queued, sending] = await Promise.all([followersOf(db, batch), sendingSeqs(db)]);
        // The local versions are read only for what conflicts (kept beside the server's).
        const conflicting = conflictingIds(batch, results);
        const locals = new Map(
          conflicting.length === 0
            ? []
            : (
                await withRevs(
                  db,
                  (
                    await db.records.bulkGet(conflicting)
                  ).filter((r): r is SyncedRecord => Boolean(r)),
                )
              ).map((r) => [r.id, r] as const),
        );
        const { remove, rebase, kept, revs, conflicts, summary } = settleResults({
          batch,
          results,
          queued,
          locals,
          detectedAt: conflicting.length === 0 ? '' : now().toISOString(),
        });
        // The new revisions go beside the records, not into them (no record is rewritten),
        // in one row. Nothing below reads them: sent along now, awaited before the
        // transaction ends (a failure still aborts it), so the outbox work does not wait.
        const writingRevs = addSideRevs(db, revs);
        writingRevs.catch(() => {}); // heard below; not an unhandled rejection meanwhile
        if (conflicts.length > 0) await db.conflicts.bulkPut(conflicts);
        await removeEntries(remove);
        if (rebase.length > 0) await db.outbox.bulkUpdate(rebase);
        const left = await keepQueued(batch, kept, sending);
        await updateSyncStates(batch);
        const inFlight = next?.inFlight ?? [];
        const sent = new Set(inFlight.map((e) => e.seq));
        if (!next || !takesNext(summary, left.filter((seq) => !sent.has(seq)).length)) {
          await markSending(left);
          await writingRevs;
          return summary;
        }
        // The next batch is marked beside what stays marked (the batch in flight): one
        // write. The batch's later changes go in it as rebased (usually none: no read).
        const later = queued.length > 0 ? await db.outbox.bulkGet(queued.map((e) => e.seq)) : [];
        const rebased = later.filter((e): e is StoredOutboxEntry => Boolean(e));
        const maxBytes = next.maxBytes ?? BATCH_BYTES;
        const taken = await take(next.max, maxBytes, inFlight, left, rebased);
        await writingRevs;
        return { ...summary, next: taken };
      });
    },

    async noteFailure(batch, error) {
      await db.transaction('rw', db.outbox, db.syncMeta, () =>
        settle(batch, new Map(batch.map((e) => [e.seq, { lastError: error }]))),
      );
    },

    async release(batch) {
      const taken = new Set(batch.map((e) => e.seq));
      await db.transaction('rw', db.syncMeta, async () => {
        await markSending([...(await sendingSeqs(db))].filter((seq) => !taken.has(seq)));
      });
    },

    async park(batch, error, refusal) {
      const parked = {
        state: 'parked' as const,
        lastError: error,
        ...(refusal ? { refusal } : {}),
      };
      const tables = [db.outbox, db.syncMeta, db.conflicts, ...listTables(db)];
      return db.transaction('rw', tables, async () => {
        await settle(batch, new Map(batch.map((e) => [e.seq, parked])));
        await updateSyncStates(batch);
      });
    },

    async cursor() {
      return ((await db.syncMeta.get(CURSOR))?.value as number | undefined) ?? 0;
    },

    async resetCursor() {
      await db.transaction('rw', db.syncMeta, async () => {
        await db.syncMeta.put({ key: CURSOR, value: 0 });
        await db.syncMeta.delete(DOWNLOAD);
      });
    },

    async downloadProgress() {
      return (await db.syncMeta.get(DOWNLOAD))?.value as DownloadProgress | undefined;
    },

    async pullScope() {
      return (await db.syncMeta.get(SCOPE))?.value as PullScope | undefined;
    },

    async setPullScope(scope) {
      await db.syncMeta.put({ key: SCOPE, value: scope });
    },

    applyPullPage(changes, cursor, progress) {
      const tables = [
        db.records,
        db.outbox,
        db.conflicts,
        db.syncMeta,
        db.revBatches,
        ...listTables(db),
      ];
      return db.transaction('rw', tables, async () => {
        const ids = changes.map((c) => c.id);
        // Key-only reads instead of a cursor over the page's ids. Its own changes, just
        // pushed, come back first as a rule: their revisions are in the side table (a row
        // there always has its record), so no record is read for them.
        const [queued, conflicted, side] = await Promise.all([
          db.outbox.orderBy('id').uniqueKeys() as Promise<string[]>,
          db.conflicts.toCollection().primaryKeys(),
          sideRevsOf(db, ids),
        ]);
        const busy = new Set<string>([...queued, ...conflicted]);
        const candidates = pullCandidates(changes, busy, side);
        const locals = await db.records.bulkGet(candidates.map((c) => c.id));
        // Skip what is pending here, and versions this device already has.
        const { incoming, folded } = pullIncoming(candidates, locals, side);
        // Nothing of these is queued or in conflict here (see `busy`): they are in sync. Those
        // the device did not hold have no row in the lists' index either: none is looked up.
        const absent = new Set(candidates.flatMap((c, i) => (locals[i] ? [] : [c.id])));
        const indexed = incoming.map((record) => ({
          id: record.id,
          record,
          sync: 'synced' as const,
        }));
        const reads = indexed.length > 0 ? await readListIndex(db, indexed, absent) : undefined;
        // Every write at once: IndexedDB stores the records while the index is prepared.
        await Promise.all([
          db.records.bulkPut(incoming),
          reads && writeListIndex(db, indexed, reads),
          // Those records now carry their revision themselves.
          folded.length > 0 && dropSideRevs(db, folded),
          db.syncMeta.put({ key: CURSOR, value: cursor }),
          progress && db.syncMeta.put({ key: DOWNLOAD, value: progress }),
          progress === null && db.syncMeta.delete(DOWNLOAD),
        ]);
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

    blobsToUpload(limit) {
      return db.blobs.where('uploaded').equals(0).limit(limit).toArray();
    },

    async markBlobUploaded(sha256) {
      await db.blobs.update(sha256, { uploaded: 1, refusal: undefined });
    },

    async refuseBlob(sha256, reason) {
      await db.blobs.update(sha256, { uploaded: 2, refusal: reason });
    },
  };
}
