import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('nestsDeeperThan', () => {
  it('counts levels of objects and arrays', () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
  });

  it('walks a body far deeper than the stack allows without overflowing', () => {
    expect(nestsDeeperThan(nested(200_000))).toBe(true);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
  });

  it('refuses to canonicalise what nests too deeply, with a plain error', () => {
    expect(() => canonicalJson(nested(200_000))).toThrow(/too deeply/);
    expect(canonicalJson(nested(3))).toBe('{"a":[{"a":1}]}');
  });
});
