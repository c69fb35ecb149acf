/**
 * The sync engine: pushes the outbox in creation order, then pulls what changed, under a
 * cross-tab lock; retries with backoff. Built from what it needs; no module-level state.
 */
import type { SyncStore } from '../db/sync-store.ts';
import { SCHEMA_VERSION } from '../domain/record.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from '../domain/sync-limits.ts';
import { backoffDelay } from './backoff.ts';
import type { BlobTransport } from './http-transport.ts';
import type { SyncLock } from './lock.ts';
import { failureOf, type SyncFailure, type Transport, TransportError } from './transport.ts';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type SyncPhase = 'idle' | 'syncing' | 'retrying' | 'needs-login';

export interface SyncStatus {
  phase: SyncPhase;
  /** Consecutive failed attempts; 0 after a success. */
  failures: number;
  lastError: string | null;
  /** The last failure as data, for a message in the user's language; null after a success. */
  lastFailure: SyncFailure | null;
  lastSuccessAt: string | null;
  /** When the next automatic attempt is due (epoch ms), if one is scheduled. */
  nextAttemptAt: number | null;
}

export type SyncOutcome =
  | { kind: 'done'; pushed: number; conflicts: number; parked: number; pulled: number }
  | { kind: 'busy' }
  | { kind: 'failed'; error: TransportError };

export interface SyncEngineDeps {
  store: SyncStore;
  transport: Transport;
  /** Attachment upload; without it records are pushed with no blobs sent. */
  blobs?: BlobTransport;
  lock: SyncLock;
  deviceId: string;
  clock?: Clock;
  random?: () => number;
  /** How long to wait before trying again while changes are still pending. */
  pendingIntervalMs?: number;
}

const isTransportError = (error: unknown): error is TransportError =>
  error instanceof TransportError;

