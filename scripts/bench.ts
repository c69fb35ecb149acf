/**
 * `npm run bench`: measures SEDP Field against its targets (DESIGN.md). Prints a table;
 * with --json, one JSON object per line: {"metric", "value", "unit", "n", "min", "max",
 * "load"}: value is the median of the runs, load the 1-minute load average when the part
 * started. Bundle figures need a build (`npm run build`); the others start their own server.
 * Parts: `-- --sync` runs only the sync figures (Node, and Chromium side by side with
 * PouchDB), `-- --scale` only the scale-out ones (server ingest, deep pulls, load run),
 * `-- --scale --ingest-only` only its ingest figures, `-- --lighthouse` only the first-visit
 * scores.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { measureBundle } from './bench/bundle-size.ts';
import { benchDeviceScale, type Spread } from './bench/device-scale.ts';
import { benchDeviceSync } from './bench/device-sync.ts';
import { benchLighthouse, type LighthouseRun } from './bench/lighthouse.ts';
import { benchScaleOut } from './bench/scale-out-figures.ts';
import { benchPushSideBySide, benchScreenDuringPush } from './bench/sync-side-by-side.ts';
import { benchTallyTaps } from './bench/tally-tap.ts';

interface Figure {
  metric: string;
  value: number;
  unit: string;
  n: number;
  target: string;
  min?: number;
  max?: number;
  load?: number;
}

const root = path.resolve(import.meta.dirname, '..');
const figures: Figure[] = [];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const RUNS = 5;
const onlyScale = process.argv.includes('--scale');
const onlySync = process.argv.includes('--sync');
const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** A figure from several runs: the median, with min, max and the load average given. */
function spreadFigure(
  metric: string,
  values: number[],
  unit: string,
  n: number,
  target: string,
  load: number,
  digits = 3,
): Figure {
  return {
    metric,
    value: round(median(values), digits),
    unit,
    n,
    target,
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    load,
  };
}

const onlyLighthouse = process.argv.includes('--lighthouse');
const option = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

if (onlyLighthouse) {
  // `npm run bench -- --lighthouse [--runs=3] [--baseline=path/to/other/dist]`
  const runs = Math.max(1, Number(option('runs') ?? 3));
  const baseline = option('baseline');
  const builds: Record<string, string> = { build: path.join(root, 'dist') };
  if (baseline) builds.baseline = path.resolve(baseline);
  const all = await benchLighthouse(builds, runs);
  const SETTING = { cpu1: 'cpu_slowdown_1', mobile: 'default_mobile' } as const;
  const TARGET = { cpu1: '>= 95', mobile: '>= 80 (quiet machine)' } as const;
  const spread = (values: number[]) => ({
    value: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  });
  for (const label of Object.keys(builds)) {
    for (const setting of ['cpu1', 'mobile'] as const) {
      const group = all.filter((r) => r.build === label && r.setting === setting);
      const prefix = `lighthouse_${label === 'build' ? '' : `${label}_`}${SETTING[setting]}`;
      const load = round(group[0]?.load ?? Number.NaN, 2);
      const pick = (key: keyof Omit<LighthouseRun, 'build' | 'setting'>, digits: number) => {
        const s = spread(group.map((r) => r[key]));
        return {
          value: round(s.value, digits),
          min: round(s.min, digits),
          max: round(s.max, digits),
        };
      };
      figures.push(
        {
          metric: `${prefix}_performance`,
          unit: 'score',
          n: group.length,
          target: TARGET[setting],
          load,
          ...pick('performance', 0),
        },
        {
          metric: `${prefix}_fcp`,
          unit: 'ms',
          n: group.length,
          target: '',
          load,
          ...pick('fcpMs', 0),
        },
        {
          metric: `${prefix}_lcp`,
          unit: 'ms',
          n: group.length,
          target: '',
          load,
          ...pick('lcpMs', 0),
        },
        {
          metric: `${prefix}_cls`,
          unit: '',
          n: group.length,
          target: '< 0.1',
          load,
          ...pick('cls', 3),
        },
        {
          metric: `${prefix}_tbt`,
          unit: 'ms',
          n: group.length,
          target: '',
          load,
          ...pick('tbtMs', 0),
        },
      );
    }
  }
  if (baseline) {
    // Same load for both builds (runs alternate): the ratio of the medians.
    for (const setting of ['cpu1', 'mobile'] as const) {
      const score = (label: string) =>
        median(
          all.filter((r) => r.build === label && r.setting === setting).map((r) => r.performance),
        );
      figures.push({
        metric: `lighthouse_${SETTING[setting]}_performance_vs_baseline`,
        value: round(score('build') / score('baseline'), 2),
        unit: 'x',
        n: runs,
        target: '(reported)',
      });
    }
  }
  if (!process.argv.includes('--json')) {
    console.table(
      all.map((r) => ({
        build: r.build,
        setting: SETTING[r.setting],
        performance: r.performance,
        fcp_ms: Math.round(r.fcpMs),
        lcp_ms: Math.round(r.lcpMs),
        cls: round(r.cls, 3),
        tbt_ms: Math.round(r.tbtMs),
        load: round(r.load, 2),
      })),
    );
  }
}

