import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Participant } from './attendance.ts';
import {
  daysBetween,
  heldProblems,
  municipalitiesTrained,
  newTraining,
  recentOrganisations,
  suggestPeople,
  type Training,
  totalsByMunicipality,
  trainedTowns,
  trainingSchema,
  trainingTotals,
} from './training.ts';

const KERBEN = 'm-kerben';
const KOCHKOR = 'm-kochkor';
const SHAMALDY = 'm-shamaldy';

let next = 0;
const person = (sex: Participant['sex'], over: Partial<Participant> = {}): Participant => {
  next += 1;
  return { id: `p${next}`, name: `Person ${next}`, sex, groups: [], ...over };
};

const training = (over: Partial<Training> = {}): Training => ({
  ...newTraining({ districtId: 'd-aksy', municipalityIds: [KERBEN] }, new Date(2025, 3, 14)),
  moduleCodes: ['methodology'],
  status: 'held',
  ...over,
});

/** Seven women and five men, with positions, as the Kerben training of the journey. */
const kerbenRoster = [
  ...['council-deputy', 'council-deputy', 'municipal-staff', 'municipal-staff', 'civil-society']
    .map((position) => person('female', { position }))
    .concat([person('female', { position: 'other' }), person('female')]),
  ...['council-deputy', 'municipal-staff', 'municipal-staff', 'district-administration']
    .map((position) => person('male', { position }))
    .concat([person('male', { position: 'civil-society', municipalityId: SHAMALDY })]),
];

describe('training record', () => {
  it('starts as a one-day planned training for today', () => {
    const t = newTraining({ districtId: 'd', municipalityIds: ['m'] }, new Date(2025, 0, 5, 9));
    expect(t).toMatchObject({ dates: ['2025-01-05'], status: 'planned' });
    expect(trainingSchema.safeParse(t).success).toBe(true);
  });

  it('rejects days out of order, a roster day outside the training, shared ids, no municipality', () => {
    const invalid = (t: Training) => !trainingSchema.safeParse(t).success;
    expect(invalid(training({ dates: ['2025-04-15', '2025-04-14'] }))).toBe(true);
    expect(invalid(training({ dates: ['2025-04-14', '2025-04-14'] }))).toBe(true);
    expect(invalid(training({ municipalityIds: [] }))).toBe(true);
    const a = person('female', { days: ['2025-04-20'] });
    expect(
      invalid(
        training({ attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [a] } }),
      ),
    ).toBe(true);
    const b = person('male');
    expect(
      invalid(
        training({ attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [b, b] } }),
      ),
    ).toBe(true);
    expect(
      invalid(
        training({
          attendance: { tally: { women: -1, men: 0, groups: {} }, participants: [] },
        }),
      ),
    ).toBe(true);
  });

  it('lists the days of a multi-day training', () => {
    expect(daysBetween('2025-02-27', '2025-03-02')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(daysBetween('2025-03-02', '2025-03-01')).toEqual([]);
    expect(daysBetween('2025-01-01', '2025-12-31')).toHaveLength(31);
  });
});

