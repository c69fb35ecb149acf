import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRecord } from '../../db/hooks.ts';
import { EvaluationEditor } from './evaluation-editor.tsx';
import { EvaluationResults } from './evaluation-results.tsx';

/** A draft opens for scoring; a finished evaluation opens on its scores. */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('checklists');
  const record = useRecord('evaluation', id);
  if (record === undefined) return <p className="page muted">{t('loading')}</p>;
  return record?.body.status === 'final' ? <EvaluationResults /> : <EvaluationEditor />;
}
