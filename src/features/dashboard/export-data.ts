import type { TFunction } from 'i18next';
import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
} from '../../domain/dashboard-filter.ts';
import type { Hearing } from '../../domain/hearing.ts';
import type { SyncedRecord } from '../../domain/record.ts';
import { itemsOf } from '../../domain/reference-list.ts';
import type { TerritoryTree } from '../../domain/territory-tree.ts';
import type { ExportTable } from '../../export/cell.ts';
import {
  type ExportWords,
  hearingParticipantsTable,
  hearingsTable,
  milestonesTable,
  proposalsTable,
} from '../../export/tables.ts';
import { exportTablesOfOthers } from './export-others.ts';
import type { DashboardData } from './use-dashboard-data.ts';
import type { useLabels } from './use-labels.ts';

/** Column names, sheet names and terms of the exports, in the interface language. */
export function exportWords(
  t: TFunction<'dashboard'>,
  labels: ReturnType<typeof useLabels>,
  tree: TerritoryTree | undefined,
): ExportWords {
  return {
    column: (key) => t(`exports.col.${key}` as 'exports.col.id'),
    table: (key) => t(`exports.table.${key}` as 'exports.table.hearings'),
    territory: (id) => labels.territory(id),
    regionOf: (districtId) => {
      const region = tree?.byId.get(districtId)?.parentId;
      return region ? labels.territory(region) : '';
    },
    group: labels.group,
    position: labels.position,
    module: labels.module,
    term: (kind, code) => {
      if (kind === 'raisedBy') return labels.raiser(code);
      return t(`terms.${kind}.${code}` as 'terms.sex.female', { defaultValue: code });
    },
  };
}

export type ExportKey =
  | 'hearings'
  | 'hearingParticipants'
  | 'proposals'
  | 'trainings'
  | 'trainingRoster'
  | 'evaluations'
  | 'milestones';

/** The records within the filter and scope, as the tables that are exported. */
export function exportTables(
  data: DashboardData,
  /** The hearings in full (the dashboard itself holds only their figures). */
  hearingRecords: readonly SyncedRecord<Hearing>[],
  filter: DashboardFilter,
  scope: DistrictScope,
  t: TFunction<'dashboard'>,
  labels: ReturnType<typeof useLabels>,
): { key: ExportKey; table: ExportTable }[] {
  const words = exportWords(t, labels, data.tree);
  const hearings = hearingRecords.filter((r) =>
    matchesFilter(
      { districtId: r.body.districtId, territoryIds: [r.body.municipalityId], date: r.body.date },
      filter,
      scope,
      data.tree,
    ),
  );
  const milestones = data.milestones.filter((r) =>
    matchesFilter(
      { districtId: r.body.districtId, territoryIds: [r.body.territoryId], date: r.body.date },
      filter,
      scope,
      data.tree,
    ),
  );
  const groups = itemsOf(data.items, 'participant-group').map((g) => g.code);
  return [
    { key: 'hearings', table: hearingsTable(hearings, groups, words) },
    { key: 'hearingParticipants', table: hearingParticipantsTable(hearings, words) },
    { key: 'proposals', table: proposalsTable(hearings, words) },
    ...exportTablesOfOthers(data, filter, scope, words),
    { key: 'milestones', table: milestonesTable(milestones, words) },
  ];
}
