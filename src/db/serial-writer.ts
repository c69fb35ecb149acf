/**
 * Saves the latest value of something edited quickly (tally taps, typing), one write at a
 * time and in order: a value scheduled while a write runs is written right after it, and
 * values scheduled in between are skipped in favour of the newest. Nothing scheduled is
 * lost: `flush()` writes what is waiting now (page hidden, screen left).
 */
export interface SerialWriter<T> {
  /** Writes `value` after `delayMs` (0: as soon as the write before it is done). */
  schedule(value: T, delayMs?: number): void;
  /** Writes what is waiting without delay; resolves when everything scheduled is written. */
  flush(): Promise<void>;
  /** Resolves when the writer is idle. */
  idle(): Promise<void>;
}

export function createSerialWriter<T>(
  write: (value: T) => Promise<void>,
  onError: (error: unknown) => void = (error) => console.error(error),
): SerialWriter<T> {
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  const run = (): Promise<void> => {
    running ??= (async () => {
      while (waiting) {
        const { value } = waiting;
        waiting = null;
        try {
          await write(value);
        } catch (error) {
          onError(error);
        }
      }
      running = null;
    })();
    return running;
  };

  return {
    schedule(value, delayMs = 0) {
      waiting = { value };
      if (timer) clearTimeout(timer);
      timer = null;
      if (delayMs <= 0) void run();
      else
        timer = setTimeout(() => {
          timer = null;
          void run();
        }, delayMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      return waiting ? run() : (running ?? Promise.resolve());
    },
    idle() {
      return running ?? Promise.resolve();
    },
  };
}
