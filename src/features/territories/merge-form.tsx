import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryNode } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';

export interface MergeFormProps {
  candidates: TerritoryNode[];
  onMerge: (successorId: string, date: string) => Promise<void>;
  onCancel: () => void;
}

/** Admin: a merged aiyl aimak ends, names its successor, and keeps its records. */
export function MergeForm({ candidates, onMerge, onCancel }: MergeFormProps) {
  const { t } = useTranslation('territories');
  const { language } = useFormat();
  const [successorId, setSuccessorId] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<'successor' | 'date' | 'save' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!successorId) return setError('successor');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('date');
    try {
      await onMerge(successorId, date);
    } catch {
      setError('save');
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={t('admin.merge')}>
      <h2>{t('admin.merge')}</h2>
      <p className="muted">{t('admin.mergeHelp')}</p>
      <div className="field">
        <label className="field__label" htmlFor="merge-successor">
          {t('admin.mergeInto')}
        </label>
        <select
          id="merge-successor"
          value={successorId}
          onChange={(e) => setSuccessorId(e.target.value)}
        >
          <option value="">{t('admin.chooseSuccessor')}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.names[language]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="merge-date">
          {t('admin.mergeDate')}
        </label>
        <input id="merge-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <FormError message={error && t(`admin.error.${error}`)} />
      <SaveCancel
        saveLabel={t('admin.mergeSave')}
        cancelLabel={t('admin.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
