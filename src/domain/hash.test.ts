import { describe, expect, it } from 'vitest';
import { bodyHash, sha256Hex } from './hash.ts';

describe('sha256Hex', () => {
  it('matches the standard test vector', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('bodyHash', () => {
  it('does not depend on key order', async () => {
    const a = await bodyHash({ women: 23, men: 17, venue: 'Кербен' });
    const b = await bodyHash({ venue: 'Кербен', men: 17, women: 23 });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a value changes', async () => {
    expect(await bodyHash({ women: 23 })).not.toBe(await bodyHash({ women: 24 }));
  });
});
