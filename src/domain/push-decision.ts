/**
 * What the server decides about each change of a push (DESIGN.md, "Sync protocol"), apart
 * from reading and writing its store: a retry of a change seen before, a change refused by
 * its own bytes, a write this account may not make, a conflict, or an applied change.
 * Shared by the server (server/sync/apply-push.ts), which reads and writes its store in one
 * transaction around these decisions, and by the in-memory twin the device's sync tests
 * run against (src/testing/memory-server.ts), so the two cannot drift apart.
 */
import { issuePath } from './issue-path.ts';
import { districtOf, type RecordScope, recordTypeDefinition } from './record-types.ts';
import type { Mutation, MutationError, MutationResult, SessionUser } from './sync-protocol.ts';
import {
  type TerritoryLookup,
  territoryProblemMessage,
  territoryProblems,
} from './territory-scope.ts';

export const rejected = (mutationId: string, error: MutationError): MutationResult => ({
  mutationId,
  status: 'rejected',
  error,
});

/** What a change's own bytes say about it, known before anything is read. */
export type Judgement =
  | { problem: MutationError; districtId: null; scope?: undefined; immutable?: undefined }
  | {
      problem?: undefined;
      scope: RecordScope;
      /** The district a district record belongs to (`body.districtId`). */
      districtId: string | null;
      /** The type is published once (see RecordTypeDefinition.immutable). */
      immutable: boolean;
    };

/** A change with its body as canonical JSON (hashed, and stored as is) and its judgement. */
export type JudgedChange = { mutation: Mutation; bodyJson: string } & Judgement;

/**
 * Judges a change by its own bytes: `hash` is the SHA-256 (hex) of its body's canonical
 * JSON, worked out by the caller (synchronously on the server, with WebCrypto elsewhere).
 * Refused when the hash does not match, the type is unknown, or the body is invalid for it;
 * the body is only validated, never rewritten, so its hash still matches when stored.
 */
export function judgeChange(mutation: Mutation, hash: string): Judgement {
  if (hash !== mutation.hash) {
    const message = 'hash is not the SHA-256 of the canonical JSON of body';
    return { problem: { code: 'hash_mismatch', message }, districtId: null };
  }
  const definition = recordTypeDefinition(mutation.type);
  if (!definition) {
    const message = `unknown record type ${mutation.type}`;
    return { problem: { code: 'unknown_type', message }, districtId: null };
  }
  const parsed = definition.schema.safeParse(mutation.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem: MutationError = {
      code: 'invalid',
      message: issue?.message ?? 'invalid body',
      path: issue ? issuePath(issue) : [],
    };
    return { problem, districtId: null };
  }
  return {
    scope: definition.scope,
    districtId: definition.scope === 'district' ? (districtOf(mutation.body) ?? null) : null,
    immutable: definition.immutable === true,
  };
}

/** The record a change would write, as it stands: its type, revision and district. */
export interface Head {
  type: string;
  rev: number;
  districtId: string | null;
}

/** Whose change it is: what they may write. */
export type Writer = Pick<SessionUser, 'role' | 'districtIds'>;

/**
 * Who may write: reference data only admins; district records admins and coordinators
 * anywhere, a consultant only in their districts, and only records already in them (so a
 * record cannot be moved out of, or into, someone else's district).
 */
export function canWrite(
  user: Writer,
  scope: RecordScope,
  districtId: string | null,
  existing: Pick<Head, 'districtId'> | undefined,
): boolean {
  if (user.role === 'admin') return true;
  if (scope === 'reference') return false;
  if (user.role === 'coordinator') return true;
  const mine = (id: string | null) => id !== null && user.districtIds.includes(id);
  return mine(districtId) && (existing === undefined || mine(existing.districtId));
}

/** What the store holds that a change is decided against. */
export interface StoreFacts {
  user: Writer;
  head: Head | undefined;
  /**
   * The current version (its deletion and canonical body), needed when the type is
   * published once and the record exists: only an identical put is let through.
   */
  current?: { deleted: boolean; bodyJson: string } | undefined;
  /**
   * The stored territories a district record's put is checked against: every territory
   * it names exists and lies inside its district. Left out, nothing is checked (the
   * device's tests run against a server with no territories).
   */
  territories?: TerritoryLookup;
}

export type Verdict =
  | { status: 'rejected'; error: MutationError }
  | { status: 'conflict' }
  | { status: 'applied' };

/**
 * The decision about one change not seen before, in the order the server makes it:
 * refused by its bytes, not this account's to write, of another type than the record,
 * naming territories outside its district, changing a published record; then a conflict
 * when its base revision is not the record's, else applied. `territories` is asked only
 * when a district record's put gets that far.
 */
export function decideChange(change: JudgedChange, facts: StoreFacts): Verdict {
  const { mutation } = change;
  if (change.problem) return { status: 'rejected', error: change.problem };
  const { head } = facts;
  if (!canWrite(facts.user, change.scope, change.districtId, head)) {
    const message = 'you may not write this record';
    return { status: 'rejected', error: { code: 'forbidden', message } };
  }
  if (head && head.type !== mutation.type) {
    const message = `record ${mutation.id} is a ${head.type}, not a ${mutation.type}`;
    return { status: 'rejected', error: { code: 'invalid', message } };
  }
  if (facts.territories && change.scope === 'district' && mutation.op === 'put') {
    const [problem] = territoryProblems(mutation.body, facts.territories);
    if (problem) {
      const message = territoryProblemMessage(problem);
      return { status: 'rejected', error: { code: 'territory', message, path: problem.path } };
    }
  }
  if (head && change.immutable) {
    const { current } = facts;
    const unchanged =
      current && !current.deleted && mutation.op === 'put' && current.bodyJson === change.bodyJson;
    if (!unchanged) {
      const message = `a published ${mutation.type} is never changed: publish a new version instead`;
      return { status: 'rejected', error: { code: 'immutable', message } };
    }
  }
  return mutation.baseRev === (head?.rev ?? 0) ? { status: 'applied' } : { status: 'conflict' };
}

/**
 * The answer to a mutationId seen before. Same hash from the same user: a retry after a
 * lost reply. An `applied` original comes back as `duplicate` with its rev (the device may
 * drop its outbox entry); a `rejected` or `conflict` original comes back unchanged, the very
 * answer the device missed, so a retry can never turn a refusal into something else.
 * Any other reuse of the id is refused and never applied.
 */
export function replayResult(
  change: { mutationId: string; hash: string },
  userId: string,
  stored: { hash: string; userId: string; resultJson: string },
): MutationResult {
  if (stored.hash !== change.hash || stored.userId !== userId) {
    const message = 'this mutationId was already used for a different change';
    return rejected(change.mutationId, { code: 'mutation_reused', message });
  }
  const original = JSON.parse(stored.resultJson) as MutationResult;
  return original.status === 'applied'
    ? { mutationId: change.mutationId, status: 'duplicate', rev: original.rev as number }
    : original;
}
