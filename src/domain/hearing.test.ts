import { describe, expect, it } from 'vitest';
import { finalProblems, hearingSchema, newHearing, proposalStats, withEndTime } from './hearing.ts';

const place = { districtId: 'd', municipalityId: 'm' };

describe('hearings', () => {
  it('starts valid with today and now', () => {
    const hearing = newHearing(place, new Date(2026, 10, 24, 9, 5));
    expect(hearing.date).toBe('2026-11-24');
    expect(hearing.startTime).toBe('09:05');
    expect(hearingSchema.safeParse(hearing).success).toBe(true);
  });

  it('recorded later: takes the date and times given, infers none', () => {
    const now = new Date(2026, 10, 24, 15, 40);
    const dated = newHearing(place, now, { date: '2026-11-20' });
    expect(dated.date).toBe('2026-11-20');
    expect(dated.startTime).toBeUndefined();
    expect(dated.endTime).toBeUndefined();
    const timed = newHearing(place, now, {
      date: '2026-11-20',
      startTime: '10:00',
      endTime: '12:30',
    });
    expect([timed.startTime, timed.endTime]).toEqual(['10:00', '12:30']);
    expect(hearingSchema.safeParse(timed).success).toBe(true);
  });

  it('never keeps a start that was only "now" later than the end typed', () => {
    const opened = newHearing(place, new Date(2026, 10, 24, 15, 40));
    const cleared = withEndTime(opened, '12:30', true);
    expect(cleared.startCleared).toBe(true);
    expect(cleared.hearing.startTime).toBeUndefined();
    expect(cleared.hearing.endTime).toBe('12:30');
    expect(hearingSchema.safeParse(cleared.hearing).success).toBe(true);
    // An end equal to the start is no end after it either.
    expect(withEndTime(opened, '15:40', true).startCleared).toBe(true);
    // A later end leaves the start alone.
    expect(withEndTime(opened, '17:00', true)).toEqual({
      hearing: { ...opened, endTime: '17:00' },
      startCleared: false,
    });
    // A start someone typed stays: the mismatch is theirs to see and fix.
    const typed = withEndTime(opened, '12:30', false);
    expect(typed.startCleared).toBe(false);
    expect(typed.hearing.startTime).toBe('15:40');
    // Clearing the end removes it.
    expect('endTime' in withEndTime(typed.hearing, undefined, true).hearing).toBe(false);
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
