/**
 * Per-account fair-use limits: pushes and uploads per minute, uploaded bytes per day, and
 * uploads that no record names. Counted in the database, so several server processes share
 * them. Set so high that a consultant's real work never meets them; a device told 429 keeps
 * everything queued and retries with backoff, so a limit delays data but never loses it.
 */
import { ApiError } from '../http/api-error.ts';
import type { AllowanceCheck, Store, SyncTransaction } from '../store/store.ts';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface FairUseLimits {
  pushesPerMinute: number;
  uploadsPerMinute: number;
  uploadBytesPerDay: number;
  /** Blobs one account uploaded in the last 24 hours that no record or version names yet. */
  unreferencedUploadsPerDay: number;
  /** Conflict versions kept per record; older ones go (applied versions always stay). */
  conflictVersionsKept: number;
  /** A blob no record or version names is removed when it is older than this. */
  unreferencedBlobMaxAgeMs: number;
}

export const DEFAULT_FAIR_USE: FairUseLimits = {
  pushesPerMinute: 120,
  uploadsPerMinute: 120,
  uploadBytesPerDay: 500 * 1024 * 1024,
  unreferencedUploadsPerDay: 200,
  conflictVersionsKept: 20,
  unreferencedBlobMaxAgeMs: 7 * DAY_MS,
};

/** 429 `rate_limited` with Retry-After in whole seconds (at least 1). */
export function rateLimited(retryAfterMs: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'rate_limited', `${message}; try again in ${seconds} s`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

const LIMIT_NAMES: Record<string, string> = {
  push: 'pushes per minute',
  upload: 'uploads per minute',
  upload_bytes: 'uploaded bytes per day',
};

export class FairUse {
  readonly limits: FairUseLimits;
  readonly #store: Store;

  constructor(store: Store, limits: FairUseLimits = DEFAULT_FAIR_USE) {
    this.#store = store;
    this.limits = limits;
  }

  /**
   * Counts one push, or throws 429: in the push's own transaction (stored with it or not at
   * all), or, where the store counts pushes apart, just before it.
   */
  takePush(tx: Pick<SyncTransaction, 'takeAllowance'>, userId: string): Promise<void> {
    return this.#take(tx, userId, [
      { kind: 'push', windowMs: MINUTE_MS, max: this.limits.pushesPerMinute, amount: 1 },
    ]);
  }

  /** Counts one upload request of `bytes`, or throws 429 and counts nothing. */
  takeUpload(userId: string, bytes: number): Promise<void> {
    return this.#take(this.#store, userId, [
      { kind: 'upload', windowMs: MINUTE_MS, max: this.limits.uploadsPerMinute, amount: 1 },
      { kind: 'upload_bytes', windowMs: DAY_MS, max: this.limits.uploadBytesPerDay, amount: bytes },
    ]);
  }

  /**
   * Throws 429 when this account's uploads of the last 24 hours that are still named by no
   * record have reached the limit. Devices upload a blob before the record naming it, so
   * each such blob stops counting as soon as its record is pushed.
   */
  async checkUnreferencedUploads(userId: string): Promise<void> {
    const max = this.limits.unreferencedUploadsPerDay;
    const now = this.#store.now().getTime();
    const recent = await this.#store.blobsUploadedBy(userId, new Date(now - DAY_MS).toISOString());
    if (recent.length < max) return;
    // The scan only runs for an account that uploaded this many: oldest first, stopping once
    // enough are found to be named.
    let unreferenced = recent.length;
    const waiting: string[] = [];
    for (const blob of recent) {
      if (unreferenced < max) return;
      if (await this.#store.isBlobReferenced(blob.sha256)) unreferenced -= 1;
      else waiting.push(blob.createdAt);
    }
    if (unreferenced < max) return;
    // Room comes when the oldest of them turns 24 hours old (or a record names one).
    const oldest = waiting[0] ?? new Date(now).toISOString();
    throw rateLimited(
      new Date(oldest).getTime() + DAY_MS - now,
      `Over ${max} uploads in 24 hours that no record names`,
    );
  }

  /** `counter` is the store (its own transaction) or a push's transaction. */
  async #take(
    counter: Pick<Store, 'takeAllowance'>,
    userId: string,
    checks: AllowanceCheck[],
  ): Promise<void> {
    const refused = await counter.takeAllowance(userId, checks);
    if (refused) {
      throw rateLimited(
        refused.retryAfterMs,
        `Fair-use limit reached: ${LIMIT_NAMES[refused.kind]}`,
      );
    }
  }
}
