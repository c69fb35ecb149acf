import { useTranslation } from 'react-i18next';
import type { ReferenceItem } from '../../domain/reference-list.ts';
import type { TerritoryTree } from '../../domain/territory-tree.ts';
import type { Training } from '../../domain/training.ts';
import { toCsv } from '../../export/csv.ts';
import { exportWords } from '../../export/export-words.ts';
import { trainingRosterTable } from '../../export/tables.ts';
import { useLabels } from '../../export/use-labels.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { downloadFile } from '../../ui/download-file.ts';

/**
 * The roster of one training as a CSV file (UTF-8 with BOM, so Excel keeps the Cyrillic;
 * formulas neutralised): the same columns as the dashboard's roster export.
 */
export function useRosterCsv(tree: TerritoryTree | undefined, items: readonly ReferenceItem[]) {
  const { t } = useTranslation('dashboard');
  const { language } = useFormat();
  const labels = useLabels(tree, items);
  return (id: string, training: Training) => {
    const words = exportWords(t, labels, tree);
    const firstDay = training.dates[0] ?? '';
    const table = trainingRosterTable(
      [{ id, body: { ...training, firstDay, lastDay: training.dates.at(-1) ?? firstDay } }],
      words,
    );
    downloadFile(
      `${words.table('trainingRoster')}-${firstDay}-${language}.csv`,
      toCsv(table),
      'text/csv;charset=utf-8',
    );
  };
}