if (!onlyScale && !onlyLighthouse && !onlySync) {
  const bundle = measureBundle(path.join(root, 'dist'));
  figures.push(
    {
      metric: 'first_route_js_gzip',
      value: round(bundle.firstRouteJsGzip / 1024),
      unit: 'KB',
      n: bundle.firstRouteFiles,
      target: '<= 150 KB',
    },
    {
      metric: bundle.signInLoadsDexie
        ? 'sign_in_js_gzip_WITH_DEXIE'
        : 'sign_in_js_gzip_without_dexie',
      value: round(bundle.signInJsGzip / 1024),
      unit: 'KB',
      n: bundle.signInFiles,
      target: '<= 150 KB, no Dexie',
    },
    {
      metric: 'precache_first_visit_transfer',
      value: round(bundle.precacheTransferBytes / 1024),
      unit: 'KB',
      n: bundle.precacheEntries,
      target: '<= 700 KB',
    },
    {
      metric: 'precache_raw_on_device',
      value: round(bundle.precacheBytes / 1024),
      unit: 'KB',
      n: bundle.precacheEntries,
      target: '(reported)',
    },
  );

  // 150 taps on a hearing's counters in Chromium at 360 px: each until it is in IndexedDB.
  const tapLoad = load1();
  const taps = (await benchTallyTaps(150)).sort((a, b) => a - b);
  figures.push({
    metric: 'tally_tap_to_indexeddb_p95',
    value: round(taps[Math.floor(taps.length * 0.95)] ?? Number.NaN),
    unit: 'ms',
    n: taps.length,
    target: '< 50 ms',
    min: round(taps[0] ?? Number.NaN),
    max: round(taps[taps.length - 1] ?? Number.NaN),
    load: tapLoad,
  });

  // A coordinator's device with 5,000 and 50,000 hearings (and a twentieth as many
  // trainings): the first download, the hearings list opened and searched, the dashboard.
  const deviceFigure = (metric: string, f: Spread, n: number, unit: string, target: string) => ({
    metric,
    value: unit === 's' ? round(f.median / 1000, 2) : f.median,
    unit,
    n,
    target,
    min: unit === 's' ? round(f.min / 1000, 2) : f.min,
    max: unit === 's' ? round(f.max / 1000, 2) : f.max,
    load: f.load,
  });
  for (const n of [5_000, 50_000]) {
    const device = await benchDeviceScale(n, n > 10_000 ? 3 : RUNS);
    const k = `${n / 1000}k`;
    figures.push(
      deviceFigure(`first_download_${k}_chromium`, device.firstDownload, n, 's', '< 30 s at 50k'),
      deviceFigure(`hearing_list_${k}_open`, device.listOpen, n, 'ms', '< 300 ms'),
      deviceFigure(`hearing_list_${k}_open_after_reload`, device.listOpenCold, n, 'ms', '< 300 ms'),
      deviceFigure(`hearing_list_${k}_search`, device.listSearch, n, 'ms', '< 200 ms'),
      deviceFigure(`dashboard_${k}_render`, device.dashboard, n, 'ms', '< 1,000 ms'),
    );
    if (!device.progressShown) console.error(`No download progress was seen at ${n}`);
  }
}

