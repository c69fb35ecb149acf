import { useTranslation } from 'react-i18next';
import type { Score } from '../../domain/checklist.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { scoreWord } from './score-words.ts';

/** "Yes (1)", "Partly (0.5)", "No (0)", "Not applicable", in the interface language. */
export function useScoreLabel(): (score: Score) => string {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  return (score) =>
    t(`score.${scoreWord(score)}`, {
      value: score === 'na' ? '' : format.number(score, { maximumFractionDigits: 1 }),
    });
}
