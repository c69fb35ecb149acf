import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSerialWriter } from './serial-writer.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serial writer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes one at a time, in order, skipping values overtaken while a write runs', async () => {
    const written: number[] = [];
    let active = 0;
    const writer = createSerialWriter<number>(async (value) => {
      active += 1;
      expect(active).toBe(1);
      await pause(5);
      written.push(value);
      active -= 1;
    });
    writer.schedule(1);
    writer.schedule(2);
    writer.schedule(3);
    await writer.flush();
    expect(written).toEqual([1, 3]);
  });

  it('delays typing, and flush writes the waiting value at once', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const writer = createSerialWriter<string>(write);
    writer.schedule('a', 400);
    writer.schedule('ab', 400);
    expect(write).not.toHaveBeenCalled();
    await writer.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('ab');
  });

  it('keeps going after a failed write and reports it', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const writer = createSerialWriter<number>(
      async (value) => {
        if (value === 1) throw new Error('disk full');
        written.push(value);
      },
      { onError: (error) => errors.push(error) },
    );
    writer.schedule(1);
    await writer.idle();
    writer.schedule(2);
    await writer.flush();
    expect(written).toEqual([2]);
    expect(errors).toHaveLength(1);
  });

  // The field failure: a tap's write is running when a letter is typed; the write loop
  // takes the typed text along, then the typing timer fires with nothing left to write.
  // The old writer stayed marked as running for ever and dropped every later change.
  it('still writes after a timer fires with nothing left to write', async () => {
    const written: string[] = [];
    const writer = createSerialWriter<string>(async (value) => {
      await pause(10);
      written.push(value);
    });
    writer.schedule('tapped');
    writer.schedule('tapped and typed', 30); // picked up by the running write loop
    await pause(60); // the typing timer has fired by now, with nothing waiting
    writer.schedule('later');
    await pause(30);
    expect(written).toEqual(['tapped', 'tapped and typed', 'later']);
    writer.schedule('last', 5);
    await writer.flush();
    expect(written.at(-1)).toBe('last');
  });

  it('writes a steady typist at least once within the longest wait', async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const writer = createSerialWriter<string>(
      async (value) => {
        written.push(value);
      },
      { maxWaitMs: 1_000 },
    );
    let text = '';
    for (let i = 0; i < 10; i += 1) {
      text += 'a';
      writer.schedule(text, 400);
      await vi.advanceTimersByTimeAsync(300); // faster than the typing delay
    }
    expect(written.length).toBeGreaterThanOrEqual(2);
    await writer.flush();
    expect(written.at(-1)).toBe(text);
  });

  it('always ends having written the last value, whatever the timing (property)', async () => {
    const step = fc.record({
      delay: fc.constantFrom(0, 0, 1, 3, 5),
      gap: fc.integer({ min: 0, max: 6 }),
      writeMs: fc.integer({ min: 0, max: 4 }),
      fails: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const stored: number[] = [];
        let active = 0;
        let overlap = false;
        const writer = createSerialWriter<number>(
          async (value) => {
            active += 1;
            if (active > 1) overlap = true;
            const s = steps[value];
            await pause(s?.writeMs ?? 0);
            active -= 1;
            // The last value is never made to fail: a failure is reported, not retried.
            if (s?.fails && value !== steps.length - 1) throw new Error('write failed');
            stored.push(value);
          },
          { onError: () => {}, maxWaitMs: 8 },
        );
        for (const [i, s] of steps.entries()) {
          writer.schedule(i, s.delay);
          if (s.gap > 0) await pause(s.gap);
        }
        // Whatever happened, the newest value reaches storage without a flush…
        await pause(20);
        await writer.idle();
        expect(stored.at(-1)).toBe(steps.length - 1);
        // …writes never overlap and never go backwards…
        expect(overlap).toBe(false);
        expect([...stored].sort((a, b) => a - b)).toEqual(stored);
        // …and the writer still works afterwards.
        writer.schedule(steps.length, 1);
        await writer.flush();
        expect(stored.at(-1)).toBe(steps.length);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
