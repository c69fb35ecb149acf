/**
 * The attachments (blobs, named by SHA-256) a record body names: a hearing's
 * `photos[].sha256`, an evaluation answer's `photo`, a milestone's `attachment`. Found
 * by key anywhere in the body, so a field of that name added later counts too. The server
 * keeps them as an index (record → blob), so a blob is served only to those who may read
 * a record naming it.
 */

/** Keys under which record bodies name a blob. */
export const BLOB_REFERENCE_KEYS: readonly string[] = ['sha256', 'photo', 'attachment'];

const SHA256 = /^[0-9a-f]{64}$/;

/** Deeper than any record schema nests; bodies are validated before this runs anyway. */
const MAX_DEPTH = 32;

/** The distinct blob hashes a body names, in the order first met. */
export function blobReferences(body: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        if (BLOB_REFERENCE_KEYS.includes(key) && SHA256.test(item)) found.add(item);
      } else {
        visit(item, depth + 1);
      }
    }
  };
  visit(body, 0);
  return [...found];
}
