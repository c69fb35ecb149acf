/**
 * Push semantics (DESIGN.md, "Sync protocol"): each mutation of a batch is applied,
 * recognised as a retry, refused as a conflict, or rejected, in order, in ONE transaction.
 */
import { hash } from 'node:crypto';
import { blobReferences } from '../../src/domain/blob-references.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import {
  decideChange,
  type JudgedChange,
  judgeChange,
  rejected,
  replayResult,
} from '../../src/domain/push-decision.ts';
import {
  type Mutation,
  type MutationError,
  type MutationResult,
  mutationSchema,
  type ServerRecord,
} from '../../src/domain/sync-protocol.ts';
import {
  type TerritoryLink,
  type TerritoryLookup,
  territoryProblems,
} from '../../src/domain/territory-scope.ts';
import { jsonPath } from '../http/api-error.ts';
import type {
  RecordHead,
  Store,
  StoredMutation,
  StoredRecord,
  SyncTransaction,
  UserAccount,
} from '../store/store.ts';

export interface PushContext {
  user: UserAccount;
  deviceId: string;
  schemaVersion: number;
  /**
   * Counts the push, or throws (429) to refuse it: run first inside the push's transaction,
   * through it, or through the store just before it when the store counts pushes apart.
   */
  takeAllowance?: (counter: Pick<SyncTransaction, 'takeAllowance'>) => Promise<void>;
  /** Conflict versions kept per record (default 20); applied versions are never deleted. */
  conflictVersionsKept?: number;
}

export const DEFAULT_CONFLICT_VERSIONS_KEPT = 20;

/**
 * What can be known about a mutation without the database, worked out before the
 * transaction (see src/domain/push-decision.ts): its body as canonical JSON, hashed and
 * stored as is (no second serialisation), and what its own bytes say about it.
 */
type Prepared = JudgedChange;

/**
 * Same bytes as `bodyHash` from src/domain (SHA-256 hex of `canonicalJson(body)`), but
 * synchronous: WebCrypto's digest is async and would cost a promise per mutation. The
 * one-shot `hash` takes half the time of a `createHash` object for a body of a few KB.
 */
const sha256Hex = (text: string) => hash('sha256', text, 'hex');

/**
 * A change whose envelope (mutationId, type, id, op, baseRev, body, hash) is unusable:
 * refused alone, the rest of its batch goes on.
 *
 * Its refusal is never saved in the mutations table. It depends on nothing but the bytes
 * sent, so a retry of the same change gets the same answer worked out again; and saving
 * it would put keys there that a device never made (any string, or '' for a missing id),
 * so that two unrelated bad changes, or a later good one under that id, would be taken
 * for retries of each other. When the mutationId and hash are usable, the mutations
 * table is still asked first, so a retry of a change once accepted keeps its original
 * answer even if the envelope rules have since become stricter.
 */
interface Unusable {
  /** Set when the mutationId and hash are well-formed enough to look up. */
  lookup?: { mutationId: string; hash: string };
  result: MutationResult;
}

const uuidLike = mutationSchema.shape.mutationId;
const hashLike = mutationSchema.shape.hash;

function readEnvelope(change: Record<string, unknown>): { mutation: Mutation } | Unusable {
  const parsed = mutationSchema.safeParse(change);
  if (parsed.success) return { mutation: parsed.data };
  const mutationId = typeof change.mutationId === 'string' ? change.mutationId : '';
  const issue = parsed.error.issues[0];
  const path = jsonPath(issue?.path ?? []);
  const error: MutationError = {
    code: 'invalid',
    message: issue?.message ?? 'invalid change',
    path,
  };
  const idOk = uuidLike.safeParse(change.mutationId).success;
  const hashOk = hashLike.safeParse(change.hash).success;
  // The result echoes the mutationId sent if it is a string ('' if not): all a device can match.
  return {
    ...(idOk && hashOk ? { lookup: { mutationId, hash: change.hash as string } } : {}),
    result: rejected(mutationId, error),
  };
}

function prepare(mutation: Mutation): Prepared {
  const bodyJson = canonicalJson(mutation.body);
  return { mutation, bodyJson, ...judgeChange(mutation, sha256Hex(bodyJson)) };
}

export const toServerRecord = (record: StoredRecord): ServerRecord => ({
  id: record.id,
  type: record.type,
  rev: record.rev,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
  deleted: record.deleted,
  schemaVersion: record.schemaVersion,
  body: JSON.parse(record.bodyJson) as Record<string, unknown>,
});

