import { describe, expect, it } from 'vitest';
import { type Milestone, milestoneSchema, programmeTimeline } from './milestone.ts';

const base = { districtId: 'd', territoryId: 't', date: '2025-03-01' };

describe('milestones', () => {
  it('requires the resolution number for an approval and the version for a draft', () => {
    const approval = milestoneSchema.safeParse({ ...base, kind: 'approved' });
    expect(approval.success).toBe(false);
    expect(approval.error?.issues[0]?.path).toEqual(['resolutionNumber']);
    expect(
      milestoneSchema.safeParse({ ...base, kind: 'approved', resolutionNumber: '12/3' }).success,
    ).toBe(true);
    expect(milestoneSchema.safeParse({ ...base, kind: 'draft-submitted' }).success).toBe(false);
  });

  it('refuses negative member counts and bad dates', () => {
    expect(
      milestoneSchema.safeParse({ ...base, kind: 'working-group', membersWomen: -1 }).success,
    ).toBe(false);
    expect(
      milestoneSchema.safeParse({ ...base, date: '01.03.2025', kind: 'profiles' }).success,
    ).toBe(false);
  });

  it('orders the stages and finds the current one', () => {
    const m = (kind: Milestone['kind'], date: string, extra = {}): Milestone => ({
      ...base,
      kind,
      date,
      ...extra,
    });
    const timeline = programmeTimeline([
      m('draft-submitted', '2025-05-01', { draftVersion: '2' }),
      m('working-group', '2025-01-10'),
      m('draft-submitted', '2025-03-01', { draftVersion: '1' }),
    ]);
    expect(timeline.current).toBe('draft-submitted');
    expect(timeline.stages.map((s) => s.entries.length)).toEqual([1, 0, 2, 0, 0]);
    expect(timeline.stages[2]?.entries.map((e) => e.draftVersion)).toEqual(['1', '2']);
    expect(programmeTimeline([]).current).toBeNull();
  });
});