export function createSyncEngine({
  store,
  transport,
  blobs,
  lock,
  deviceId,
  clock = systemClock,
  random = Math.random,
  pendingIntervalMs = 30_000,
}: SyncEngineDeps) {
  let status: SyncStatus = {
    phase: 'idle',
    failures: 0,
    lastError: null,
    lastFailure: null,
    lastSuccessAt: null,
    nextAttemptAt: null,
  };
  const listeners = new Set<(status: SyncStatus) => void>();
  let timer: unknown = null;
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let disposed = false;
  let awaitingRelease = false;

  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  };

  const schedule = (delayMs: number) => {
    if (disposed) return;
    if (timer !== null) clock.clearTimeout(timer);
    setStatus({ nextAttemptAt: clock.now() + delayMs });
    timer = clock.setTimeout(() => {
      timer = null;
      setStatus({ nextAttemptAt: null });
      void syncNow();
    }, delayMs);
  };

  /** Attachments first, so no record reaches the server before the blob it names. */
  async function uploadBlobs() {
    if (!blobs) return 0;
    let uploaded = 0;
    for (;;) {
      const waiting = await store.blobsToUpload(20);
      if (waiting.length === 0) return uploaded;
      for (const blob of waiting) {
        if (!(await blobs.hasBlob(blob.sha256))) {
          await blobs.putBlob(
            blob.sha256,
            new Blob([new Uint8Array(blob.bytes)], { type: blob.mime }),
          );
        }
        await store.markBlobUploaded(blob.sha256);
        uploaded += 1;
      }
    }
  }

  async function push() {
    const totals = { pushed: 0, conflicts: 0, parked: 0 };
    for (;;) {
      const batch = await store.takeBatch(MAX_PUSH_MUTATIONS);
      if (batch.length === 0) return totals;
      let response: Awaited<ReturnType<Transport['push']>>;
      try {
        response = await transport.push({
          deviceId,
          schemaVersion: SCHEMA_VERSION,
          mutations: batch.map(({ mutationId, type, id, op, baseRev, body, hash }) => ({
            mutationId,
            type,
            id,
            op,
            baseRev,
            body,
            hash,
          })),
        });
      } catch (error) {
        if (isTransportError(error) && error.kind === 'client') {
          await store.park(batch, error.message);
          totals.parked += batch.length;
          continue;
        }
        await store.noteFailure(batch, error instanceof Error ? error.message : String(error));
        throw error;
      }
      const summary = await store.applyResults(batch, response.results);
      totals.pushed += summary.applied;
      totals.conflicts += summary.conflicts;
      totals.parked += summary.parked;
      if (summary.applied + summary.conflicts + summary.parked === 0) {
        // Answered nothing we sent: treat as a server fault rather than spin.
        throw new TransportError('server', 'The server answered none of the changes sent');
      }
    }
  }

  async function pull() {
    let cursor = await store.cursor();
    let pulled = 0;
    for (;;) {
      const page = await transport.pull(cursor, MAX_PULL_LIMIT);
      pulled += await store.applyPullPage(page.changes, page.cursor);
      cursor = page.cursor;
      if (!page.hasMore) return pulled;
    }
  }

  async function cycle(): Promise<SyncOutcome> {
    setStatus({ phase: 'syncing' });
    try {
      await uploadBlobs();
      const pushed = await push();
      const pulled = await pull();
      const at = new Date(clock.now());
      await store.markSuccess(at);
      if (timer !== null) clock.clearTimeout(timer); // a pending retry is moot now
      timer = null;
      setStatus({
        nextAttemptAt: null,
        phase: 'idle',
        failures: 0,
        lastError: null,
        lastFailure: null,
        lastSuccessAt: at.toISOString(),
      });
      if ((await store.pendingCount()) > 0) schedule(pendingIntervalMs);
      return { kind: 'done', ...pushed, pulled };
    } catch (error) {
      const failure = isTransportError(error)
        ? error
        : new TransportError('server', error instanceof Error ? error.message : String(error));
      if (failure.kind === 'auth') {
        setStatus({
          phase: 'needs-login',
          lastError: failure.message,
          lastFailure: failureOf(failure),
        });
      } else {
        const failures = status.failures + 1;
        setStatus({
          phase: 'retrying',
          failures,
          lastError: failure.message,
          lastFailure: failureOf(failure),
        });
        schedule(backoffDelay(failures, random));
      }
      return { kind: 'failed', error: failure };
    }
  }

  /**
   * Another tab holds the lock: run as soon as it lets go (done, or its tab closed), so
   * what this tab wrote goes out without waiting for another trigger. One wait at a time.
   */
  function retryWhenReleased() {
    if (awaitingRelease || disposed) return;
    awaitingRelease = true;
    void lock.whenReleased().then(() => {
      awaitingRelease = false;
      if (status.phase === 'needs-login') return;
      if (status.phase === 'retrying' && timer !== null) return; // its backoff is due anyway
      schedule(0);
    });
  }

  /** Runs one push-then-pull cycle now (or joins the one under way in this tab). */
  function syncNow(): Promise<SyncOutcome> {
    if (disposed) return Promise.resolve({ kind: 'busy' });
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        const outcome = await lock.tryRun(cycle);
        if (outcome === undefined) {
          retryWhenReleased();
          return { kind: 'busy' } as const;
        }
        return outcome;
      } finally {
        running = null;
        if (again && !disposed) {
          again = false;
          schedule(0);
        }
      }
    })();
    return running;
  }

  return {
    syncNow,
    /** Asks for a sync soon: after `delayMs` (debounced), unless one is already due sooner. */
    request(delayMs = 0) {
      if (status.phase === 'needs-login') return;
      if (status.phase === 'retrying' && delayMs > 0) return; // backoff already scheduled
      const due = status.nextAttemptAt;
      if (due !== null && due <= clock.now() + delayMs && delayMs > 0) return;
      schedule(delayMs);
    },
    status: () => status,
    subscribe(listener: (status: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** After a new login: clears the "needs login" state. */
    resume() {
      setStatus({ phase: 'idle', lastError: null, lastFailure: null, failures: 0 });
    },
    async init() {
      const lastSuccessAt = (await store.lastSuccess()) ?? null;
      setStatus({ lastSuccessAt });
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      listeners.clear();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
