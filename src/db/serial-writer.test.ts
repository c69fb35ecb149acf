import { describe, expect, it, vi } from 'vitest';
import { createSerialWriter } from './serial-writer.ts';

describe('serial writer', () => {
  it('writes one at a time, in order, skipping values overtaken while a write runs', async () => {
    const written: number[] = [];
    let active = 0;
    const writer = createSerialWriter<number>(async (value) => {
      active += 1;
      expect(active).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
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
    vi.useRealTimers();
  });

  it('keeps going after a failed write and reports it', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const writer = createSerialWriter<number>(
      async (value) => {
        if (value === 1) throw new Error('disk full');
        written.push(value);
      },
      (error) => errors.push(error),
    );
    writer.schedule(1);
    await writer.idle();
    writer.schedule(2);
    await writer.flush();
    expect(written).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});