/**
 * What a batch reads, kept for the batch. `applyPush` asks for all of it before its first
 * write, so that a store which serialises revisions with a lock (PostgreSQL) can take that
 * lock at the first `appendRevision` and hold it only for the writes; the decisions then
 * read from here. The batch's own writes are recorded as they are made (`saved`,
 * `written`), so a later change in the same batch sees them, as it would reading the
 * transaction.
 */
function batchReads(tx: SyncTransaction) {
  const mutations = new Map<string, StoredMutation | undefined>();
  const heads = new Map<string, RecordHead | undefined>();
  const records = new Map<string, StoredRecord | undefined>();
  return {
    async mutation(mutationId: string): Promise<StoredMutation | undefined> {
      if (!mutations.has(mutationId)) mutations.set(mutationId, await tx.findMutation(mutationId));
      return mutations.get(mutationId);
    },
    async head(id: string): Promise<RecordHead | undefined> {
      if (!heads.has(id)) heads.set(id, await tx.recordHead(id));
      return heads.get(id);
    },
    async record(id: string): Promise<StoredRecord | undefined> {
      if (records.has(id)) return records.get(id);
      // No head, no row: the head and the record are the same row.
      const record = heads.has(id) && !heads.get(id) ? undefined : await tx.record(id);
      records.set(id, record);
      return record;
    },
    saved(mutationId: string, stored: StoredMutation) {
      mutations.set(mutationId, stored);
    },
    written(record: StoredRecord) {
      heads.set(record.id, { type: record.type, rev: record.rev, districtId: record.districtId });
      records.set(record.id, record);
    },
    territories: territoryLookup(tx),
  };
}
type BatchReads = ReturnType<typeof batchReads>;

/**
 * Stored, not deleted territories, read from the transaction (so a territory pushed
 * earlier in the same batch counts) and kept for the batch; `forget` after a territory
 * is written.
 */
function territoryLookup(tx: SyncTransaction) {
  const cache = new Map<string, TerritoryLink | undefined>();
  const load = async (id: string) => {
    const record = await tx.record(id);
    let link: TerritoryLink | undefined;
    if (record && record.type === 'territory' && !record.deleted) {
      const body = JSON.parse(record.bodyJson) as { kind?: unknown; parentId?: unknown };
      const kind = typeof body.kind === 'string' ? body.kind : '';
      link = typeof body.parentId === 'string' ? { kind, parentId: body.parentId } : { kind };
    }
    cache.set(id, link);
  };
  return {
    /**
     * The answer of `check` (a rule from src/domain, synchronous: the device runs it too)
     * over the stored territories: it runs over what is loaded, and again after loading
     * the territories it asked for and did not have, until it asks for nothing new. Each
     * round loads at least one more territory (parent chains are short), so it ends.
     */
    async resolve<T>(check: (lookup: TerritoryLookup) => T): Promise<T> {
      for (;;) {
        const missing = new Set<string>();
        const result = check((id) => {
          if (!cache.has(id)) missing.add(id);
          return cache.get(id);
        });
        if (missing.size === 0) return result;
        // Side by side: a store may read them in one round trip.
        await Promise.all([...missing].map(load));
      }
    },
    forget: () => cache.clear(),
  };
}

/** Reads what deciding `prepared` will read, before the batch writes anything. */
async function readAhead(reads: BatchReads, item: Prepared): Promise<void> {
  const { mutation } = item;
  if (await reads.mutation(mutation.mutationId)) return;
  if (item.problem) return;
  const head = await reads.head(mutation.id);
  if (item.scope === 'district' && mutation.op === 'put') {
    await reads.territories.resolve((lookup) => territoryProblems(mutation.body, lookup));
  }
  // The current version, for an immutable type's check or a conflict's reply.
  if (head && (item.immutable || mutation.baseRev !== head.rev)) await reads.record(mutation.id);
}

/**
 * Decides a change (src/domain/push-decision.ts) over what the batch has read, and writes
 * what it decided: a conflict version kept in history, or the applied revision.
 */
