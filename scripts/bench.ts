/**
 * `npm run bench`: measures SEDP Field against its targets (DESIGN.md). Prints a table;
 * with --json, one JSON object per line: {"metric", "value", "unit", "n"}.
 * Run after `npm run build`.
 */
import path from 'node:path';
import { measureBundle } from './bench/bundle-size.ts';

interface Figure {
  metric: string;
  value: number;
  unit: string;
  n: number;
  target: string;
}

const root = path.resolve(import.meta.dirname, '..');
const figures: Figure[] = [];

const bundle = measureBundle(path.join(root, 'dist'));
figures.push(
  {
    metric: 'first_route_js_gzip',
    value: Math.round(bundle.firstRouteJsGzip / 102.4) / 10,
    unit: 'KB',
    n: bundle.firstRouteFiles,
    target: '<= 150 KB',
  },
  {
    metric: 'precache_total',
    value: Math.round(bundle.precacheBytes / 102.4) / 10,
    unit: 'KB',
    n: bundle.precacheEntries,
    target: '<= 700 KB',
  },
);

if (process.argv.includes('--json')) {
  for (const { metric, value, unit, n } of figures) {
    console.log(JSON.stringify({ metric, value, unit, n }));
  }
} else {
  console.table(
    figures.map(({ metric, value, unit, n, target }) => ({ metric, value, unit, n, target })),
  );
}
