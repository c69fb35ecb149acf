import type { Clock } from '../sync/engine.ts';

/** A clock whose timers fire only when a test advances it. */
export function createManualClock(start = Date.UTC(2026, 10, 24, 9)) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & {
    advance(ms: number): void;
    pending(): number[];
  } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    /** Delays (from now) of the timers still waiting. */
    pending: () => [...timers.values()].map((t) => t.at - now),
  };
  return clock;
}
