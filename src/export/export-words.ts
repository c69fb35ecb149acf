import type { TFunction } from 'i18next';
import type { TerritoryTree } from '../domain/territory-tree.ts';
import type { ExportWords } from './tables.ts';
import type { Labels } from './use-labels.ts';

/** The tables the exports page offers, in the order it lists them. */
export type ExportKey =
  | 'hearings'
  | 'hearingParticipants'
  | 'proposals'
  | 'trainings'
  | 'trainingRoster'
  | 'evaluations'
  | 'milestones';

/** Column names, sheet names and terms of the exports, in the interface language. */
export function exportWords(
  t: TFunction<'dashboard'>,
  labels: Labels,
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
