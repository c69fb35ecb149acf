/**
 * The sync engine: pushes the outbox in creation order, then pulls what changed, under a
 * cross-tab lock; retries with backoff. Built from what it needs; no module-level state.
 */
import type { ResultSummary, SyncStore } from '../db/sync-store.ts';
import { pushRequestOf, type StoredOutboxEntry } from '../domain/outbox-entry.ts';
import {
  FAST_PUSH_MS,
  FIRST_PUSH_MUTATIONS,
  MAX_PULL_LIMIT,
  MAX_PUSH_MUTATIONS,
} from '../domain/sync-limits.ts';
import type { MutationResult } from '../domain/sync-protocol.ts';
import { backoffDelay } from './backoff.ts';
import type { BlobTransport } from './http-transport.ts';
import type { SyncLock } from './lock.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status.ts';

export type { SyncPhase, SyncStatus } from './sync-status.ts';
export { INITIAL_SYNC_STATUS } from './sync-status.ts';

import { failureOf, type Transport, TransportError } from './transport.ts';

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
  /**
   * False when the device knows it has no network (`navigator.onLine`): no batch is sent,
   * so queued changes are not marked as tried and later edits still fold into them.
   */
  online?: () => boolean;
}

/**
 * Steps of a sync timed in the browser's performance timeline (`sync:send`, `sync:settle`,
 * `sync:take`, `sync:pull`, `sync:store-page`), so a profile or the benchmark can tell
 * device work from the network and the server. The timeline keeps whatever it is given
 * for as long as the page lives, so the engine clears its own now and then.
 */
const SYNC_MARKS = ['sync:send', 'sync:settle', 'sync:take', 'sync:pull', 'sync:store-page'];
const MARKS_KEPT = 5_000;

const isTransportError = (error: unknown): error is TransportError =>
  error instanceof TransportError;

/** Health probes while a backoff waits: the first after 1-2 s, then doubling up to 15-30 s. */
export const PROBE_BASE_MS = 2_000;
export const PROBE_CAP_MS = 30_000;

/**
 * "Equal jitter": between half and all of a ceiling that doubles per probe. The first
 * probe comes soon (a single lost reply is found out within seconds); a long outage is
 * asked about every 15-30 s, not more, which is cheap for the phone's battery and the
 * server; and phones that lost the server together do not ask in step.
 */
