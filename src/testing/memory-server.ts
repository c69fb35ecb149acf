/**
 * An in-memory twin of the sync server's protocol, with fault injection, for engine tests.
 * Test-only: the product always talks to the real server over HTTP.
 */
import { bodyHash } from '../domain/hash.ts';
import { recordTypeDefinition } from '../domain/record-types.ts';
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

export function createMemoryServer() {
  let revision = 0;
  const records = new Map<string, ServerRecord>();
  const history: ServerRecord[] = [];
  const seen = new Map<string, { hash: string; result: MutationResult }>();
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
        results.push(
          previous.hash === m.hash
            ? {
                ...previous.result,
                status: previous.result.status === 'applied' ? 'duplicate' : previous.result.status,
              }
            : {
                mutationId: m.mutationId,
                status: 'rejected',
                error: { code: 'mutation_reused', message: 'reused' },
              },
        );
        continue;
      }
      let result: MutationResult;
      const parsed = recordTypeDefinition(m.type)?.schema.safeParse(m.body);
      const current = records.get(m.id);
      if (!parsed?.success) {
        const issue = parsed?.error.issues[0];
        result = {
          mutationId: m.mutationId,
          status: 'rejected',
          error: {
            code: parsed ? 'invalid' : 'unknown_type',
            message: issue?.message ?? 'unknown type',
            path: issue?.path as string[] | undefined,
          },
        };
      } else if ((await bodyHash(m.body)) !== m.hash) {
        result = {
          mutationId: m.mutationId,
          status: 'rejected',
          error: { code: 'hash_mismatch', message: 'hash' },
        };
      } else if ((current?.rev ?? 0) !== m.baseRev) {
        store({
          id: m.id,
          type: m.type,
          updatedAt: '',
          updatedBy: 'x',
          deleted: m.op === 'delete',
          schemaVersion: 1,
          body: m.body,
        });
        result = { mutationId: m.mutationId, status: 'conflict', current };
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
      seen.set(m.mutationId, { hash: m.hash, result });
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
