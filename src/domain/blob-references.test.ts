import { describe, expect, it } from 'vitest';
import { blobReferences } from './blob-references.ts';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const c = 'c'.repeat(64);

describe('blobReferences', () => {
  it('finds hearing photos, evaluation answer photos and milestone attachments', () => {
    expect(
      blobReferences({ photos: [{ sha256: a, kind: 'attendance-sheet' }, { sha256: a }] }),
    ).toEqual([a]);
    expect(blobReferences({ answers: { c1: { photo: b }, c2: { score: 1 } } })).toEqual([b]);
    expect(blobReferences({ attachment: c, note: a })).toEqual([c]);
  });

  it('ignores hashes under other keys and strings that are not hashes', () => {
    expect(blobReferences({ text: a, photo: 'not-a-hash', sha256: a.toUpperCase() })).toEqual([]);
  });
});
