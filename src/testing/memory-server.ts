/**
 * An in-memory twin of the sync server's protocol, with fault injection, for engine tests.
 * It decides each change with the server's own rules (src/domain/push-decision.ts), as an
 * admin would push it, against a store with no territories. Test-only: the product always
 * talks to the real server over HTTP.
 */
import { canonicalJson } from '../domain/canonical-json.ts';
import { sha256Hex } from '../domain/hash.ts';
import {
  decideChange,
  judgeChange,
  rejected,
  replayResult,
  type Writer,
} from '../domain/push-decision.ts';
import { districtOf } from '../domain/record-types.ts';
import type {
  MutationResult,
  PullResponse,
  PushRequest,
  PushResponse,
  ServerRecord,
} from '../domain/sync-protocol.ts';
import {
  type PulledPage,
  type Transport,
  TransportError,
  type TransportErrorKind,
} from '../sync/transport.ts';

/** `lose-reply`: the server commits, then the connection drops before the answer arrives. */
export type Fault = TransportErrorKind | 'lose-reply';

/** Whom the twin takes every push from: one account that may write anything. */
const PUSHER: Writer & { id: string } = { id: 'device', role: 'admin', districtIds: [] };

export function createMemoryServer() {
  let revision = 0;
  const records = new Map<string, ServerRecord>();
  const history: ServerRecord[] = [];
  /** The mutations table: every change decided, with its answer. */
  const seen = new Map<string, { hash: string; userId: string; resultJson: string }>();
  const pushFaults: Fault[] = [];
  const pullFaults: Fault[] = [];
  const pushes: PushRequest[] = [];
  /** Every pull page answered: where it started and how many changes it carried. */
  const pulls: { since: number; count: number }[] = [];
  /** Down: every request fails as unreachable (connection refused), health included. */
  let down = false;
  let healthChecks = 0;

  const store = (record: Omit<ServerRecord, 'rev'>): ServerRecord => {
    revision += 1;
    const stored = { ...record, rev: revision };
    history.push(stored);
    return stored;
  };

  async function apply(request: PushRequest): Promise<PushResponse> {
    const results: MutationResult[] = [];
    for (const m of request.mutations) {
      const previous = seen.get(m.mutationId);
      if (previous) {
        results.push(replayResult(m, PUSHER.id, previous));
        continue;
      }
      const bodyJson = canonicalJson(m.body);
      const change = { mutation: m, bodyJson, ...judgeChange(m, await sha256Hex(bodyJson)) };
      const current = records.get(m.id);
      const verdict = decideChange(change, {
        user: PUSHER,
        head: current && {
          type: current.type,
          rev: current.rev,
          districtId: districtOf(current.body) ?? null,
        },
        // Only a type published once compares the current body.
        current:
          current && change.immutable
            ? { deleted: current.deleted, bodyJson: canonicalJson(current.body) }
            : undefined,
      });
      let result: MutationResult;
      if (verdict.status === 'rejected') {
        result = rejected(m.mutationId, verdict.error);
      } else if (verdict.status === 'conflict') {
        // Kept in history, as the server keeps it; the current version stays as it is.
        store({
          id: m.id,
          type: m.type,
          updatedAt: '',
          updatedBy: 'x',
          deleted: m.op === 'delete',
          schemaVersion: 1,
          body: m.body,
        });
        result = current
          ? { mutationId: m.mutationId, status: 'conflict', current }
          : { mutationId: m.mutationId, status: 'conflict' };
      } else {
        const stored = store({
          id: m.id,
          type: m.type,
          updatedAt: new Date(0).toISOString(),
          updatedBy: 'device',
          deleted: m.op === 'delete',
          schemaVersion: request.schemaVersion,
          body: m.body,
        });
        records.set(m.id, stored);
        result = { mutationId: m.mutationId, status: 'applied', rev: stored.rev };
      }
      seen.set(m.mutationId, {
        hash: m.hash,
        userId: PUSHER.id,
        resultJson: JSON.stringify(result),
      });
      results.push(result);
    }
    return { results };
  }

  const fail = (fault: Fault) => {
    const kind = fault === 'lose-reply' ? 'network' : fault;
    return new TransportError(kind, `injected ${fault}`, kind === 'server' ? 500 : undefined);
  };

  const transport: Transport = {
    async push(request) {
      if (down) throw fail('network');
      pushes.push(structuredClone(request));
      const fault = pushFaults.shift();
      if (fault && fault !== 'lose-reply') throw fail(fault);
      const response = await apply(structuredClone(request));
      if (fault === 'lose-reply') throw fail(fault);
      return response;
    },
    async pull(since, limit, options): Promise<PulledPage> {
      if (down) throw fail('network');
      const fault = pullFaults.shift();
      if (fault) throw fail(fault);
      const all = [...records.values()].filter((r) => r.rev > since).sort((a, b) => a.rev - b.rev);
      const changes = all.slice(0, limit).map((r) => structuredClone(r));
      const page: PullResponse = {
        changes,
        cursor: changes.at(-1)?.rev ?? since,
        hasMore: all.length > limit,
        ...(options?.count ? { remaining: all.length } : {}),
      };
      pulls.push({ since, count: changes.length });
      return { ...page, bytes: JSON.stringify(page).length };
    },
    async health() {
      healthChecks += 1;
      if (down) throw fail('network');
    },
  };

  return {
    transport,
    records,
    history,
    pushes,
    pulls,
    failNextPush: (...faults: Fault[]) => pushFaults.push(...faults),
    failNextPull: (...faults: Fault[]) => pullFaults.push(...faults),
    setDown(value: boolean) {
      down = value;
    },
    healthChecks: () => healthChecks,
    /** A change made on the server by someone else. */
    put(record: Omit<ServerRecord, 'rev'>) {
      const stored = store(record);
      records.set(record.id, stored);
      return stored;
    },
  };
}

export type MemoryServer = ReturnType<typeof createMemoryServer>;

/** Blob storage twin: remembers what was uploaded. */
export function createMemoryBlobs() {
  const stored = new Map<string, Blob>();
  const calls: string[] = [];
  return {
    stored,
    calls,
    transport: {
      async hasBlob(sha256: string) {
        calls.push(`HEAD ${sha256.slice(0, 8)}`);
        return stored.has(sha256);
      },
      async putBlob(sha256: string, data: Blob) {
        calls.push(`PUT ${sha256.slice(0, 8)}`);
        stored.set(sha256, data);
      },
    },
  };
}
