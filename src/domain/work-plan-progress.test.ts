import { describe, expect, it } from 'vitest';
import { WORK_PLAN_SEED } from '../../server/seed/work-plan-seed.ts';
import { MILESTONES, T, TERRITORIES } from '../testing/dashboard-fixtures.ts';
import type { LessonsReport } from './lessons-report.ts';
import { buildTerritoryTree } from './territory-tree.ts';
import {
  activityStatus,
  type Evidence,
  evaluatedEvidence,
  filterEvidence,
  milestoneEvidence,
  reportEvidence,
  workPlanProgress,
} from './work-plan-progress.ts';

const tree = buildTerritoryTree(TERRITORIES, 'en');
const PLAN = WORK_PLAN_SEED.map(({ id, ...body }) => ({ id, body }));

const report = (id: string, body: Partial<LessonsReport>) => ({
  id,
  updatedAt: '2025-03-05T10:00:00.000Z',
  body: {
    title: 'Lessons',
    language: 'en',
    challenges: '',
    lessons: '',
    recommendations: '',
    status: 'draft',
    ...body,
  } as LessonsReport,
});
const REPORTS = [
  report('r1', { status: 'final' }),
  report('r2', { status: 'final', districtId: T.aksy, presentedOn: '2025-03-01' }),
  report('r3', { status: 'draft', presentedOn: '2025-04-10' }),
];

const EVALUATED = [
  {
    territoryId: T.kochkor,
    records: [
      {
        type: 'evaluation',
        id: 'e1',
        districtId: T.nooken,
        territoryIds: [T.kochkor],
        date: '2024-12-25',
      },
    ],
  },
  {
    territoryId: T.kerben,
    records: [
      {
        type: 'evaluation',
        id: 'e2',
        districtId: T.aksy,
        territoryIds: [T.kerben],
        date: '2025-03-01',
      },
    ],
  },
];

const TRAINED = [
  {
    key: T.kochkor,
    territoryId: T.kochkor,
    records: [
      {
        type: 'training',
        id: 't1',
        districtId: T.nooken,
        territoryIds: [T.kochkor, T.shamaldy],
        date: '2024-09-20',
      },
    ],
  },
];

const EVIDENCE: Evidence = {
  'towns-trained': TRAINED,
  'drafts-submitted': milestoneEvidence(MILESTONES, 'draft-submitted'),
  'drafts-evaluated': evaluatedEvidence(MILESTONES, EVALUATED),
  'council-approvals': milestoneEvidence(MILESTONES, 'approved'),
  report: reportEvidence(REPORTS, 'report'),
  presentation: reportEvidence(REPORTS, 'presentation'),
};

const actuals = (evidence: Evidence, today = new Date(2025, 5, 1)) =>
  workPlanProgress(PLAN, evidence, today).map((p) => [p.activity.measure, p.actual, p.status]);

describe('work plan progress (hand-computed)', () => {
  it('derives each actual from the records and compares with target and deadline', () => {
    expect(actuals(EVIDENCE)).toEqual([
      ['towns-trained', 1, 'late'],
      // Kochkor-Ata (two versions count once), Massy, and Nooken district's own programme.
      ['drafts-submitted', 3, 'late'],
      // Kochkor-Ata by checklist and by milestone (once), Kerben by checklist.
      ['drafts-evaluated', 2, 'late'],
      // Only the final project-wide report; the Aksy district report does not count.
      ['report', 1, 'done'],
      ['council-approvals', 1, 'late'],
      // A district's presentation does not count; r3 is project-wide but still a draft: counts.
      ['presentation', 1, 'done'],
    ]);
  });

  it('is on track before the deadline', () => {
    const later = PLAN.map((a) => ({ ...a, body: { ...a.body, deadline: '2027-12-31' } }));
    expect(workPlanProgress(later, EVIDENCE, new Date(2025, 5, 1)).map((p) => p.status)).toEqual([
      'on-track',
      'on-track',
      'on-track',
      'done',
      'on-track',
      'done',
    ]);
  });

  it('keeps the records behind each unit, oldest first', () => {
    const submitted = EVIDENCE['drafts-submitted'];
    expect(submitted.map((i) => i.key)).toEqual([T.nooken, T.kochkor, T.massy]);
    expect(submitted[1]?.records.map((r) => r.id)).toEqual(['m1', 'm2']);
    expect(EVIDENCE['drafts-evaluated'].find((i) => i.key === T.kochkor)?.records).toMatchObject([
      { type: 'evaluation', id: 'e1' },
      { type: 'milestone', id: 'm6' },
    ]);
  });

  it('narrows record-based measures by place, period and scope, never the report', () => {
    const aksy = filterEvidence(EVIDENCE, { districtId: T.aksy }, null, tree);
    expect(actuals(aksy).map(([, n]) => n)).toEqual([0, 0, 1, 1, 1, 1]);
    const in2024 = filterEvidence(EVIDENCE, { to: '2024-12-31' }, null, tree);
    expect(actuals(in2024).map(([, n]) => n)).toEqual([1, 3, 1, 1, 0, 1]);
    expect(in2024['drafts-submitted'][1]?.records.map((r) => r.id)).toEqual(['m1']);
    const targets = filterEvidence(EVIDENCE, { targetOnly: true }, null, tree);
    // Nooken district is no target; Kochkor-Ata and Massy are.
    expect(actuals(targets).map(([, n]) => n)).toEqual([1, 2, 2, 1, 1, 1]);
    const consultant = filterEvidence(EVIDENCE, {}, [T.aksy], tree);
    expect(actuals(consultant).map(([, n]) => n)).toEqual([0, 0, 1, 1, 1, 1]);
  });
});

describe('activity status', () => {
  const today = new Date(2025, 11, 31, 12, 0);
  it('is done at the target, even after the deadline', () => {
    expect(activityStatus(30, 30, '2024-12-31', today)).toBe('done');
    expect(activityStatus(0, 0, '2024-12-31', today)).toBe('done');
  });
  it('is late only once the deadline day is over', () => {
    expect(activityStatus(29, 30, '2025-12-31', today)).toBe('on-track');
    expect(activityStatus(29, 30, '2025-12-30', today)).toBe('late');
  });
});
