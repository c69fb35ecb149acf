// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Allowlist, boundaryProblems, readImportEdges } from './testing/import-boundaries.ts';

// The layers and their rules are listed in ./testing/import-boundaries.ts.

/**
 * Known exceptions, each with its reason. Add none without one; remove an entry once its
 * cause is gone.
 */
const KNOWN_EXCEPTIONS: Allowlist = {
  imports: [],
  cycles: [
    // Type-only on one side: list-index.ts names the database's type for its tables, and
    // the database's schema upgrade rebuilds the index. Erased at build; breaking it means
    // moving the table row types (outbox, conflicts, list pages) into a file of their own.
    ['src/db/database.ts', 'src/db/list-index.ts'],
  ],
};

const root = fileURLToPath(new URL('..', import.meta.url));

describe('import boundaries', () => {
  it('keeps the layers of src/ and server/ and has no import cycle', () => {
    const edges = readImportEdges(root, ['src', 'server']);
    expect(edges.length).toBeGreaterThan(100);
    const problems = boundaryProblems(edges, KNOWN_EXCEPTIONS).map((p) => p.message);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
