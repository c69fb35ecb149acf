import { describe, expect, it } from 'vitest';
import { WORK_PLAN_SEED } from '../../server/seed/work-plan-seed.ts';
import { H1, H2, H3, MILESTONES, T1, TERRITORIES } from '../testing/dashboard-fixtures.ts';
import { genderFigures, hearingSource } from './gender-figures.ts';
import { keyFiguresSchema } from './lessons-report.ts';
import { keyFiguresOf } from './report-figures.ts';
import { buildTerritoryTree } from './territory-tree.ts';
import { milestoneEvidence, workPlanProgress } from './work-plan-progress.ts';

describe('key figures of a report', () => {
  it('quotes attendance, proposals and the work plan (hand-computed)', () => {
    const tree = buildTerritoryTree(TERRITORIES, 'en');
    const gender = genderFigures(
      [hearingSource(H1), hearingSource(H2), hearingSource(H3), T1],
      {},
      null,
      tree,
    );
    const plan = WORK_PLAN_SEED.map(({ id, ...body }) => ({ id, body }));
    const progress = workPlanProgress(
      plan,
      {
        'towns-trained': [],
        'drafts-submitted': milestoneEvidence(MILESTONES, 'draft-submitted'),
        'drafts-evaluated': [],
        'council-approvals': milestoneEvidence(MILESTONES, 'approved'),
        report: [],
        presentation: [],
      },
      new Date(2025, 5, 1),
    );
    const figures = keyFiguresOf(progress, gender, '2025-06-01');
    expect(figures).toMatchObject({
      hearings: 3,
      trainings: 1,
      participants: 83,
      women: 48,
      men: 35,
      proposals: 5,
      proposalsAccepted: 3,
      fromWomen: { raised: 3, accepted: 2 },
      fromYouth: { raised: 2, accepted: 1 },
    });
    expect(figures.workPlan.map((w) => [w.number, w.actual, w.status])).toEqual([
      [1, 0, 'late'],
      [2, 3, 'late'],
      [3, 0, 'late'],
      [4, 0, 'late'],
      [5, 1, 'late'],
      [6, 0, 'late'],
    ]);
    expect(keyFiguresSchema.safeParse(figures).success).toBe(true);
  });
});
