import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../../server/seed/checklist-seed.ts';
import { buildTerritoryTree } from '../../domain/territory-tree.ts';
import type { ExportWords } from '../../export/tables.ts';
import type { DashboardData } from '../../figures/use-dashboard-data.ts';
import { T, TERRITORIES } from '../../testing/dashboard-fixtures.ts';
import { exportTablesOfOthers } from './export-others.ts';

const WORDS: ExportWords = {
  column: (key) => key,
  table: (key) => key,
  territory: (id) => id,
  regionOf: () => '',
  group: (code) => code,
  position: (code) => code,
  module: (code) => code,
  term: (kind, code) => `${kind}:${code}`,
};

const [seed] = CHECKLIST_TEMPLATE_SEED;
const templateId = seed?.id ?? '';
const evaluation = (id: string, districtId: string, territoryId: string, date: string) => ({
  id,
  body: {
    districtId,
    territoryId,
    draftLabel: 'Проект 1',
    evaluator: 'Эксперт',
    date,
    templateId,
    answers: { 'working-group-composition': { score: 1 } },
    status: 'final',
  },
});

const data = {
  tree: buildTerritoryTree(TERRITORIES, 'en'),
  trainings: [],
  evaluations: [
    evaluation('e-kochkor', T.nooken, T.kochkor, '2025-03-10'),
    evaluation('e-nooken', T.nooken, T.nooken, '2025-04-10'),
    evaluation('e-kerben', T.aksy, T.kerben, '2025-03-20'),
    evaluation('e-old', T.nooken, T.kochkor, '2024-03-10'),
    // Not an evaluation the device can read: left out.
    { id: 'e-broken', body: { districtId: T.nooken, date: '2025-03-10' } },
  ],
  templates: seed ? [{ id: seed.id, body: seed }] : [],
} as unknown as DashboardData;

describe('exports of trainings and evaluations', () => {
  it('exports the evaluations within the filter and scope, scored by their template', () => {
    const ids = (filter: Parameters<typeof exportTablesOfOthers>[1], scope: string[] | null) =>
      exportTablesOfOthers(data, filter, scope, WORDS)
        .find((t) => t.key === 'evaluations')
        ?.table.rows.map((r) => r[0]);
    expect(ids({ from: '2025-01-01' }, null)).toEqual(['e-kochkor', 'e-kerben', 'e-nooken']);
    expect(ids({ from: '2025-01-01', districtId: T.nooken }, null)).toEqual([
      'e-kochkor',
      'e-nooken',
    ]);
    expect(ids({ municipalityId: T.kochkor }, null)).toEqual(['e-old', 'e-kochkor']);
    expect(ids({ from: '2025-01-01' }, [T.aksy])).toEqual(['e-kerben']);
    const table = exportTablesOfOthers(data, { districtId: T.aksy }, null, WORDS).find(
      (t) => t.key === 'evaluations',
    )?.table;
    // One criterion of inclusivity scored 1: 100 % there and overall, version 1.
    expect(table?.rows[0]?.slice(8)).toEqual([1, 100, null, null, null, 100, 0]);
  });
});
