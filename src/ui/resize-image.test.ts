import { describe, expect, it } from 'vitest';
import { scaledSize } from './resize-image.ts';

describe('photo size', () => {
  it('brings the long side down to 1600 px and keeps the shape', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
