import type { TFunction } from 'i18next';
import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
} from '../../domain/dashboard-filter.ts';
import type { Hearing } from '../../domain/hearing.ts';
import type { SyncedRecord } from '../../domain/record.ts';
import { itemsOf } from '../../domain/reference-list.ts';
import type { ExportTable } from '../../export/cell.ts';
import { type ExportKey, exportWords } from '../../export/export-words.ts';
import {
  hearingParticipantsTable,
  hearingsTable,
  milestonesTable,
  proposalsTable,
} from '../../export/tables.ts';
import type { Labels } from '../../export/use-labels.ts';
import type { DashboardData } from '../../figures/use-dashboard-data.ts';
import { exportTablesOfOthers } from './export-others.ts';

/** The records within the filter and scope, as the tables that are exported. */
export function exportTables(
  data: DashboardData,
  /** The hearings in full (the dashboard itself holds only their figures). */
  hearingRecords: readonly SyncedRecord<Hearing>[],
  filter: DashboardFilter,
  scope: DistrictScope,
  t: TFunction<'dashboard'>,
  labels: Labels,
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
