import { describe, expect, it } from 'vitest';
import { hasMoreJsonValues } from '../../../server/http/json-values.ts';

describe('hasMoreJsonValues', () => {
  it('counts commas and openings outside strings only', async () => {
    const text = JSON.stringify({ a: [1, 2, 3], b: 'x,{[,"\\"', c: { d: null } });
    // {, [, two commas in the array, comma after it, comma before c, {: 7
    expect(await hasMoreJsonValues(text, 7)).toBe(false);
    expect(await hasMoreJsonValues(text, 6)).toBe(true);
  });

  it('scans long texts across turns of the event loop', async () => {
    const many = `[${'{},'.repeat(300_000)}{}]`;
    expect(await hasMoreJsonValues(many, 1_000_000)).toBe(false);
    expect(await hasMoreJsonValues(many, 500_000)).toBe(true);
    const longString = JSON.stringify(['x'.repeat(1_000_000), ',{['.repeat(100_000)]);
    expect(await hasMoreJsonValues(longString, 2)).toBe(false); // [ and one comma
  });
});