// Sync; `npm run bench -- --sync` runs only this.
if (!onlyScale && !onlyLighthouse) {
  // Node, Dexie over fake-indexeddb, to the real server: one warm-up run, then RUNS.
  await benchDeviceSync(1000);
  const deviceLoad = load1();
  const syncRuns = [];
  for (let i = 0; i < RUNS; i += 1) syncRuns.push(await benchDeviceSync(1000));
  figures.push(
    spreadFigure(
      'sync_1000_records_node_fake_indexeddb',
      syncRuns.map((r) => r.seconds),
      's',
      1000,
      '< 0.2 s',
      deviceLoad,
    ),
    spreadFigure(
      'push_bytes_vs_gzip_of_batch_json',
      syncRuns.map((r) => r.wireRatio),
      'x',
      1000,
      '<= 1.2 x',
      deviceLoad,
      2,
    ),
  );

  // In Chromium, side by side with PouchDB: the same records, RUNS rounds after a warm-up,
  // alternating which goes first. SEDP's push ends at the last acknowledgement settled on
  // the device; its cycle includes the pull that follows.
  const side = await benchPushSideBySide([1000, 5000], RUNS);
  console.log(
    `PouchDB for comparison: ${side.adapters.browser} adapter in Chromium, ` +
      `express-pouchdb on ${side.adapters.server} (leveldown, no flush to disk per write)`,
  );
  for (const size of side.sizes) {
    const n = size.n;
    figures.push(
      spreadFigure(
        `sync_push_${n}_chromium_sedp`,
        size.sedpPush,
        's',
        n,
        n === 1000 ? '< 0.5 s (quiet machine)' : '(reported)',
        size.loadAtStart,
      ),
      spreadFigure(
        `sync_push_${n}_chromium_pouchdb`,
        size.pouch,
        's',
        n,
        '(reported)',
        size.loadAtStart,
      ),
      spreadFigure(
        `sync_push_${n}_ratio_sedp_to_pouchdb`,
        size.ratios,
        'x',
        n,
        '<= 0.5 x',
        size.loadAtStart,
        2,
      ),
      spreadFigure(
        `sync_cycle_${n}_chromium_sedp_push_then_pull`,
        size.sedpCycle,
        's',
        n,
        '(reported)',
        size.loadAtStart,
      ),
    );
    const total = Object.values(size.marks).reduce((a, b) => a + b, 0);
    console.log(
      `SEDP ${n} records of ${size.recordBytes} bytes, engine marks over ${RUNS} runs: ` +
        Object.entries(size.marks)
          .map(([name, ms]) => `${name} ${Math.round((ms / total) * 100)} %`)
          .join(', '),
    );
  }

  // The same push with the hearings list open on 8,000 hearings, against the Sync screen.
  const screens = await benchScreenDuringPush(8000, 1000, RUNS);
  figures.push(
    spreadFigure(
      'sync_push_1000_hearings_list_8000_open_vs_sync_screen',
      screens.ratios,
      'x',
      1000,
      '<= 1.2 x',
      screens.loadAtStart,
      2,
    ),
  );
}

// Scale-out, side by side (SQLite and PostgreSQL): server ingest of gzip batches from a
// consultant, empty and with 200,000 records stored; `npm run bench -- --scale` runs only this,
// `-- --scale --ingest-only` only its ingest figures (to compare two versions of the server).
if (!onlySync && !onlyLighthouse) {
  figures.push(...(await benchScaleOut({ ingestOnly: process.argv.includes('--ingest-only') })));
}

if (process.argv.includes('--json')) {
  for (const { metric, value, unit, n, min, max, load } of figures) {
    console.log(JSON.stringify({ metric, value, unit, n, min, max, load }));
  }
} else {
  console.table(figures);
}
