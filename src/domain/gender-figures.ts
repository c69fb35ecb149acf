/**
 * Gender and inclusion figures across hearings and trainings: attendance by sex and group
 * per municipality, district, region and quarter, women's share, and the proposals raised
 * by women and youth with how many were accepted.
 *
 * Counting rules: a hearing counts with the attendance its minutes report (the tally, or
 * the named list when nothing was counted: see attendanceFigures), whatever the status of
 * its minutes; a training counts once it is held. A record of one municipality counts for
 * that municipality (a merged one for its successor); a record of several municipalities,
 * or of the district as a whole, counts in the district's own row ("district level"), so
 * nobody is counted twice in a district's total.
 */
import { groupsBySex, type Participant, type Tally, totalOf, womenShare } from './attendance.ts';
import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
  type Placed,
  quarterOf,
} from './dashboard-filter.ts';
import { type Hearing, hearingFigures, type ProposalStats, proposalStats } from './hearing.ts';
import type { TerritoryTree } from './territory-tree.ts';

export type AttendanceKind = 'hearing' | 'training';

/** One hearing or training, reduced to what the figures need. */
export interface AttendanceSource extends Placed {
  kind: AttendanceKind;
  id: string;
  figures: Pick<Tally, 'women' | 'men' | 'groups'>;
  /** The named attendance list, where there is one: it tells groups apart by sex. */
  participants?: readonly Participant[];
  /** Instead of the list itself: how many it names, and each group by sex (see `listedOf`). */
  listed?: ListedGroups;
  /** Hearings only. */
  proposals?: ProposalStats;
}

export interface FigureRow {
  /** Territory id, `<district id>` for district-level rows, or a quarter `2025-Q1`. */
  key: string;
  women: number;
  men: number;
  total: number;
  /** Women as a fraction of everyone, null when nobody was counted. */
  share: number | null;
  groups: Record<string, number>;
  hearings: number;
  trainings: number;
  /** The records counted, for the drill-down. */
  sources: readonly { kind: AttendanceKind; id: string }[];
}

export interface MunicipalityRow extends FigureRow {
  /** `district`: records of the district as a whole or of several municipalities. */
  level: 'municipality' | 'district';
  districtId: string;
}

export interface RaisedAccepted {
  raised: number;
  accepted: number;
}

export interface ProposalFigures {
  total: number;
  accepted: number;
  /** By raiser: `women`, `men` and group codes (`youth`, ...). */
  byRaiser: Record<string, RaisedAccepted>;
  fromWomen: RaisedAccepted;
  fromYouth: RaisedAccepted;
}

export interface GenderFigures {
  total: FigureRow;
  byKind: Record<AttendanceKind, FigureRow>;
  byMunicipality: MunicipalityRow[];
  byDistrict: FigureRow[];
  byRegion: FigureRow[];
  byQuarter: FigureRow[];
  proposals: ProposalFigures;
  /** Women and men in each group, from the named lists only (a tally does not split groups). */
  groupsBySex: { listed: number; groups: Record<string, { women: number; men: number }> };
}

/** A named attendance list reduced to what the figures need of it. */
export interface ListedGroups {
  listed: number;
  groups: Record<string, { women: number; men: number }>;
}

export const listedOf = (participants: readonly Participant[]): ListedGroups => ({
  listed: participants.length,
  groups: groupsBySex(participants),
});

/**
 * What the dashboard needs of a hearing, small enough for the device to keep beside each
 * of tens of thousands (the list index): its place, date, venue, counts and proposals.
 */
export interface HearingFigures {
  districtId: string;
  municipalityId: string;
  date: string;
  venue: string;
  figures: Pick<Tally, 'women' | 'men' | 'groups'>;
  listed: ListedGroups;
  proposals: ProposalStats;
}

export function hearingFiguresOf(body: Hearing): HearingFigures {
  const { women, men, groups } = hearingFigures(body);
  return {
    districtId: body.districtId,
    municipalityId: body.municipalityId,
    date: body.date,
    venue: body.venue,
    figures: { women, men, groups },
    listed: listedOf(body.attendance.participants),
    proposals: proposalStats(body.proposals),
  };
}

/** A hearing's attendance source from its figures (the same as `hearingSource` gives). */
export function hearingSourceOfFigures(record: {
  id: string;
  body: HearingFigures;
}): AttendanceSource {
  const { body } = record;
  return {
    kind: 'hearing',
    id: record.id,
    districtId: body.districtId,
    territoryIds: [body.municipalityId],
    date: body.date,
    figures: body.figures,
    listed: body.listed,
    proposals: body.proposals,
  };
}

