import { evaluationSchema } from '../../domain/checklist.ts';
import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
} from '../../domain/dashboard-filter.ts';
import { readTraining } from '../../domain/dashboard-sources.ts';
import type { ExportTable } from '../../export/cell.ts';
import type { ExportKey } from '../../export/export-words.ts';
import {
  type ExportWords,
  evaluationsTable,
  trainingRosterTable,
  trainingsTable,
} from '../../export/tables.ts';
import type { DashboardData } from '../../figures/use-dashboard-data.ts';

/**
 * Trainings with their rosters, read through the dashboard's view of a training (see
 * dashboard-sources.ts), and evaluations of draft programmes scored against the template
 * version each names. Records the device cannot read are left out, as on the dashboard.
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
  const evaluations = data.evaluations.flatMap(({ id, body }) => {
    const parsed = evaluationSchema.safeParse(body);
    if (!parsed.success) return [];
    const { districtId, territoryId, date } = parsed.data;
    return matchesFilter(
      { districtId, territoryIds: [territoryId], date },
      filter,
      scope,
      data.tree,
    )
      ? [{ id, body: parsed.data }]
      : [];
  });
  return [
    { key: 'trainings', table: trainingsTable(trainings, words) },
    { key: 'trainingRoster', table: trainingRosterTable(trainings, words) },
    { key: 'evaluations', table: evaluationsTable(evaluations, data.templates, words) },
  ];
}