export function probeDelay(probes: number, random: () => number = Math.random): number {
  const ceiling = Math.min(PROBE_CAP_MS, PROBE_BASE_MS * 2 ** Math.max(0, probes - 1));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Who asked for a sync, which decides whether it may cut a backoff short:
 * - `explicit`: the "Sync now" button, the `online` event, app start, a new login
 *   (`syncNow`). Runs at once, whatever the backoff; one that joins a cycle under way
 *   runs once more after it, even if that one failed (see `run`).
 * - `routine`: local writes, the tab becoming visible, another tab's request, the timers
 *   (`request`). Never brings an attempt forward while a backoff waits.
 * - `probe`: `GET /api/health` answered while a backoff waited after a request that got
 *   no answer: the server is there, so the lost reply is retried at once.
 */
type Trigger = 'explicit' | 'routine' | 'probe';

/** Request failures where no answer came back: the server may be fine (a lost reply). */
const unanswered = (error: TransportError) => error.kind === 'network' || error.kind === 'timeout';

/** Whole-batch refusals that may come from one change in it: the batch is split to find it. */
const splittable = (error: TransportError) => error.status === 400 || error.status === 413;

/** `mutations.<i>.` says nothing for a batch of one: the field in the change is what counts. */
/** The field a 400 named, relative to the one change it was about. */
function fieldOf(error: TransportError): { path?: (string | number)[] } {
  const path = error.path ?? [];
  const field = path[0] === 'mutations' && typeof path[1] === 'number' ? path.slice(2) : path;
  return field.length > 0 ? { path: field } : {};
}

function refusalOfOne(error: TransportError): string {
  const field = fieldOf(error).path;
  return field ? `${error.message} (${field.join('.')})` : error.message;
}

export function createSyncEngine({
  store,
  transport,
  blobs,
  lock,
  deviceId,
  clock = systemClock,
  random = Math.random,
  pendingIntervalMs = 30_000,
  online = () => true,
}: SyncEngineDeps) {
  let status: SyncStatus = INITIAL_SYNC_STATUS;
  const listeners = new Set<(status: SyncStatus) => void>();
  let timer: unknown = null;
  let probeTimer: unknown = null;
  let probes = 0;
  let running: Promise<SyncOutcome> | null = null;
  /** A trigger that arrived while a cycle was under way: decides what follows it. */
  let again: Trigger | null = null;
  let disposed = false;
  let awaitingRelease = false;
  let marks = 0;

  async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = globalThis.performance?.now();
    try {
      return await step();
    } finally {
      if (started !== undefined) {
        try {
          performance.measure(name, { start: started, end: performance.now() });
          marks += 1;
          if (marks >= MARKS_KEPT) {
            for (const mark of SYNC_MARKS) performance.clearMeasures(mark);
            marks = 0;
          }
        } catch {
          // A browser without User Timing level 3: the sync goes on untimed.
        }
      }
    }
  }

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
      void run('routine');
    }, delayMs);
  };

  const stopProbing = () => {
    if (probeTimer !== null) clock.clearTimeout(probeTimer);
    probeTimer = null;
  };

  /**
   * While a backoff waits after a request that got no answer, asks `GET /api/health` now
   * and then. When it answers, the attempt is made at once instead of at the end of the
   * backoff (a lost reply on a working network is sorted out in seconds, not minutes).
   * Not after a 5xx or 429: the server answered those, and the backoff is what it needs.
   */
  const probeLater = () => {
    stopProbing();
    const health = transport.health?.bind(transport);
    if (!health || disposed) return;
    probes += 1;
    const delay = probeDelay(probes, random);
    const due = status.nextAttemptAt;
    if (due !== null && due <= clock.now() + delay) return; // the attempt itself comes first
    probeTimer = clock.setTimeout(async () => {
      probeTimer = null;
      if (disposed || running || status.phase !== 'retrying') return;
      try {
        await health();
      } catch {
        probeLater();
        return;
      }
      if (disposed || running || status.phase !== 'retrying') return;
      // The backoff timer stays set until this attempt settles it (a success clears it,
      // a failure sets a new one), so a tab that finds the lock taken still retries later.
      void run('probe');
    }, delay);
  };

  /** Attachments first, so no record reaches the server before the blob it names. */
  async function uploadBlobs() {
    if (!blobs) return 0;
    let uploaded = 0;
    for (;;) {
      // One at a time: a blob is read whole into memory, and a scan may be 10 MB.
      const waiting = await store.blobsToUpload(1);
      if (waiting.length === 0) return uploaded;
      for (const blob of waiting) {
        try {
          if (!(await blobs.hasBlob(blob.sha256))) {
            await blobs.putBlob(
              blob.sha256,
              new Blob([new Uint8Array(blob.bytes)], { type: blob.mime }),
            );
          }
        } catch (error) {
          // Refused for good (a type or size the server does not take): set it aside, so
          // one photo never holds up every change behind it. Anything else is retried.
          if (!(isTransportError(error) && error.kind === 'client')) throw error;
          await store.refuseBlob(blob.sha256, error.message);
          continue;
        }
        await store.markBlobUploaded(blob.sha256);
        uploaded += 1;
      }
    }
  }

  const requestOf = (entries: StoredOutboxEntry[]) => pushRequestOf(deviceId, entries);

  type Totals = { pushed: number; conflicts: number; parked: number };

  /** What a settled batch (or part) adds to the push's totals; a server that answered none of it is at fault. */
  function count(totals: Totals, summary: ResultSummary) {
    totals.pushed += summary.applied;
    totals.conflicts += summary.conflicts;
    totals.parked += summary.parked;
    if (summary.applied + summary.conflicts + summary.parked === 0) {
      // Answered nothing we sent: treat as a server fault rather than spin.
      throw new TransportError('server', 'The server answered none of the changes sent');
    }
  }

  /**
   * A part of a batch refused as a whole with a 400 (an older server that checks every
   * envelope at once, or one change that spoils the request) is split in halves, each sent
   * on its own, down to single changes: only the bad one is parked, with the server's
   * message and the field it named. Parts settle one by one (`settled`); the rest stay
   * marked as sent until their turn (see SyncStore.settle).
   */
  async function refused(
    part: StoredOutboxEntry[],
    error: TransportError,
    totals: Totals,
    settled: Set<StoredOutboxEntry>,
  ) {
    if (part.length > 1 && splittable(error)) {
      const half = Math.ceil(part.length / 2);
      await sendPart(part.slice(0, half), totals, settled);
      await sendPart(part.slice(half), totals, settled);
      return;
    }
    const refusal = {
      code: error.code ?? 'invalid',
      ...(part.length === 1 ? fieldOf(error) : {}),
    };
    await store.park(part, part.length === 1 ? refusalOfOne(error) : error.message, refusal);
    for (const entry of part) settled.add(entry);
    totals.parked += part.length;
  }

  /** Sends part of a batch refused as a whole, and settles it (see `refused`). */
  async function sendPart(
    part: StoredOutboxEntry[],
    totals: Totals,
    settled: Set<StoredOutboxEntry>,
  ): Promise<void> {
    const outcome = await send(part);
    if (!outcome.ok) {
      const { error } = outcome;
      if (!isTransportError(error) || error.kind !== 'client') throw error;
      await refused(part, error, totals, settled);
      return;
    }
    const summary = await timed('sync:settle', () => store.applyResults(part, outcome.results));
    for (const entry of part) settled.add(entry);
    count(totals, summary);
  }

  /** A batch's answer (`ms`: from sending to the answer), or why there is none. */
  type Sent = { ok: true; results: MutationResult[]; ms: number } | { ok: false; error: unknown };

  /** The request of each batch taken, made (and encoded, where the transport can) once. */
  const requests = new WeakMap<StoredOutboxEntry[], ReturnType<typeof requestOf>>();
  /** Encodes a batch taken ahead while the one before it is on its way. */
  const prepare = (batch: StoredOutboxEntry[]) => {
    if (batch.length === 0 || requests.has(batch)) return;
    const request = requestOf(batch);
    requests.set(batch, request);
    transport.prepare?.(request);
  };

  /** Sends a batch. The outcome is a value: a batch sent ahead never rejects unheard. */
  const send = (batch: StoredOutboxEntry[]): Promise<Sent> => {
    const started = clock.now();
    return timed('sync:send', () => transport.push(requests.get(batch) ?? requestOf(batch))).then(
      (response) => ({ ok: true as const, results: response.results, ms: clock.now() - started }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  };

  /**
   * Pushes the outbox batch by batch, two at a time: while batch k is on its way, batch
   * k+1 is taken (marked as sent), and it goes out as soon as k is answered, so the
   * server works on it while k settles (the transaction that settles k also takes k+2).
   * The two never share a record: a record's next change waits for the revision the
   * batch before it brings. A batch refused as a whole is settled before the next goes.
   * Batches start at FIRST_PUSH_MUTATIONS changes; while the server answers within
   * FAST_PUSH_MS they are full (MAX_PUSH_MUTATIONS), and small again after a slow answer.
   */
  async function push() {
    const totals: Totals = { pushed: 0, conflicts: 0, parked: 0 };
    let size = FIRST_PUSH_MUTATIONS;
    const take = (inFlight: StoredOutboxEntry[]) =>
      timed('sync:take', () => store.takeBatch(size, undefined, inFlight));
    let batch = await timed('sync:take', () => store.takeBatch(size));
    /** Taken (marked as sent) and not sent yet: goes out once `batch` is answered. */
    let next: StoredOutboxEntry[] = [];
    /** The batch on its way: `batch`, or the one after it while `batch` settles. */
    let sent: Promise<Sent> | undefined;
    let settled = new Set<StoredOutboxEntry>();
    try {
      while (batch.length > 0) {
        sent ??= send(batch);
        if (next.length === 0) next = await take(batch);
        prepare(next);
        const outcome = await sent;
        sent = undefined;
        settled = new Set();
        if (!outcome.ok) {
          const { error } = outcome;
          if (!isTransportError(error) || error.kind !== 'client') throw error;
          await refused(batch, error, totals, settled);
          // What its parts' settling rebased may be all that is left.
          [batch, next] = [next.length > 0 ? next : await take([]), []];
          continue;
        }
        size = outcome.ms <= FAST_PUSH_MS ? MAX_PUSH_MUTATIONS : FIRST_PUSH_MUTATIONS;
        const following = next;
        next = [];
        if (following.length > 0) sent = send(following);
        const summary = await timed('sync:settle', () =>
          store.applyResults(batch, outcome.results, {
            max: size,
            inFlight: following,
          }),
        );
        for (const entry of batch) settled.add(entry);
        count(totals, summary);
        if (following.length > 0) {
          [batch, next] = [following, summary.next ?? []];
          prepare(next);
        } else {
          batch = summary.next ?? (await take([]));
        }
      }
    } catch (error) {
      // Whatever of the batch is not settled stays pending, "maybe delivered". A batch
      // sent meanwhile is waited for and stays marked as sent: the next push counts its
      // attempt and sends it again (the server answers `duplicate` for what it has). One
      // taken and never sent is no longer marked.
      await sent;
      if (next.length > 0) await store.release(next);
      const rest = batch.filter((entry) => !settled.has(entry));
      if (rest.length > 0) {
        await store.noteFailure(rest, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
    return totals;
  }

  /**
   * Pulls page after page from the stored cursor. Each page is stored with its cursor and
   * the download's progress in one transaction: a download cut off (network, a closed tab)
   * goes on from its last stored page, and its progress from where it was. The first page
   * asks how many changes there are in all; a download longer than a page shows progress.
   * The next page is asked for while one is being stored (pulling only reads), so the
   * network and the server work while IndexedDB does; pages are still stored in order.
   */
  async function pull() {
    const saved = await store.downloadProgress();
    let received = saved?.received ?? 0;
    let bytes = saved?.bytes ?? 0;
    let total = saved?.total ?? 0;
    let pulled = 0;
    let next = transport.pull(await store.cursor(), MAX_PULL_LIMIT, { count: true });
    for (let first = true; ; first = false) {
      const pending = next;
      const page = await timed('sync:pull', () => pending);
      if (page.hasMore) {
        next = transport.pull(page.cursor, MAX_PULL_LIMIT, {});
        // Awaited on the next turn; a failure while this page is stored must not go unheard.
        next.catch(() => {});
      }
      if (first && page.remaining !== undefined) total = received + page.remaining;
      received += page.changes.length;
      bytes += page.bytes ?? 0;
      const progress = page.hasMore ? { received, total: Math.max(total, received), bytes } : null;
      pulled += await timed('sync:store-page', () =>
        store.applyPullPage(page.changes, page.cursor, progress),
      );
      setStatus({ download: progress && progress.total > MAX_PULL_LIMIT ? progress : null });
      if (!page.hasMore) return pulled;
    }
  }

  async function cycle(trigger: Trigger): Promise<SyncOutcome> {
    stopProbing();
    setStatus({ phase: 'syncing' });
    try {
      if (!online()) throw new TransportError('network', 'This device has no network');
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
          download: null,
          lastError: failure.message,
          lastFailure: failureOf(failure),
        });
      } else {
        // A probe's attempt that fails too does not probe again: the backoff (still
        // counting, not reset) runs its course, so a push that never gets an answer while
        // /api/health does (a proxy dropping replies) is not sent every few seconds.
        const failures = status.failures + 1;
        setStatus({
          phase: 'retrying',
          download: null,
          failures,
          lastError: failure.message,
          lastFailure: failureOf(failure),
        });
        schedule(backoffDelay(failures, random));
        if (unanswered(failure) && trigger !== 'probe') {
          probes = 0;
          probeLater();
        }
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

  /**
   * Runs one push-then-pull cycle now, or joins the one under way in this tab. A trigger
   * that joins one is remembered: after a success a routine one runs once more (a write
   * made meanwhile goes out); after a failure only an explicit one does (the user, or the
   * network coming back), a routine one leaves the backoff as it is.
   */
  function run(trigger: Trigger): Promise<SyncOutcome> {
    if (disposed) return Promise.resolve({ kind: 'busy' });
    if (running) {
      if (again !== 'explicit') again = trigger === 'explicit' ? 'explicit' : 'routine';
      return running;
    }
    running = (async () => {
      try {
        const outcome = await lock.tryRun(() => cycle(trigger));
        if (outcome === undefined) {
          // Another tab holds the lock. A backoff whose timer just fired into it waits
          // again; otherwise this tab runs as soon as the other lets go.
          if (status.phase === 'retrying' && timer === null) {
            schedule(backoffDelay(status.failures, random));
          }
          retryWhenReleased();
          return { kind: 'busy' } as const;
        }
        return outcome;
      } finally {
        running = null;
        const next = again;
        again = null;
        const rerun =
          next === 'explicit' ? status.phase !== 'needs-login' : status.phase === 'idle';
        if (next && rerun && !disposed) schedule(0);
      }
    })();
    return running;
  }

  /** An explicit sync ("Sync now", back online, app start): cuts any backoff short. */
  function syncNow(): Promise<SyncOutcome> {
    return run('explicit');
  }

  return {
    syncNow,
    /**
     * A routine trigger (a local write, the tab visible again, another tab): asks for a
     * sync after `delayMs` (debounced), unless one is due sooner. Never while a backoff
     * waits (the retry comes when it is due, or when the health probe finds the server)
     * or a login is needed.
     */
    request(delayMs = 0) {
      if (status.phase === 'needs-login') return;
      if (status.phase === 'retrying' && timer !== null) return;
      const due = status.nextAttemptAt;
      if (due !== null && due <= clock.now() + delayMs) return;
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
      stopProbing();
      listeners.clear();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
