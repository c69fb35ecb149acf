// Reads the import graph of src/ and server/ from disk and checks it against the layer rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/*
 * Layers, from the top down; a layer imports only layers below it:
 *   app -> features -> figures -> records -> session -> ui | db | sync | export -> domain
 * A feature never imports another feature. `ui` never imports `db` or `sync`.
 * `domain` imports only itself and zod (its tests also vitest, fast-check, the seeds in
 * server/seed and the fixtures in src/testing); the server shares it. records, figures, session, ui, db, sync, export and i18n never import a layer
 * above them; `session` (the account) may be imported by sync, as sync by session.
 * No import cycles anywhere in src/ or server/.
 */

/** One import: the importing file and the resolved file (repo-relative), or null for a package. */
export interface ImportEdge {
  from: string;
  specifier: string;
  to: string | null;
}

export interface BoundaryProblem {
  rule: 'feature-to-feature' | 'ui-to-db-or-sync' | 'domain-not-pure' | 'upward' | 'cycle';
  message: string;
}

/** An import the rules allow for now, by its importing file and its specifier. */
export interface AllowedImport {
  from: string;
  specifier: string;
}

export interface Allowlist {
  imports?: readonly AllowedImport[];
  /** Cycles allowed for now, each as the set of files it runs through. */
  cycles?: readonly (readonly string[])[];
}

const SOURCE = /\.tsx?$/;

/**
 * The code of a source file with comments removed and each string literal replaced by
 * `"n"`, its index in `strings`; template literals become `""`. A quote or slash that finds
 * no partner on its line (a regular expression, JSX text) is left as code.
 */
