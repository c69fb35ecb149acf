/** Browser storage persistence and usage, for the Settings screen and the first save. */
export interface StorageState {
  /** null when the browser has no StorageManager (very old browsers). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function readStorageState(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<StorageState> {
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(null),
    storage.estimate ? storage.estimate() : Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks the browser, once, to keep this device's data even under storage pressure.
 * Called after the first record is saved: browsers grant it more readily to a site
 * the user has engaged with, and asking earlier would prompt for nothing.
 */
export function createPersistenceRequest(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
) {
  let asked: Promise<boolean> | null = null;
  return (): Promise<boolean> => {
    if (!storage?.persist) return Promise.resolve(false);
    asked ??= storage
      .persisted()
      .then((already) => already || storage.persist())
      .catch(() => false);
    return asked;
  };
}
