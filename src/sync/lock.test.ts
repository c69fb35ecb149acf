// @vitest-environment node
// Node has the Web Locks API (navigator.locks), so the web lock is tested on the real thing.
import { describe, expect, it } from 'vitest';
import { createLocalLock, createWebLock, type SyncLock } from './lock.ts';

let names = 0;
const locks: Record<string, () => SyncLock> = {
  'web lock': () => {
    names += 1;
    return createWebLock(navigator.locks, `sedp-test-${process.pid}-${names}`);
  },
  'local lock': () => createLocalLock(),
};

describe.each(Object.keys(locks))('%s', (kind) => {
  const make = locks[kind] as () => SyncLock;

  it('runs one holder at a time; the other is turned away at once', async () => {
    const lock = make();
    let release = () => {};
    const holding = lock.tryRun(() => new Promise<string>((r) => (release = () => r('first'))));
    await Promise.resolve();
    expect(await lock.tryRun(async () => 'second')).toBeUndefined();
    release();
    expect(await holding).toBe('first');
    expect(await lock.tryRun(async () => 'third')).toBe('third');
  });

  it('tells a waiter when the holder lets go, and at once when nobody holds it', async () => {
    const lock = make();
    await lock.whenReleased();
    let release = () => {};
    const holding = lock.tryRun(() => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    let freed = false;
    const waiting = lock.whenReleased().then(() => {
      freed = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(freed).toBe(false);
    release();
    await holding;
    await waiting;
    expect(freed).toBe(true);
    // The waiter gave the lock straight back.
    expect(await lock.tryRun(async () => 'next')).toBe('next');
  });

  it('a holder that fails lets go too', async () => {
    const lock = make();
    const failing = lock.tryRun(async () => {
      throw new Error('tab crashed');
    });
    await expect(failing).rejects.toThrow('tab crashed');
    await lock.whenReleased();
    expect(await lock.tryRun(async () => 1)).toBe(1);
  });
});
