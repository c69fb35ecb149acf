/**
 * A small, hand-checkable world for the dashboard's unit tests: two regions, three
 * districts, five municipalities (one merged into another), and a few hearings,
 * trainings and milestones whose figures the tests add up by hand.
 */
import type { AttendanceSource } from '../domain/gender-figures.ts';
import { type Hearing, newHearing, type Proposal } from '../domain/hearing.ts';
import type { Milestone } from '../domain/milestone.ts';
import type { TerritoryNode } from '../domain/territory-tree.ts';

const names = (en: string) => ({ en, ru: en, ky: en });

export const T = {
  jalalAbad: 'r-jalal-abad',
  issykKul: 'r-issyk-kul',
  nooken: 'd-nooken',
  aksy: 'd-aksy',
  tong: 'd-tong',
  kochkor: 'm-kochkor',
  shamaldy: 'm-shamaldy',
  massy: 'm-massy',
  oldAa: 'm-old-aa',
  kerben: 'm-kerben',
  bokonbaev: 'm-bokonbaev',
} as const;

export const TERRITORIES: TerritoryNode[] = [
  { id: T.jalalAbad, kind: 'region', code: 'jalal-abad', names: names('Jalal-Abad') },
  { id: T.issykKul, kind: 'region', code: 'issyk-kul', names: names('Issyk-Kul') },
  { id: T.nooken, kind: 'district', code: 'nooken', names: names('Nooken'), parentId: T.jalalAbad },
  { id: T.aksy, kind: 'district', code: 'aksy', names: names('Aksy'), parentId: T.jalalAbad },
  { id: T.tong, kind: 'district', code: 'tong', names: names('Tong'), parentId: T.issykKul },
  {
    id: T.kochkor,
    kind: 'municipality',
    code: 'kochkor-ata',
    names: names('Kochkor-Ata'),
    parentId: T.nooken,
    municipalityType: 'town',
    target: true,
  },
  {
    id: T.shamaldy,
    kind: 'municipality',
    code: 'shamaldy-say',
    names: names('Shamaldy-Say'),
    parentId: T.nooken,
    municipalityType: 'town',
  },
  {
    id: T.massy,
    kind: 'municipality',
    code: 'massy',
    names: names('Massy'),
    parentId: T.nooken,
    target: true,
  },
  {
    id: T.oldAa,
    kind: 'municipality',
    code: 'old-aa',
    names: names('Old aiyl aimak'),
    parentId: T.nooken,
    validTo: '2024-12-31',
    successorId: T.massy,
  },
  {
    id: T.kerben,
    kind: 'municipality',
    code: 'kerben',
    names: names('Kerben'),
    parentId: T.aksy,
    municipalityType: 'town',
    target: true,
  },
  {
    id: T.bokonbaev,
    kind: 'municipality',
    code: 'bokonbaev',
    names: names('Bokonbaev'),
    parentId: T.tong,
  },
];

const proposal = (id: string, raisedBy: string[], response: Proposal['response']): Proposal => ({
  id,
  text: `Proposal ${id}`,
  raisedBy,
  response,
});

function hearing(patch: Partial<Hearing> & Pick<Hearing, 'districtId' | 'municipalityId'>) {
  return { ...newHearing(patch, new Date(2025, 0, 1, 10, 0)), ...patch };
}

/** h1: 12 women, 8 men; four proposals (women, women+youth, youth, men). */
export const H1 = {
  id: 'h1',
  body: hearing({
    districtId: T.nooken,
    municipalityId: T.kochkor,
    date: '2025-02-10',
    attendance: {
      tally: { women: 12, men: 8, groups: { youth: 5, disability: 1 } },
      participants: [],
    },
    proposals: [
      proposal('p1', ['women'], 'accepted'),
      proposal('p2', ['women', 'youth'], 'rejected'),
      proposal('p3', ['youth'], 'accepted'),
      proposal('p4', ['men'], 'pending'),
    ],
  }),
};

/** h2: nothing counted, a named list of 2 women and 1 man, in the merged aiyl aimak. */
export const H2 = {
  id: 'h2',
  body: hearing({
    districtId: T.nooken,
    municipalityId: T.oldAa,
    date: '2025-05-03',
    attendance: {
      tally: { women: 0, men: 0, groups: {} },
      participants: [
        { id: 'a', name: 'Айгүл', sex: 'female', groups: ['youth'] },
        { id: 'b', name: 'Гүлнара', sex: 'female', groups: [] },
        { id: 'c', name: 'Эрмек', sex: 'male', groups: ['elderly'] },
      ],
    },
    proposals: [proposal('p5', ['women'], 'accepted')],
  }),
};

/** h3: 30 women, 20 men, in Kerben, in 2024. */
export const H3 = {
  id: 'h3',
  body: hearing({
    districtId: T.aksy,
    municipalityId: T.kerben,
    date: '2024-11-20',
    attendance: { tally: { women: 30, men: 20, groups: { youth: 10 } }, participants: [] },
  }),
};

/** A training for two towns of Nooken: 4 women, 6 men. */
export const T1: AttendanceSource = {
  kind: 'training',
  id: 't1',
  districtId: T.nooken,
  territoryIds: [T.kochkor, T.shamaldy],
  date: '2025-03-01',
  figures: { women: 4, men: 6, groups: {} },
};

/** A training in Bokonbaev (Tong, Issyk-Kul): 5 women, 5 men. */
export const T2: AttendanceSource = {
  kind: 'training',
  id: 't2',
  districtId: T.tong,
  territoryIds: [T.bokonbaev],
  date: '2025-04-01',
  figures: { women: 5, men: 5, groups: {} },
};

const milestone = (
  id: string,
  body: Partial<Milestone> & Pick<Milestone, 'districtId' | 'territoryId' | 'kind' | 'date'>,
) => ({ id, body: body as Milestone });

export const MILESTONES = [
  milestone('m1', {
    districtId: T.nooken,
    territoryId: T.kochkor,
    kind: 'draft-submitted',
    date: '2024-12-01',
    draftVersion: '1',
  }),
  milestone('m2', {
    districtId: T.nooken,
    territoryId: T.kochkor,
    kind: 'draft-submitted',
    date: '2025-01-15',
    draftVersion: '2',
  }),
  milestone('m3', {
    districtId: T.nooken,
    territoryId: T.massy,
    kind: 'draft-submitted',
    date: '2024-12-20',
    draftVersion: '1',
  }),
  milestone('m4', {
    districtId: T.nooken,
    territoryId: T.nooken,
    kind: 'draft-submitted',
    date: '2024-12-30',
    draftVersion: '1',
  }),
  milestone('m5', {
    districtId: T.aksy,
    territoryId: T.kerben,
    kind: 'approved',
    date: '2025-02-01',
    resolutionNumber: '5/12',
  }),
  milestone('m6', {
    districtId: T.nooken,
    territoryId: T.kochkor,
    kind: 'evaluated',
    date: '2025-01-20',
  }),
  milestone('m7', {
    districtId: T.aksy,
    territoryId: T.kerben,
    kind: 'working-group',
    date: '2024-10-01',
  }),
];
