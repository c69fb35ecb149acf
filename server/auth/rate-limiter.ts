/** In-memory sliding-window counters (sign-in limits are kept in the database: login-throttle.ts). */

export interface WindowLimit {
  /** Failures allowed within the window; the next attempt is refused. */
  max: number;
  windowMs: number;
}

/** Counts events per key within a sliding window. Bounded in memory. */
export class SlidingWindowLimiter {
  readonly #limit: WindowLimit;
  readonly #now: () => Date;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, number[]>();

  constructor(limit: WindowLimit, now: () => Date = () => new Date(), maxKeys = 10_000) {
    this.#limit = limit;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const hits = this.#recent(key, this.#now().getTime());
    if (hits.length < this.#limit.max) return 0;
    const oldest = hits[hits.length - this.#limit.max] as number;
    return oldest + this.#limit.windowMs - this.#now().getTime();
  }

  hit(key: string): void {
    const at = this.#now().getTime();
    const hits = this.#recent(key, at);
    hits.push(at);
    // Older hits than `max` can never matter again.
    if (hits.length > this.#limit.max) hits.splice(0, hits.length - this.#limit.max);
    this.#hits.delete(key);
    this.#hits.set(key, hits);
    if (this.#hits.size > this.#maxKeys) this.#evict(at);
  }

  clear(key: string): void {
    this.#hits.delete(key);
  }

  #recent(key: string, at: number): number[] {
    const hits = this.#hits.get(key) ?? [];
    const from = at - this.#limit.windowMs;
    while (hits.length > 0 && (hits[0] as number) <= from) hits.shift();
    return hits;
  }

  /** Drops expired keys; if still too many, the least recently hit (Map keeps insertion order). */
  #evict(at: number): void {
    for (const [key, hits] of this.#hits) {
      if ((hits[hits.length - 1] ?? 0) <= at - this.#limit.windowMs) this.#hits.delete(key);
    }
    for (const key of this.#hits.keys()) {
      if (this.#hits.size <= this.#maxKeys) break;
      this.#hits.delete(key);
    }
  }
}
