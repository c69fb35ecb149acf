/**
 * Sign-in throttling: how long a key (an account, a client address, a known device) must
 * wait before its next password check, given its recent failures. Pure; the counters
 * themselves live in the database (`Store.reserveLoginAttempt`), so the limit holds under
 * concurrency and across server processes.
 */

export interface LoginLimits {
  /** Failures per account (from devices it has not signed in on) before it is slowed down. */
  perAccount: number;
  /** Failures per client address, across accounts, before it is slowed down. */
  perAddress: number;
  /** Failures per known device of an account before it is slowed down. */
  perDevice: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 30,
  perDevice: 5,
  windowMs: 15 * 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
};

/** One counter an attempt is checked against and, until it succeeds, counted in. */
export interface LoginKey {
  key: string;
  /** Failures allowed within the window before each attempt has to wait. */
  free: number;
}

/**
 * Milliseconds `key` must still wait at `now`, given the times (epoch ms) of its failures
 * within the window: none while it has fewer than `free`; then the latest failure plus a
 * delay that doubles per failure beyond `free` (1 s, 2 s, 4 s …), capped.
 */
export function loginWaitMs(
  failures: readonly number[],
  free: number,
  now: number,
  limits: Pick<LoginLimits, 'firstDelayMs' | 'maxDelayMs'>,
): number {
  if (failures.length < free) return 0;
  const beyond = failures.length - free;
  // 2 ** 40 ms is decades: no overflow worries below it, and the cap applies long before.
  const delay = Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** Math.min(beyond, 40));
  const latest = Math.max(...failures);
  return Math.max(0, latest + delay - now);
}

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;
export const deviceKey = (userId: string, deviceHash: string) => `device:${userId}:${deviceHash}`;
