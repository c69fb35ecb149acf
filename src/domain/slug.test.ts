import { describe, expect, it } from 'vitest';
import { slugify, uniqueCode } from './slug.ts';

describe('slugify', () => {
  it('turns names in any language into codes', () => {
    expect(slugify('Кочкор-Ата')).toBe('kochkor-ata');
    expect(slugify('Жаңы-Жол айыл аймагы')).toBe('jangy-jol-ayyl-aymagy');
    expect(slugify('Shamaldy-Say')).toBe('shamaldy-say');
    expect(slugify('  ')).toBe('');
  });

  it('avoids codes already taken', () => {
    expect(uniqueCode('kerben', new Set(['kerben', 'kerben-2']))).toBe('kerben-3');
    expect(uniqueCode('', new Set())).toBe('territory');
  });
});
