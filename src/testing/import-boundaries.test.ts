// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  boundaryProblems,
  findCycles,
  type ImportEdge,
  importSpecifiers,
  resolveSpecifier,
} from './import-boundaries.ts';

/** A tiny graph from "file: specifier, specifier" lines. */
function graph(files: Record<string, readonly string[]>): ImportEdge[] {
  return Object.entries(files).flatMap(([from, specifiers]) =>
    specifiers.map((specifier) => ({ from, specifier, to: resolveSpecifier(from, specifier) })),
  );
}

describe('the import boundary checker', () => {
  it('reads static, type, re-export and dynamic imports, and skips comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type {\n  B,\n} from '../b.ts';",
      "export { c } from './c.ts';",
      "import './d.css';",
      "const e = () => import('./e.tsx');",
      "// import { f } from './f.ts';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './e.tsx']);
  });

  it('finds a feature importing another feature, and names the file and the import', () => {
    const problems = boundaryProblems(
      graph({
        'src/features/hearings/editor.tsx': ['../trainings/roster.tsx', './fields.tsx'],
        'src/features/hearings/fields.tsx': ['../../records/roster.tsx'],
        'src/features/trainings/roster.tsx': [],
        'src/records/roster.tsx': [],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.rule).toBe('feature-to-feature');
    expect(problems[0]?.message).toContain(
      "src/features/hearings/editor.tsx imports '../trainings/roster.tsx'",
    );
  });

  it('finds ui importing db or sync, and domain importing anything but itself and zod', () => {
    const problems = boundaryProblems(
      graph({
        'src/ui/picker.tsx': ['../db/hooks.ts', '../domain/territory.ts', 'react'],
        'src/ui/photo.tsx': ['../sync/attachments.ts'],
        'src/domain/hearing.ts': ['zod', 'zod/mini', './record.ts', 'react'],
        'src/domain/record.ts': ['../db/app-db.ts'],
        'src/domain/hearing.test.ts': ['vitest', 'fast-check', './hearing.ts'],
        'src/db/hooks.ts': [],
        'src/db/app-db.ts': [],
        'src/sync/attachments.ts': [],
        'src/domain/territory.ts': [],
      }),
    );
    expect(problems.map((p) => [p.rule, p.message.split(':')[0]])).toEqual([
      ['ui-to-db-or-sync', "src/ui/picker.tsx imports '../db/hooks.ts'"],
      ['ui-to-db-or-sync', "src/ui/photo.tsx imports '../sync/attachments.ts'"],
      ['domain-not-pure', "src/domain/hearing.ts imports 'react'"],
      ['domain-not-pure', "src/domain/record.ts imports '../db/app-db.ts'"],
    ]);
  });

  it('finds a shared floor importing a layer above it', () => {
    const problems = boundaryProblems(
      graph({
        'src/ui/picker.tsx': ['../records/use-territory-tree.ts'],
        'src/records/editor.ts': ['../features/hearings/route.tsx', '../ui/picker.tsx'],
        'src/db/hooks.ts': ['../app/router.tsx'],
      }),
    );
    expect(problems.map((p) => [p.rule, p.message.split(':')[0]])).toEqual([
      ['upward', "src/ui/picker.tsx imports '../records/use-territory-tree.ts'"],
      ['upward', "src/records/editor.ts imports '../features/hearings/route.tsx'"],
      ['upward', "src/db/hooks.ts imports '../app/router.tsx'"],
    ]);
  });

  it('finds an import cycle and gives the path round it', () => {
    const edges = graph({
      'src/db/a.ts': ['./b.ts'],
      'src/db/b.ts': ['../sync/c.ts'],
      'src/sync/c.ts': ['../db/a.ts', './d.ts'],
      'src/sync/d.ts': [],
      'server/e.ts': ['./e.ts'],
    });
    expect(findCycles(edges).map((c) => c.path)).toEqual([
      ['src/db/a.ts', 'src/db/b.ts', 'src/sync/c.ts', 'src/db/a.ts'],
      ['server/e.ts', 'server/e.ts'],
    ]);
    expect(boundaryProblems(edges).map((p) => p.message)).toEqual([
      'import cycle: src/db/a.ts -> src/db/b.ts -> src/sync/c.ts -> src/db/a.ts',
      'import cycle: server/e.ts -> server/e.ts',
    ]);
  });

  it('lets through what the allowlist names, and nothing more', () => {
    const edges = graph({
      'src/features/a/x.ts': ['../b/y.ts', '../c/z.ts'],
      'src/features/b/y.ts': ['./w.ts'],
      'src/features/b/w.ts': ['./y.ts'],
      'src/features/c/z.ts': [],
    });
    const problems = boundaryProblems(edges, {
      imports: [{ from: 'src/features/a/x.ts', specifier: '../b/y.ts' }],
      cycles: [['src/features/b/y.ts', 'src/features/b/w.ts']],
    });
    expect(problems.map((p) => p.message.split(':')[0])).toEqual([
      "src/features/a/x.ts imports '../c/z.ts'",
    ]);
  });
});
