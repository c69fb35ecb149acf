/**
 * Sync decisions as pure functions: what the device does with each answer to a push, with
 * each pulled record, and which queued changes go out next. They decide; `SyncStore`
 * (src/db/sync-store.ts) reads what they need and carries out what they decide in Dexie,
 * one transaction per batch or page, so a crash at any point loses nothing and sends
 * nothing twice: an entry leaves the outbox only after `applied` or `duplicate` (or a
 * conflict, which keeps the local version beside the server's).
 */
import { type Conflict, revOf, type SyncedRev } from '../db/database.ts';
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { OutboxEntry, Refusal, SyncedRecord } from '../domain/record.ts';
import type { MutationResult, ServerRecord } from '../domain/sync-protocol.ts';

export interface ResultSummary {
  applied: number;
  conflicts: number;
  parked: number;
}

/** What settling a batch does to the outbox, the conflicts and the side revisions. */
export interface Settlement {
  /** Entries that leave the outbox: applied or duplicate; a conflict's, and later edits of its record. */
  remove: number[];
  /** Later edits of a record just applied: they now build on the revision it got. */
  rebase: { key: number; changes: { baseRev: number } }[];
  /** Entries of the batch that stay queued (unanswered, or parked), with what changes in them. */
  kept: Map<number, Partial<OutboxEntry>>;
  /** The revision the server gave each record applied (or found a duplicate). */
  revs: Map<string, number>;
  /** The server's versions kept beside the local ones. */
  conflicts: Conflict[];
  summary: ResultSummary;
}

export interface SettleInput {
  /** The batch (or part of one) that was sent. */
  batch: readonly StoredOutboxEntry[];
  results: readonly MutationResult[];
  /** Other queued entries of the batch's records (see `laterEdits` in the store). */
  queued: readonly StoredOutboxEntry[];
  /** The local versions of the records that conflict (see `conflictingIds`), by id. */
  locals: ReadonlyMap<string, SyncedRecord>;
  /** When the conflicts were found. */
  detectedAt: string;
}

const byMutationId = (results: readonly MutationResult[]) =>
  new Map(results.map((r) => [r.mutationId, r]));

/** The records of the batch the server answered `conflict` for: their local versions are kept. */
export function conflictingIds(
  batch: readonly StoredOutboxEntry[],
  results: readonly MutationResult[],
): string[] {
  const byId = byMutationId(results);
  return batch.filter((e) => byId.get(e.mutationId)?.status === 'conflict').map((e) => e.id);
}

/** A refusal as the Sync screen shows it: the server's code, message and field. */
export function refusalOf(result: MutationResult): { lastError: string; refusal: Refusal } {
  const { error } = result;
  if (!error) return { lastError: 'rejected', refusal: { code: 'rejected' } };
  const field = error.path?.length ? ` (${error.path.join('.')})` : '';
  return {
    lastError: `${error.code}: ${error.message}${field}`,
    refusal: { code: error.code, ...(error.path ? { path: error.path } : {}) },
  };
}

/**
 * What the server's answers mean for the batch sent:
 * - `applied`, `duplicate`: the entry leaves; later edits of its record build on its revision.
 * - `conflict`: the entry and later edits of its record leave; the local version lives on in
 *   the conflict, beside the server's, and resolving it makes a new change.
 * - `rejected`: the entry stays, parked with the server's reason.
 * - no answer: the entry stays pending, retried with the same mutation id, never rewritten.
 */
