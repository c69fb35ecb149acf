import { describe, expect, it } from 'vitest';
import { contentRange, parseContentRange } from './blob-upload.ts';

describe('Content-Range for chunked blob uploads', () => {
  it('writes the last byte inclusively and reads back what it wrote', () => {
    expect(contentRange(0, 262_144, 1_000_000)).toBe('bytes 0-262143/1000000');
    expect(parseContentRange(contentRange(262_144, 524_288, 1_000_000))).toEqual({
      start: 262_144,
      end: 524_287,
      total: 1_000_000,
    });
    expect(parseContentRange('bytes 999999-999999/1000000')).toEqual({
      start: 999_999,
      end: 999_999,
      total: 1_000_000,
    });
  });

  it('refuses malformed and inconsistent ranges', () => {
    for (const header of [
      undefined,
      '',
      'bytes */100',
      'bytes 0-99/*',
      'items 0-9/10',
      'bytes 10-9/100',
      'bytes 0-100/100',
      'bytes -1-5/10',
      'bytes 0-5/10 extra',
      'bytes 0-1e3/2000',
      `bytes 0-1/${'9'.repeat(20)}`,
    ]) {
      expect(parseContentRange(header), String(header)).toBeUndefined();
    }
  });
});
