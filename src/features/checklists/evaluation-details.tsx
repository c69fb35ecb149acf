import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../domain/checklist.ts';
import type { EvaluationProblem } from './use-evaluation-editor.ts';

export interface EvaluationDetailsProps {
  evaluation: Evaluation;
  problems: readonly EvaluationProblem[];
  onChange: (patch: Partial<Evaluation>) => void;
}

/** Which draft, who evaluated it and when: correctable while scoring. */
export function EvaluationDetails({ evaluation, problems, onChange }: EvaluationDetailsProps) {
  const { t } = useTranslation('checklists');
  const id = useId();
  const field = (name: 'draftLabel' | 'evaluator' | 'date', type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {t(`fields.${name}`)}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={evaluation[name]}
        aria-invalid={problems.includes(name)}
        onChange={(e) => onChange({ [name]: e.target.value })}
      />
    </div>
  );
  return (
    <details className="card checklist__details" open={problems.length > 0 || undefined}>
      <summary>{t('editor.details')}</summary>
      <div className="form">
        {field('draftLabel')}
        {field('evaluator')}
        {field('date', 'date')}
      </div>
    </details>
  );
}
