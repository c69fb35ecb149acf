import { describe, expect, it, vi } from 'vitest';
import { createPersistenceRequest, readStorageState } from './storage.ts';

function fakeStorage(persisted: boolean, grant: boolean) {
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grant),
    estimate: vi.fn(async () => ({ usage: 100, quota: 1000 })),
  } as unknown as StorageManager & { persist: ReturnType<typeof vi.fn> };
}

describe('storage', () => {
  it('asks for persistence once, however many records are saved', async () => {
    const storage = fakeStorage(false, true);
    const request = createPersistenceRequest(storage);
    expect(await request()).toBe(true);
    await request();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is already persistent', async () => {
    const storage = fakeStorage(true, true);
    expect(await createPersistenceRequest(storage)()).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reads state and usage, and copes with a browser without StorageManager', async () => {
    expect(await readStorageState(fakeStorage(true, true))).toEqual({
      persisted: true,
      usage: 100,
      quota: 1000,
    });
    expect(await readStorageState(undefined)).toEqual({
      persisted: null,
      usage: null,
      quota: null,
    });
  });
});