export function settleResults({
  batch,
  results,
  queued,
  locals,
  detectedAt,
}: SettleInput): Settlement {
  const byId = byMutationId(results);
  const laterThan = (entry: StoredOutboxEntry) =>
    queued.filter((e) => e.id === entry.id && e.seq > entry.seq);
  const settlement: Settlement = {
    remove: [],
    rebase: [],
    kept: new Map(),
    revs: new Map(),
    conflicts: [],
    summary: { applied: 0, conflicts: 0, parked: 0 },
  };
  const { remove, summary } = settlement;
  for (const entry of batch) {
    const result = byId.get(entry.mutationId);
    if (!result) {
      settlement.kept.set(entry.seq, {});
      continue;
    }
    switch (result.status) {
      case 'applied':
      case 'duplicate': {
        const rev = result.rev ?? 0;
        remove.push(entry.seq);
        for (const later of laterThan(entry)) {
          settlement.rebase.push({ key: later.seq, changes: { baseRev: rev } });
        }
        settlement.revs.set(entry.id, rev);
        summary.applied += 1;
        break;
      }
      case 'conflict': {
        const local = locals.get(entry.id);
        if (local && result.current) {
          settlement.conflicts.push({
            id: entry.id,
            type: entry.type,
            local,
            remote: result.current,
            mutationId: entry.mutationId,
            detectedAt,
          });
        }
        remove.push(entry.seq, ...laterThan(entry).map((e) => e.seq));
        summary.conflicts += 1;
        break;
      }
      case 'rejected': {
        settlement.kept.set(entry.seq, { state: 'parked', ...refusalOf(result) });
        summary.parked += 1;
        break;
      }
    }
  }
  return settlement;
}

/**
 * Whether settling a batch also takes the next one: only when asked, when nothing of the
 * batch in flight is left unsettled, and when the server answered some of it (a server
 * that answers nothing is a fault, not a reason to send more).
 */
export function takesNext(summary: ResultSummary, stillSending: number): boolean {
  return stillSending === 0 && summary.applied + summary.conflicts + summary.parked > 0;
}

/**
 * The next batch from pending entries in creation order: at most `max`, at most one per
 * record (a later edit waits for the revision the earlier one gets), within `maxBytes`
 * but never empty when anything is pending. `complete` says the batch is final; when
 * false, more pending entries than those given may still fit (ask again with more).
 * `inFlight`: a batch sent meanwhile (those entries are still pending). Nothing of its
 * records goes into this one: a record's next change waits for the revision it brings.
 */
export function chooseBatch<E extends Pick<OutboxEntry, 'id' | 'body'>>(
  pending: readonly E[],
  max: number,
  maxBytes: number,
  more: boolean,
  inFlight: readonly Pick<E, 'id'>[] = [],
): { batch: E[]; complete: boolean } {
  const seen = new Set<string>(inFlight.map((e) => e.id));
  const batch: E[] = [];
  let bytes = 0;
  for (const entry of pending) {
    if (batch.length >= max) break;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    // UTF-8 needs at most 2 bytes for the Cyrillic these bodies hold.
    const size = JSON.stringify(entry.body).length * 2;
    if (batch.length > 0 && bytes + size > maxBytes) return { batch, complete: true };
    bytes += size;
    batch.push(entry);
  }
  return { batch, complete: batch.length >= max || !more };
}

/**
 * Pulled changes worth reading the local record for: none of a record with changes queued
 * or in conflict here (`busy`), none this device already has the revision of from its own
 * push (`side`, the acknowledged revisions, in the order of `changes`).
 */
export function pullCandidates(
  changes: readonly ServerRecord[],
  busy: ReadonlySet<string>,
  side: readonly (SyncedRev | undefined)[],
): ServerRecord[] {
  return changes.filter((change, i) => !busy.has(change.id) && (side[i]?.rev ?? 0) < change.rev);
}

/**
 * Of the candidates, what is stored: only versions newer than the device's own (`locals`,
 * in the order of `candidates`; `side`, the acknowledged revisions read, in any order).
 * `folded`: the ids whose side revision the stored record now carries itself.
 */
export function pullIncoming(
  candidates: readonly ServerRecord[],
  locals: readonly (SyncedRecord | undefined)[],
  side: readonly (SyncedRev | undefined)[],
): { incoming: SyncedRecord[]; folded: string[] } {
  const sideOf = new Map(side.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const incoming = candidates.filter(
    (change, i) => revOf(locals[i], sideOf.get(change.id)) < change.rev,
  );
  return {
    incoming,
    folded: incoming.filter((change) => sideOf.has(change.id)).map((change) => change.id),
  };
}
