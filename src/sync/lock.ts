/** One tab syncs at a time: the Web Locks API where there is one, otherwise this tab alone. */
export interface SyncLock {
  /** Runs `task` if no other holder has the lock; otherwise resolves to `undefined` at once. */
  tryRun<T>(task: () => Promise<T>): Promise<T | undefined>;
  /**
   * Resolves once the lock is free: at once when nobody holds it, otherwise when the
   * holder lets go (finishes, or its tab is closed). A tab that found the lock taken
   * waits on this, so its own changes go out without any other trigger.
   */
  whenReleased(): Promise<void>;
}

export const SYNC_LOCK_NAME = 'sedp-field-sync';

export function createWebLock(
  locks: LockManager | undefined = globalThis.navigator?.locks,
  name = SYNC_LOCK_NAME,
): SyncLock {
  if (!locks) return createLocalLock();
  return {
    tryRun<T>(task: () => Promise<T>) {
      return locks.request(name, { ifAvailable: true }, (lock) =>
        lock ? task() : undefined,
      ) as Promise<T | undefined>;
    },
    async whenReleased() {
      // A queued request: granted when the holder lets go, given back at once.
      await locks.request(name, () => undefined);
    },
  };
}

/** A lock shared by whoever holds the same object (tests; browsers without Web Locks). */
export function createLocalLock(): SyncLock {
  let held = false;
  let waiting: (() => void)[] = [];
  return {
    async tryRun(task) {
      if (held) return undefined;
      held = true;
      try {
        return await task();
      } finally {
        held = false;
        const released = waiting;
        waiting = [];
        for (const resolve of released) resolve();
      }
    },
    whenReleased() {
      if (!held) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}