function scan(source: string): { code: string; strings: string[] } {
  const strings: string[] = [];
  let code = '';
  let i = 0;
  const lineEnd = (from: number) => {
    const end = source.indexOf('\n', from);
    return end === -1 ? source.length : end;
  };
  /** The index of the closing `close`, skipping escapes, or -1 if the line ends first. */
  const closing = (from: number, close: string) => {
    const end = lineEnd(from);
    for (let j = from; j < end; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === close) return j;
    }
    return -1;
  };
  while (i < source.length) {
    const c = source[i] ?? '';
    const pair = source.slice(i, i + 2);
    if (pair === '//') {
      i = lineEnd(i);
    } else if (pair === '/*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
      code += ' ';
    } else if (c === "'" || c === '"') {
      const end = closing(i + 1, c);
      if (end === -1) {
        code += c;
        i++;
      } else {
        code += `"${strings.length}"`;
        strings.push(source.slice(i + 1, end));
        i = end + 1;
      }
    } else if (c === '`') {
      let depth = 0;
      let j = i + 1;
      for (; j < source.length; j++) {
        const d = source[j];
        if (d === '\\') j++;
        else if (d === '`' && depth === 0) break;
        else if (d === '{' && source[j - 1] === '$') depth++;
        else if (d === '}' && depth > 0) depth--;
      }
      code += '""';
      i = j + 1;
    } else if (c === '/' && /(^|[(,=:[!&|?{};])\s*$/.test(code.slice(-20))) {
      // A regular expression literal: skipped so its quotes are not read as strings.
      const end = closing(i + 1, '/');
      code += end === -1 ? c : '/r/';
      i = end === -1 ? i + 1 : end + 1;
    } else {
      code += c;
      i++;
    }
  }
  return { code, strings };
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\b[^;"]*?\bfrom\s*"(\d+)"/g,
  /\bimport\s*"(\d+)"/g,
  /\bimport\s*\(\s*"(\d+)"/g,
];

/** The module specifiers a TypeScript file imports (static, dynamic, re-exports), in order. */
export function importSpecifiers(source: string): string[] {
  const { code, strings } = scan(source);
  const found: { at: number; specifier: string }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      found.push({ at: match.index, specifier: strings[Number(match[1])] ?? '' });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier);
}

/** Resolves a relative specifier from a repo-relative file; null for a package import. */
export function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = specifier.replace(/[?#].*$/, '');
  return posix.normalize(posix.join(posix.dirname(from), bare));
}

/** Every import of every .ts/.tsx file under the given repo-relative folders. */
export function readImportEdges(root: string, folders: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (SOURCE.test(entry.name)) {
        const text = readFileSync(join(root, path), 'utf8');
        for (const specifier of importSpecifiers(text)) {
          edges.push({ from: path, specifier, to: resolveSpecifier(path, specifier) });
        }
      }
    }
  };
  for (const folder of folders) walk(folder);
  return edges;
}

function layerOf(path: string): string | undefined {
  const match = /^src\/([^/]+)\//.exec(path);
  return match?.[1];
}

function featureOf(path: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(path)?.[1];
}

/** Layers above the shared floors: nothing in a floor below imports them. */
const UPPER: Record<string, ReadonlySet<string>> = {
  records: new Set(['figures', 'features', 'app']),
  figures: new Set(['features', 'app']),
  session: new Set(['records', 'figures', 'features', 'app']),
  ui: new Set(['session', 'records', 'figures', 'features', 'app']),
  db: new Set(['session', 'records', 'figures', 'features', 'app']),
  sync: new Set(['records', 'figures', 'features', 'app']),
  export: new Set(['session', 'records', 'figures', 'features', 'app']),
  i18n: new Set(['session', 'records', 'figures', 'features', 'app']),
};

const DOMAIN_PACKAGES = new Set(['zod']);
const DOMAIN_TEST_PACKAGES = new Set(['zod', 'vitest', 'fast-check']);
/** Data a domain test may read besides the domain: the seeds and the test fixtures. */
const TEST_DATA = /^(server\/seed\/[^/]+-seed|src\/testing\/[^/]+-fixtures)\.ts$/;

/** The package a bare specifier names: 'zod' for 'zod/mini'. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The layer rules broken by single imports (cycles are found by `findCycles`). */
export function layerProblems(edges: readonly ImportEdge[]): BoundaryProblem[] {
  const problems: BoundaryProblem[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const at = `${edge.from} imports '${edge.specifier}'`;
    if (from === 'features' && edge.to) {
      const own = featureOf(edge.from);
      const other = featureOf(edge.to);
      if (other && other !== own) {
        problems.push({
          rule: 'feature-to-feature',
          message: `${at}: a feature never imports another feature (share it through src/records, src/ui or src/export)`,
        });
      }
    }
    if (from === 'ui' && edge.to) {
      const to = layerOf(edge.to);
      if (to === 'db' || to === 'sync') {
        problems.push({
          rule: 'ui-to-db-or-sync',
          message: `${at}: src/ui never imports src/${to} (move the code to src/records or pass the value in)`,
        });
      }
    }
    const to = edge.to ? layerOf(edge.to) : undefined;
    if (from && to && UPPER[from]?.has(to)) {
      problems.push({
        rule: 'upward',
        message: `${at}: src/${from} never imports src/${to}, which sits above it`,
      });
    }
    if (from === 'domain') {
      const test = /\.test\.tsx?$/.test(edge.from);
      const packages = test ? DOMAIN_TEST_PACKAGES : DOMAIN_PACKAGES;
      const pure = edge.to
        ? layerOf(edge.to) === 'domain' || (test && TEST_DATA.test(edge.to))
        : packages.has(packageOf(edge.specifier));
      if (!pure) {
        problems.push({
          rule: 'domain-not-pure',
          message: `${at}: src/domain imports only itself and zod`,
        });
      }
    }
  }
  return problems;
}

export interface ImportCycle {
  /** Every file of the strongly connected group, sorted. */
  files: string[];
  /** One path round the group, from its first file back to it. */
  path: string[];
}

/**
 * The import cycles among source files: one per strongly connected group of files.
 * Imports of files outside the graph (css, json, packages) are ignored.
 */
export function findCycles(edges: readonly ImportEdge[]): ImportCycle[] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, new Set());
  }
  for (const edge of edges) {
    if (edge.to && next.has(edge.to)) next.get(edge.from)?.add(edge.to);
  }

  // Tarjan's strongly connected components, iterative so deep graphs do not overflow.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; targets: Iterator<string> }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: (next.get(node) ?? new Set<string>()).values() });
    };
    open(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const step = top.targets.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) {
          low.set(top.node, Math.min(low.get(top.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          group.push(member);
        } while (member !== top.node);
        const selfLoop = group.length === 1 && next.get(top.node)?.has(top.node);
        if (group.length > 1 || selfLoop) groups.push(group);
      }
    }
  }
  return groups.map((group) => ({ files: [...group].sort(), path: cyclePath(group, next) }));
}

/** A path round a strongly connected group, starting and ending at its first file. */
function cyclePath(group: readonly string[], next: ReadonlyMap<string, Set<string>>): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0] ?? '';
  // Breadth-first from start back to start, inside the group.
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? '';
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at && at !== start; at = cameFrom.get(at)) {
          path.unshift(at);
        }
        path.unshift(start);
        return path;
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Every boundary problem of an import graph, less what the allowlist lets through for now. */
export function boundaryProblems(
  edges: readonly ImportEdge[],
  allow: Allowlist = {},
): BoundaryProblem[] {
  const allowedImports = new Set((allow.imports ?? []).map((a) => `${a.from}\0${a.specifier}`));
  const allowedCycles = new Set((allow.cycles ?? []).map((c) => [...c].sort().join('\0')));
  const kept = edges.filter((e) => !allowedImports.has(`${e.from}\0${e.specifier}`));
  const cycles = findCycles(edges)
    .filter((cycle) => !allowedCycles.has(cycle.files.join('\0')))
    .map(
      (cycle): BoundaryProblem => ({
        rule: 'cycle',
        message:
          cycle.files.length + 1 > cycle.path.length
            ? `import cycle: ${cycle.path.join(' -> ')} (one of the loops among ${cycle.files.join(', ')})`
            : `import cycle: ${cycle.path.join(' -> ')}`,
      }),
    );
  return [...layerProblems(kept), ...cycles];
}