export function hearingSource(record: { id: string; body: Hearing }): AttendanceSource {
  const { body } = record;
  return {
    kind: 'hearing',
    id: record.id,
    districtId: body.districtId,
    territoryIds: [body.municipalityId],
    date: body.date,
    figures: hearingFigures(body),
    participants: body.attendance.participants,
    proposals: proposalStats(body.proposals),
  };
}

/** Groups by sex across the named lists of the sources. */
export function listedGroupsBySex(sources: readonly AttendanceSource[]) {
  const total: ListedGroups = { listed: 0, groups: {} };
  for (const source of sources) {
    const part = source.listed ?? listedOf(source.participants ?? []);
    total.listed += part.listed;
    for (const code in part.groups) {
      const row = part.groups[code];
      if (!row) continue;
      const sum = total.groups[code] ?? { women: 0, men: 0 };
      sum.women += row.women;
      sum.men += row.men;
      total.groups[code] = sum;
    }
  }
  return total;
}

function row(key: string, sources: readonly AttendanceSource[]): FigureRow {
  // One pass, no copies: tens of thousands of sources go through here for every grouping.
  let women = 0;
  let men = 0;
  let hearings = 0;
  let trainings = 0;
  const groups: Record<string, number> = {};
  for (const source of sources) {
    const { figures } = source;
    women += figures.women;
    men += figures.men;
    for (const code in figures.groups) {
      groups[code] = (groups[code] ?? 0) + (figures.groups[code] ?? 0);
    }
    if (source.kind === 'hearing') hearings += 1;
    else trainings += 1;
  }
  const sum = { women, men, groups };
  return {
    key,
    women,
    men,
    total: totalOf(sum),
    share: womenShare(sum),
    groups,
    hearings,
    trainings,
    // The sources themselves name their kind and id: no copy of each.
    sources,
  };
}

function grouped(
  sources: readonly AttendanceSource[],
  keyOf: (source: AttendanceSource) => string,
): FigureRow[] {
  const groups = new Map<string, AttendanceSource[]>();
  for (const source of sources) {
    const key = keyOf(source);
    const list = groups.get(key);
    // Pushed, not copied: tens of thousands of hearings may fall in a few groups.
    if (list) list.push(source);
    else groups.set(key, [source]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => row(key, list));
}

/** The municipality a source counts for (after mergers), or null for district level. */
function municipalityOf(source: AttendanceSource, tree: TerritoryTree): string | null {
  if (source.territoryIds.length !== 1) return null;
  const [id] = source.territoryIds as [string];
  const current = tree.successor(id) ?? tree.byId.get(id);
  return current?.kind === 'municipality' ? current.id : id === source.districtId ? null : id;
}

export function proposalFigures(sources: readonly AttendanceSource[]): ProposalFigures {
  const byRaiser: Record<string, RaisedAccepted> = {};
  let total = 0;
  let accepted = 0;
  for (const { proposals: stats } of sources) {
    if (!stats) continue;
    total += stats.total;
    accepted += stats.byResponse.accepted;
    for (const raiser in stats.byRaiser) {
      const counts = stats.byRaiser[raiser];
      if (!counts) continue;
      const sum = byRaiser[raiser] ?? { raised: 0, accepted: 0 };
      sum.raised += counts.raised;
      sum.accepted += counts.accepted;
      byRaiser[raiser] = sum;
    }
  }
  const none = { raised: 0, accepted: 0 };
  return {
    total,
    accepted,
    byRaiser,
    fromWomen: byRaiser.women ?? none,
    fromYouth: byRaiser.youth ?? none,
  };
}

/** The figures of the hearings and trainings within the filter and the user's scope. */
export function genderFigures(
  all: readonly AttendanceSource[],
  filter: DashboardFilter,
  scope: DistrictScope,
  tree: TerritoryTree,
): GenderFigures {
  const sources = all.filter((source) => matchesFilter(source, filter, scope, tree));
  const byMunicipality = grouped(
    sources,
    (s) => `${s.districtId}\u0000${municipalityOf(s, tree) ?? ''}`,
  ).map((r): MunicipalityRow => {
    const [districtId = '', municipalityId = ''] = r.key.split('\u0000');
    return municipalityId
      ? { ...r, key: municipalityId, level: 'municipality', districtId }
      : { ...r, key: districtId, level: 'district', districtId };
  });
  return {
    total: row('total', sources),
    byKind: {
      hearing: row(
        'hearing',
        sources.filter((s) => s.kind === 'hearing'),
      ),
      training: row(
        'training',
        sources.filter((s) => s.kind === 'training'),
      ),
    },
    byMunicipality,
    byDistrict: grouped(sources, (s) => s.districtId),
    byRegion: grouped(sources, (s) => tree.byId.get(s.districtId)?.parentId ?? ''),
    byQuarter: grouped(sources, (s) => quarterOf(s.date)),
    proposals: proposalFigures(sources),
    groupsBySex: listedGroupsBySex(sources),
  };
}