describe('training totals', () => {
  it('adds up the roster by sex and position: 12 people, 7 women, 5 men, 58 %', () => {
    const totals = trainingTotals({
      tally: { women: 0, men: 0, groups: {} },
      participants: kerbenRoster,
    });
    expect(totals).toMatchObject({ total: 12, women: 7, men: 5, source: 'list' });
    expect(totals.womenShare).toBeCloseTo(7 / 12);
    expect(totals.byPosition).toEqual({
      'council-deputy': { women: 2, men: 1 },
      'municipal-staff': { women: 2, men: 2 },
      'civil-society': { women: 1, men: 1 },
      'district-administration': { women: 0, men: 1 },
      other: { women: 1, men: 0 },
      '': { women: 1, men: 0 },
    });
  });

  it('uses the quick count when no names were taken, and the roster when there are', () => {
    const counted = { women: 9, men: 4, groups: { youth: 3 } };
    expect(trainingTotals({ tally: counted, participants: [] })).toMatchObject({
      total: 13,
      source: 'tally',
      groups: { youth: 3 },
    });
    expect(trainingTotals({ tally: counted, participants: [person('male')] })).toMatchObject({
      total: 1,
      source: 'list',
    });
  });

  it('counts held trainings per municipality: the person’s own, else the training’s only one', () => {
    const kerben = training({
      attendance: { tally: { women: 0, men: 0, groups: {} }, participants: kerbenRoster },
    });
    const shared = training({
      municipalityIds: [KOCHKOR, SHAMALDY],
      attendance: { tally: { women: 3, men: 2, groups: {} }, participants: [] },
    });
    const planned = training({ status: 'planned', attendance: kerben.attendance });
    const rows = totalsByMunicipality([
      { id: 't1', body: kerben },
      { id: 't2', body: shared },
      { id: 't3', body: planned },
    ]);
    expect(rows.map((r) => [r.municipalityId, r.women, r.men, r.total, r.trainingIds])).toEqual([
      ['', 3, 2, 5, ['t2']],
      [KERBEN, 7, 4, 11, ['t1']],
      [SHAMALDY, 0, 1, 1, ['t1']],
    ]);
    expect(rows[1]?.byPosition['council-deputy']).toEqual({ women: 2, men: 1 });
  });

  it('totals per municipality add up to the totals of the sessions (property)', () => {
    const people = fc.array(
      fc.record({
        sex: fc.constantFrom<'female' | 'male'>('female', 'male'),
        municipalityId: fc.option(fc.constantFrom(KERBEN, KOCHKOR), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.array(people, { maxLength: 5 }), (rosters) => {
        const trainings = rosters.map((roster, i) => ({
          id: `t${i}`,
          body: training({
            municipalityIds: [KERBEN, SHAMALDY],
            attendance: {
              tally: { women: 0, men: 0, groups: {} },
              participants: roster.map((p) =>
                person(p.sex, p.municipalityId ? { municipalityId: p.municipalityId } : {}),
              ),
            },
          }),
        }));
        const rows = totalsByMunicipality(trainings);
        const sessions = trainings.map((t) => trainingTotals(t.body.attendance));
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(rows.map((r) => r.women))).toBe(sum(sessions.map((s) => s.women)));
        expect(sum(rows.map((r) => r.men))).toBe(sum(sessions.map((s) => s.men)));
      }),
    );
  });
});

describe('trained towns', () => {
  it('counts a town once a held training with someone present served it or trained its people', () => {
    const trainings = [
      {
        id: 'held',
        body: training({
          attendance: { tally: { women: 0, men: 0, groups: {} }, participants: kerbenRoster },
        }),
      },
      { id: 'planned', body: training({ municipalityIds: [KOCHKOR], status: 'planned' }) },
      { id: 'empty', body: training({ municipalityIds: [KOCHKOR] }) },
    ];
    expect(municipalitiesTrained(trainings[0]?.body as Training)).toEqual([KERBEN, SHAMALDY]);
    expect([...trainedTowns(trainings, [KERBEN, KOCHKOR, SHAMALDY])]).toEqual([
      [KERBEN, ['held']],
      [SHAMALDY, ['held']],
    ]);
  });

  it('does not mark a training held with nobody counted or before it starts', () => {
    const t = training({ dates: ['2025-05-01'] });
    expect(heldProblems(t, '2025-04-30')).toEqual(['attendance', 'future']);
  });
});

describe('people across trainings', () => {
  const aigul = person('female', {
    name: 'Айгүл Токтосунова',
    organisation: 'Керменская мэрия',
    position: 'municipal-staff',
  });
  const aigulAgain = person('female', {
    name: 'Айгүл  токтосунова',
    organisation: 'Мэрия г. Кербен',
    personId: aigul.id,
  });
  const otherAigul = person('female', { name: 'Айгүл Токтосунова', organisation: 'Школа №2' });
  const roster = (participants: Participant[]) => ({
    attendance: { tally: { women: 0, men: 0, groups: {} }, participants },
  });

  it('suggests people from other trainings by name, latest details, without merging namesakes', () => {
    const trainings = [
      { id: 't1', body: roster([aigul]) },
      { id: 't2', body: roster([aigulAgain, otherAigul]) },
      { id: 'this', body: roster([person('male', { name: 'Айгүл Токтосунова' })]) },
    ];
    const found = suggestPeople(trainings, 'айгүл токто', { exceptTrainingId: 'this' });
    expect(found.map((k) => [k.personId, k.trainingIds, k.participant.organisation])).toEqual([
      [aigul.id, ['t1', 't2'], 'Мэрия г. Кербен'],
      [otherAigul.id, ['t2'], 'Школа №2'],
    ]);
    expect(suggestPeople(trainings, 'Ай')).toEqual([]);
  });

  it('offers recent organisations, newest first, each once', () => {
    expect(
      recentOrganisations([
        person('male', { organisation: 'Айыл өкмөтү' }),
        person('male', { organisation: 'ОФ «Аялдар»' }),
        person('male', { organisation: 'айыл өкмөтү ' }),
        person('male'),
      ]),
    ).toEqual(['айыл өкмөтү', 'ОФ «Аялдар»']);
  });
});
