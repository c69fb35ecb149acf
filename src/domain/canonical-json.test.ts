import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    const one = { women: 23, men: 17, groups: { youth: 6, elderly: 2 } };
    const two = { groups: { elderly: 2, youth: 6 }, men: 17, women: 23 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('drops undefined members like JSON.stringify, keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
  });

  it('keeps Cyrillic text as it is', () => {
    expect(canonicalJson({ name: 'Кочкор-Ата', ky: 'Шамалды-Сай, ң ө ү' })).toBe(
      '{"ky":"Шамалды-Сай, ң ө ү","name":"Кочкор-Ата"}',
    );
  });

  it('refuses values with no JSON form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
