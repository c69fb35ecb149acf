import { useTranslation } from 'react-i18next';
import type { ScoreSummary } from '../../domain/checklist-score.ts';
import { useFormat } from '../../i18n/use-format.ts';
import type { ScoreBarsProps } from './score-bars.tsx';

/** The words of the score bars in the interface language. */
export function useScoreWords(): ScoreBarsProps['words'] {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  return {
    title: t('results.scores'),
    overall: t('results.overall'),
    percent: (percent: number) => format.percent(percent / 100),
    notScored: t('results.notScored'),
    applicable: (s: ScoreSummary) =>
      t('results.applicable', {
        count: s.total,
        applicable: format.number(s.applicable),
        total: format.number(s.total),
      }),
  };
}
