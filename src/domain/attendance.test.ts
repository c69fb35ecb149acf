import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceFigures,
  attendanceSchema,
  compareWithList,
  EMPTY_TALLY,
  groupKey,
  groupsAboveTotal,
  groupsBySex,
  MAX_COUNT,
  type Participant,
  remember,
  sameName,
  setCount,
  sumFigures,
  type Tally,
  type TallyHistory,
  type TallyKey,
  tallyOfParticipants,
  tap,
  undo,
  womenShare,
} from './attendance.ts';

const person = (id: string, sex: Participant['sex'], groups: string[] = []): Participant => ({
  id,
  name: `Person ${id}`,
  sex,
  groups,
});

function tapMany(tally: Tally, key: TallyKey, times: number): Tally {
  let next = tally;
  for (let i = 0; i < times; i += 1) next = tap(next, key, 1);
  return next;
}

describe('attendance tally', () => {
  it('counts 23 women, 17 men and 6 youth with a share of women', () => {
    let tally = tapMany(EMPTY_TALLY, 'women', 23);
    tally = tapMany(tally, 'men', 17);
    tally = tapMany(tally, groupKey('youth'), 6);
    expect(tally).toEqual({ women: 23, men: 17, groups: { youth: 6 } });
    expect(womenShare(tally)).toBeCloseTo(23 / 40);
    expect(attendanceFigures({ tally, participants: [] })).toMatchObject({
      total: 40,
      source: 'tally',
    });
  });

  it('never goes below zero and drops a group counted back to zero', () => {
    expect(tap(EMPTY_TALLY, 'men', -1).men).toBe(0);
    const once = tap(EMPTY_TALLY, groupKey('elderly'), 1);
    expect(tap(once, groupKey('elderly'), -1).groups).toEqual({});
    expect(tap(EMPTY_TALLY, groupKey('youth'), -1).groups).toEqual({});
  });

  it('takes typed numbers, clamped and whole', () => {
    expect(setCount(EMPTY_TALLY, 'women', 12.7).women).toBe(12);
    expect(setCount(EMPTY_TALLY, 'women', -3).women).toBe(0);
    expect(setCount(EMPTY_TALLY, 'women', Number.NaN).women).toBe(0);
    expect(setCount(EMPTY_TALLY, 'men', 10 ** 9).men).toBe(MAX_COUNT);
  });

  it('keeps every count within bounds whatever is tapped or typed', () => {
    const key = fc.constantFrom<TallyKey>(
      'women',
      'men',
      groupKey('youth'),
      groupKey('disability'),
    );
    const step = fc.oneof(
      fc.record({ key, delta: fc.constantFrom<1 | -1>(1, -1) }),
      fc.record({ key, value: fc.double() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let tally = EMPTY_TALLY;
        for (const s of steps) {
          tally = 'delta' in s ? tap(tally, s.key, s.delta) : setCount(tally, s.key, s.value);
        }
        expect(attendanceSchema.safeParse({ tally, participants: [] }).success).toBe(true);
        const share = womenShare(tally);
        if (share !== null) expect(share).toBeGreaterThanOrEqual(0);
        if (share !== null) expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('undoes the last taps in order, up to its limit', () => {
    let tally = EMPTY_TALLY;
    let history: TallyHistory = { past: [] };
    for (const key of ['women', 'women', 'men'] as const) {
      history = remember(history, tally);
      tally = tap(tally, key, 1);
    }
    const first = undo(history);
    expect(first?.tally).toEqual({ women: 2, men: 0, groups: {} });
    const second = first && undo(first.history);
    expect(second?.tally).toEqual({ women: 1, men: 0, groups: {} });
    expect(undo({ past: [] })).toBeNull();
    let long: TallyHistory = { past: [] };
    for (let i = 0; i < 50; i += 1) long = remember(long, setCount(EMPTY_TALLY, 'men', i), 30);
    expect(long.past).toHaveLength(30);
    expect(long.past.at(-1)?.men).toBe(49);
  });

  it('warns about a group counted more often than there are people', () => {
    const tally = { women: 2, men: 1, groups: { youth: 4, elderly: 3 } };
    expect(groupsAboveTotal(tally)).toEqual(['youth']);
  });
});

describe('named participants', () => {
  const list = [
    person('1', 'female', ['youth']),
    person('2', 'female', ['youth', 'youth', 'disability']),
    person('3', 'male'),
  ];

  it('adds up to a tally, a group once per person', () => {
    expect(tallyOfParticipants(list)).toEqual({
      women: 2,
      men: 1,
      groups: { youth: 2, disability: 1 },
    });
    expect(groupsBySex(list)).toEqual({
      youth: { women: 2, men: 0 },
      disability: { women: 1, men: 0 },
    });
  });

  it('shows where the live count and the list differ', () => {
    const tally = { women: 2, men: 3, groups: { youth: 2 } };
    expect(compareWithList({ tally, participants: list })).toEqual([
      { key: 'men', counted: 3, listed: 1 },
      { key: 'group:disability', counted: 0, listed: 1 },
    ]);
    expect(compareWithList({ tally, participants: [] })).toEqual([]);
  });

  it('reports the list when nothing was counted', () => {
    expect(attendanceFigures({ tally: EMPTY_TALLY, participants: list })).toMatchObject({
      women: 2,
      men: 1,
      total: 3,
      source: 'list',
    });
  });

  it('finds the same name regardless of case, spaces and ё', () => {
    const people = [{ ...person('a', 'female'), name: 'Алёна  Токтогулова' }];
    expect(sameName(people, 'алена токтогулова')).toHaveLength(1);
    expect(sameName(people, 'алена токтогулова', 'a')).toHaveLength(0);
    expect(sameName(people, '  ')).toHaveLength(0);
  });

  it('sums figures across hearings', () => {
    expect(
      sumFigures([
        { women: 1, men: 2, groups: { youth: 1 } },
        { women: 3, men: 0, groups: { youth: 2, elderly: 1 } },
      ]),
    ).toEqual({ women: 4, men: 2, groups: { youth: 3, elderly: 1 }, total: 6 });
  });
});