async function decide(
  tx: SyncTransaction,
  reads: BatchReads,
  context: PushContext,
  prepared: Prepared,
  updatedAt: string,
): Promise<MutationResult> {
  const { mutation } = prepared;
  const { mutationId } = mutation;
  if (prepared.problem) return rejected(mutationId, prepared.problem);
  const head = await reads.head(mutation.id);
  // The current version, for an immutable type's check or a conflict's reply: read ahead
  // (see readAhead), or written earlier in this batch, so this asks the store nothing.
  const current =
    head && (prepared.immutable || mutation.baseRev !== head.rev)
      ? await reads.record(mutation.id)
      : undefined;
  // Territories are looked up only when a district record's put gets that far.
  const verdict = await reads.territories.resolve((territories) =>
    decideChange(prepared, { user: context.user, head, current, territories }),
  );
  if (verdict.status === 'rejected') return rejected(mutationId, verdict.error);
  const version = {
    recordId: mutation.id,
    type: mutation.type,
    bodyJson: prepared.bodyJson,
    deleted: mutation.op === 'delete',
    updatedAt,
    updatedBy: context.user.username,
    schemaVersion: context.schemaVersion,
    districtId: prepared.districtId,
  };
  const history = { mutationId, userId: context.user.id, deviceId: context.deviceId };
  if (verdict.status === 'conflict') {
    // Kept in history so nothing sent is lost; the current version stays as it is.
    await tx.appendRevision({ ...version, ...history, kind: 'conflict' });
    // Bounded, so repeated stale pushes cannot fill the disk; the newest ones stay.
    await tx.trimConflicts(
      mutation.id,
      context.conflictVersionsKept ?? DEFAULT_CONFLICT_VERSIONS_KEPT,
    );
    return current
      ? { mutationId, status: 'conflict', current: toServerRecord(current) }
      : { mutationId, status: 'conflict' };
  }
  const rev = await tx.appendRevision({ ...version, ...history, kind: 'applied' });
  await tx.putRecord({ ...version, rev, blobs: blobReferences(mutation.body) });
  reads.written({
    id: mutation.id,
    type: mutation.type,
    rev,
    districtId: prepared.districtId,
    deleted: version.deleted,
    updatedAt,
    updatedBy: version.updatedBy,
    schemaVersion: version.schemaVersion,
    bodyJson: prepared.bodyJson,
  });
  if (mutation.type === 'territory') reads.territories.forget();
  return { mutationId, status: 'applied', rev };
}

/**
 * Applies a batch whose outer shape was checked (`pushBatchSchema`): each change's
 * envelope is read here, so a bad one is `rejected` (code `invalid`, with its path) alone
 * while the others are applied in the same transaction.
 */
export async function applyPush(
  store: Store,
  context: PushContext,
  changes: readonly Record<string, unknown>[],
): Promise<MutationResult[]> {
  if (changes.length === 0 && !context.takeAllowance) return [];
  const prepared = changes.map((change) => {
    const read = readEnvelope(change);
    return 'mutation' in read ? prepare(read.mutation) : read;
  });
  const now = store.now().toISOString();
  if (store.countsPushesApart) await context.takeAllowance?.(store);
  return store.syncTransaction(async (tx) => {
    if (!store.countsPushesApart) await context.takeAllowance?.(tx);
    const reads = batchReads(tx);
    const mutationIds: string[] = [];
    const recordIds: string[] = [];
    for (const item of prepared) {
      if ('result' in item) {
        if (item.lookup) mutationIds.push(item.lookup.mutationId);
      } else {
        mutationIds.push(item.mutation.mutationId);
        if (!item.problem) recordIds.push(item.mutation.id);
      }
    }
    await tx.prefetch?.(mutationIds, recordIds);
    // The territories all the batch's changes name, looked up together (readAhead then
    // finds them loaded): a round trip per level of the territory tree, not per change.
    await reads.territories.resolve((lookup) => {
      for (const item of prepared) {
        if ('result' in item || item.problem || item.scope !== 'district') continue;
        if (item.mutation.op === 'put') territoryProblems(item.mutation.body, lookup);
      }
    });
    // Every read the batch needs, before its first revision is appended (see batchReads).
    for (const item of prepared) {
      if ('result' in item) {
        if (item.lookup) await reads.mutation(item.lookup.mutationId);
      } else {
        await readAhead(reads, item);
      }
    }
    const results: MutationResult[] = [];
    for (const item of prepared) {
      if ('result' in item) {
        const stored = item.lookup && (await reads.mutation(item.lookup.mutationId));
        results.push(
          item.lookup && stored ? replayResult(item.lookup, context.user.id, stored) : item.result,
        );
        continue;
      }
      const { mutation } = item;
      const stored = await reads.mutation(mutation.mutationId);
      if (stored) {
        results.push(replayResult(mutation, context.user.id, stored));
        continue;
      }
      const result = await decide(tx, reads, context, item, now);
      const saved = {
        hash: mutation.hash,
        resultJson: JSON.stringify(result),
        userId: context.user.id,
      };
      await tx.saveMutation({
        ...saved,
        mutationId: mutation.mutationId,
        deviceId: context.deviceId,
        createdAt: now,
      });
      reads.saved(mutation.mutationId, saved);
      results.push(result);
    }
    return results;
  });
}
