/**
 * Outbox entries that were added while another entry of the same record was queued
 * ("followers"): a record edited again while its change was on its way or parked, or a
 * backup's change of a record already queued here. Settling a batch rebases (or, after a
 * conflict, drops) the followers of its records. Their seqs are kept in one `syncMeta` row,
 * written in the transaction that adds the entry, so settling reads that row instead of
 * looking up each record of the batch in the outbox's `id` index (a hundred IndexedDB
 * requests per batch, about a quarter of its time on the device).
 *
 * The row is a superset: it may still name entries that have left the outbox, or that no
 * longer follow anything. Readers check what they find; entries gone are dropped from it.
 * An entry that follows another always has a higher seq (seqs only grow), so an entry
 * added while no other of its record is queued never needs to be in it.
 */
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';

export const FOLLOWERS = 'outboxFollowers';

/** The tables this reads and writes (the database's own, named by shape: no import cycle). */
interface FollowerTables {
  outbox: { bulkGet(seqs: number[]): Promise<(StoredOutboxEntry | undefined)[]> };
  syncMeta: {
    get(key: string): Promise<{ value: unknown } | undefined>;
    put(row: { key: string; value: unknown }): Promise<unknown>;
    delete(key: string): Promise<unknown>;
  };
}

/** The seqs the row names (a superset of the entries that follow another, see above). */
export async function followerSeqs(meta: FollowerTables['syncMeta']): Promise<number[]> {
  return ((await meta.get(FOLLOWERS))?.value as number[] | undefined) ?? [];
}

/** Notes an entry just added while another of its record is queued. Inside that transaction. */
export async function addFollower(db: FollowerTables, seq: number): Promise<void> {
  const seqs = await followerSeqs(db.syncMeta);
  if (!seqs.includes(seq)) await db.syncMeta.put({ key: FOLLOWERS, value: [...seqs, seq] });
}

/**
 * The seqs of entries that follow another entry of their record, from the queue as it
 * stands: every entry but the first of its record. For a database an older version left.
 */
export function followersIn(entries: readonly { seq: number; id: string }[]): number[] {
  const first = new Map<string, number>();
  const followers: number[] = [];
  for (const { seq, id } of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (first.has(id)) followers.push(seq);
    else first.set(id, seq);
  }
  return followers;
}

/**
 * Other queued entries of this batch's records (usually none): the followers still in the
 * outbox whose record is in the batch. One read of the row as a rule; the followers' entries
 * only when there are any. Inside a transaction over the outbox and `syncMeta`.
 */
export async function followersOf(
  db: FollowerTables,
  batch: readonly StoredOutboxEntry[],
): Promise<StoredOutboxEntry[]> {
  const seqs = await followerSeqs(db.syncMeta);
  if (seqs.length === 0) return [];
  const found = await db.outbox.bulkGet(seqs);
  const queued = found.filter((e): e is StoredOutboxEntry => Boolean(e));
  if (queued.length < seqs.length) {
    const left = queued.map((e) => e.seq);
    if (left.length > 0) await db.syncMeta.put({ key: FOLLOWERS, value: left });
    else await db.syncMeta.delete(FOLLOWERS);
  }
  const ids = new Set(batch.map((e) => e.id));
  const inBatch = new Set(batch.map((e) => e.seq));
  return queued.filter((e) => ids.has(e.id) && !inBatch.has(e.seq));
}
