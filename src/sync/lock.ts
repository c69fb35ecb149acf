/** One tab syncs at a time: the Web Locks API where there is one, otherwise this tab alone. */
export interface SyncLock {
  /** Runs `task` if no other holder has the lock; otherwise resolves to `undefined` at once. */
  tryRun<T>(task: () => Promise<T>): Promise<T | undefined>;
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
  };
}

/** A lock shared by whoever holds the same object (tests; browsers without Web Locks). */
export function createLocalLock(): SyncLock {
  let held = false;
  return {
    async tryRun(task) {
      if (held) return undefined;
      held = true;
      try {
        return await task();
      } finally {
        held = false;
      }
    },
  };
}
