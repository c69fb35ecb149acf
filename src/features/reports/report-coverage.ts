import type { DashboardFilter, DistrictScope } from '../../domain/dashboard-filter.ts';
import { inScope } from '../../domain/dashboard-filter.ts';
import type { LessonsReport, NoteForReport } from '../../domain/lessons-report.ts';
import type { LessonsNote } from '../../domain/record-types.ts';
import type { NameLanguage } from '../../domain/territory.ts';
import { type TerritoryTree, territoryName } from '../../domain/territory-tree.ts';

/** What a report's figures cover: its district (or the whole project) and its period. */
export function reportFilter(report: Pick<LessonsReport, 'districtId' | 'from' | 'to'>) {
  const filter: DashboardFilter = {};
  if (report.districtId) filter.districtId = report.districtId;
  if (report.from) filter.from = report.from;
  if (report.to) filter.to = report.to;
  return filter;
}

/** Whether this user sees a report: a project-wide one needs every district in scope. */
export function reportVisible(report: Pick<LessonsReport, 'districtId'>, scope: DistrictScope) {
  return report.districtId ? inScope(report.districtId, scope) : scope === null;
}

/** The field notes a report draws on (its district's, or all in scope), as it quotes them. */
export function notesFor(
  notes: readonly { body: LessonsNote }[],
  districtId: string | undefined,
  scope: DistrictScope,
  tree: TerritoryTree,
  language: NameLanguage,
): NoteForReport[] {
  return notes
    .map((n) => n.body)
    .filter((n) => (districtId ? n.districtId === districtId : inScope(n.districtId, scope)))
    .map((n) => {
      const place = territoryName(tree, n.municipalityId ?? n.districtId, language);
      return { title: n.title, text: n.text, ...(place ? { place } : {}) };
    });
}
