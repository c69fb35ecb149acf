import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../../server/http/read-json.ts';

describe('concurrencyLimit', () => {
  it('runs at most the limit at once, the rest in arrival order, and never stalls', async () => {
    const limit = concurrencyLimit(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number, ms: number) =>
      limit.run(async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, ms));
        active -= 1;
        order.push(n);
        if (n === 3) throw new Error('a failed task frees its slot too');
        return n;
      });
    const results = await Promise.allSettled([
      task(1, 20),
      task(2, 5),
      task(3, 5),
      task(4, 5),
      task(5, 1),
    ]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(5));
    expect(await limit.run(async () => 'still works')).toBe('still works');
  });
});
