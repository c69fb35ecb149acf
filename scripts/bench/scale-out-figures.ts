/**
 * The scale-out figures as table rows: median (value), min, max and the 1-minute load
 * average when the part started. Without a PostgreSQL URL only the SQLite figures are
 * measured and a "skipped" line says how to get the rest.
 */
import { MAX_PUSH_MUTATIONS } from '../../src/domain/sync-limits.ts';
import {
  benchDatabaseUrl,
  benchDeepPull,
  benchIngestSideBySide,
  benchLoadRun,
  closeBenchDatabase,
  type EngineName,
  FILLED,
  INGEST_DEVICES,
  shapeName,
  spread,
} from './scale-out.ts';

export interface ScaleFigure {
  metric: string;
  value: number;
  unit: string;
  n: number;
  target: string;
  min: number;
  max: number;
  load: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `ingestOnly`: the ingest figures alone, without deep pulls and the load run. */
export async function benchScaleOut({ ingestOnly = false } = {}): Promise<ScaleFigure[]> {
  const figures: ScaleFigure[] = [];
  const engines: EngineName[] = benchDatabaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!benchDatabaseUrl) {
    console.log(
      'scale-out PostgreSQL figures skipped: set SEDP_BENCH_DATABASE_URL=postgres://… ' +
        '(or SEDP_TEST_DATABASE_URL) to run them',
    );
  }
  const { ingest, filled } = await benchIngestSideBySide(engines);
  try {
    for (const [key, runs] of Object.entries(ingest.runs)) {
      const s = spread(runs);
      figures.push({
        metric: `ingest_durable_${key.replaceAll(' ', '_')}`,
        value: s.median,
        unit: 'mutations/s',
        n: s.n,
        target: '>= 10,000/s',
        min: s.min,
        max: s.max,
        load: ingest.loadAtStart,
      });
    }
    const full = shapeName(1, MAX_PUSH_MUTATIONS);
    for (const size of [
      'empty',
      '200k',
      `empty ${INGEST_DEVICES} devices`,
      `200k ${INGEST_DEVICES} devices`,
      `empty${full}`,
      `200k${full}`,
    ]) {
      const sqlite = ingest.runs[`sqlite ${size}`];
      const postgres = ingest.runs[`postgres ${size}`];
      if (!sqlite || !postgres) continue;
      figures.push({
        metric: `ingest_ratio_postgres_to_sqlite_${size.replaceAll(' ', '_')}`,
        value: Math.round((spread(postgres).median / spread(sqlite).median) * 100) / 100,
        unit: 'x',
        n: postgres.length,
        target: '(reported)',
        min: Number.NaN,
        max: Number.NaN,
        load: ingest.loadAtStart,
      });
    }
    for (const engine of ingestOnly ? [] : engines) {
      const db = filled.get(engine);
      if (!db) continue;
      for (const who of ['bench-coordinator', 'bench-consultant'] as const) {
        const pull = await benchDeepPull(db, who);
        const s = spread(pull.ms);
        figures.push({
          metric: `pull_page_500_deep_${engine}_${who === 'bench-coordinator' ? 'coordinator' : 'consultant_1_district'}`,
          value: round(s.median),
          unit: 'ms',
          n: s.n,
          target: `< 50 ms (cursor in rev ${Math.round(pull.maxRev / 2)}..${pull.maxRev}, ${FILLED} filled)`,
          min: round(s.min),
          max: round(s.max),
          load: pull.loadAtStart,
        });
      }
    }
  } finally {
    for (const db of filled.values()) await closeBenchDatabase(db);
  }
  if (benchDatabaseUrl && !ingestOnly) {
    const run = await benchLoadRun();
    const whole = `${run.devices} devices, 2 processes`;
    figures.push(
      {
        metric: 'load_run_postgres_throughput',
        value: run.mutationsPerSecond,
        unit: 'mutations/s',
        n: run.mutations,
        target: `(reported; ${whole})`,
        min: Number.NaN,
        max: Number.NaN,
        load: run.loadAtStart,
      },
      {
        metric: 'load_run_postgres_push_100_p95',
        value: round(run.pushMs.p95),
        unit: 'ms',
        n: run.pushMs.n,
        target: `< 150 ms (median ${round(run.pushMs.median)})`,
        min: round(run.pushMs.min),
        max: round(run.pushMs.max),
        load: run.loadAtStart,
      },
      {
        metric: 'load_run_postgres_5xx',
        value: run.serverErrors,
        unit: 'responses',
        n: run.pushMs.n,
        target: '0',
        min: Number.NaN,
        max: Number.NaN,
        load: run.loadAtStart,
      },
      {
        metric: 'load_run_postgres_applied_once',
        value: run.distinctMutations,
        unit: 'mutations',
        n: run.revisions,
        target: `${run.mutations} (n = revisions stored)`,
        min: Number.NaN,
        max: Number.NaN,
        load: run.loadAtStart,
      },
      {
        metric: 'load_run_postgres_pulls_exact',
        value: run.pullChecksPassed,
        unit: 'devices',
        n: run.devices,
        target: `${run.devices} (each got exactly its district's notes)`,
        min: Number.NaN,
        max: Number.NaN,
        load: run.loadAtStart,
      },
    );
  }
  return figures;
}
