import { describe, expect, it } from 'vitest';
import { finalProblems, hearingSchema, newHearing, proposalStats } from './hearing.ts';

const place = { districtId: 'd', municipalityId: 'm' };

describe('hearings', () => {
  it('starts valid with today and now', () => {
    const hearing = newHearing(place, new Date(2026, 10, 24, 9, 5));
    expect(hearing.date).toBe('2026-11-24');
    expect(hearing.startTime).toBe('09:05');
    expect(hearingSchema.safeParse(hearing).success).toBe(true);
  });

  it('refuses an end before the start, a negative count and no municipality', () => {
    const hearing = newHearing(place, new Date(2026, 10, 24, 10, 0));
    const early = hearingSchema.safeParse({ ...hearing, endTime: '09:30' });
    expect(early.error?.issues[0]?.path).toEqual(['endTime']);
    const negative = hearingSchema.safeParse({
      ...hearing,
      attendance: { tally: { women: -1, men: 0, groups: {} }, participants: [] },
    });
    expect(negative.success).toBe(false);
    expect(hearingSchema.safeParse({ ...hearing, municipalityId: '' }).success).toBe(false);
  });

  it('needs chair, secretary, attendance and end time to be final', () => {
    const hearing = newHearing(place, new Date(2026, 10, 24, 10, 0));
    expect(finalProblems(hearing)).toEqual(['chair', 'secretary', 'attendance', 'endTime']);
    expect(
      finalProblems({
        ...hearing,
        chair: 'A',
        secretary: 'B',
        endTime: '11:00',
        attendance: { tally: { women: 1, men: 0, groups: {} }, participants: [] },
      }),
    ).toEqual([]);
  });

  it('counts proposals by who raised them and how many were accepted', () => {
    const stats = proposalStats([
      { id: '1', text: 'Road', raisedBy: ['women', 'youth'], response: 'accepted' },
      { id: '2', text: 'Park', raisedBy: ['women'], response: 'rejected', reason: 'No land' },
      { id: '3', text: 'Gym', raisedBy: ['youth', 'youth'], response: 'considering' },
    ]);
    expect(stats.total).toBe(3);
    expect(stats.byResponse).toEqual({ pending: 0, accepted: 1, rejected: 1, considering: 1 });
    expect(stats.byRaiser).toEqual({
      women: { raised: 2, accepted: 1 },
      youth: { raised: 2, accepted: 1 },
    });
  });
});
