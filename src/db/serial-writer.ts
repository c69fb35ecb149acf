/**
 * Saves the latest value of something edited quickly (tally taps, typing), one write at a
 * time and in order: a value scheduled while a write runs is written right after it, and
 * values scheduled in between are skipped in favour of the newest. Nothing scheduled is
 * lost: `flush()` writes what is waiting now (page hidden, screen left).
 */
export interface SerialWriter<T> {
  /**
   * Writes `value` after `delayMs` (0: as soon as the write before it is done). A delayed
   * value that keeps being replaced is still written within `maxWaitMs` of the first one.
   */
  schedule(value: T, delayMs?: number): void;
  /** Writes what is waiting without delay; resolves when everything scheduled is written. */
  flush(): Promise<void>;
  /** Resolves when the writer is idle. */
  idle(): Promise<void>;
}

export interface SerialWriterOptions {
  /** Told of a failed write; the writer goes on with the next value. */
  onError?: (error: unknown) => void;
  /** The longest a delayed value waits while newer ones keep arriving (a steady typist). */
  maxWaitMs?: number;
}

export function createSerialWriter<T>(
  write: (value: T) => Promise<void>,
  { onError = (error) => console.error(error), maxWaitMs = 1_000 }: SerialWriterOptions = {},
): SerialWriter<T> {
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest value still waiting on a timer was scheduled. */
  let waitingSince: number | null = null;
  // `busy` is set before the drain starts and cleared when it ends, on every path, so a
  // drain that finds nothing to write can never leave the writer marked as running.
  let busy = false;
  let running: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    waitingSince = null;
  };

  const drain = async () => {
    try {
      while (waiting) {
        const { value } = waiting;
        waiting = null;
        try {
          await write(value);
        } catch (error) {
          onError(error);
        }
      }
    } finally {
      busy = false;
    }
  };

  const run = (): Promise<void> => {
    if (!busy && waiting) {
      busy = true;
      running = drain();
    }
    return busy ? running : Promise.resolve();
  };

  return {
    schedule(value, delayMs = 0) {
      waiting = { value };
      if (delayMs <= 0) {
        clearTimer();
        void run();
        return;
      }
      const now = Date.now();
      waitingSince ??= now;
      const wait = Math.max(0, Math.min(delayMs, waitingSince + maxWaitMs - now));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        waitingSince = null;
        void run();
      }, wait);
    },
    flush() {
      clearTimer();
      return run();
    },
    idle() {
      return busy ? running : Promise.resolve();
    },
  };
}
