import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
} from '../../domain/dashboard-filter.ts';
import { readTraining } from '../../domain/dashboard-sources.ts';
import type { ExportTable } from '../../export/cell.ts';
import { type ExportWords, trainingRosterTable, trainingsTable } from '../../export/tables.ts';
import type { ExportKey } from './export-data.ts';
import type { DashboardData } from './use-dashboard-data.ts';

/**
 * Trainings with their rosters, read through the dashboard's view of a training (see
 * dashboard-sources.ts). Integration point: evaluation scores join here once the
 * checklists module defines the evaluation record and its dimension scores.
 */
export function exportTablesOfOthers(
  data: DashboardData,
  filter: DashboardFilter,
  scope: DistrictScope,
  words: ExportWords,
): { key: ExportKey; table: ExportTable }[] {
  const trainings = data.trainings.flatMap(({ id, body }) => {
    const view = readTraining(body);
    const placed = view && {
      districtId: view.districtId,
      territoryIds: view.municipalityIds,
      date: view.firstDay,
    };
    return view && placed && matchesFilter(placed, filter, scope, data.tree)
      ? [{ id, body: view }]
      : [];
  });
  return [
    { key: 'trainings', table: trainingsTable(trainings, words) },
    { key: 'trainingRoster', table: trainingRosterTable(trainings, words) },
  ];
}
