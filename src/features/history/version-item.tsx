import { useTranslation } from 'react-i18next';
import type history from '../../../locales/en/history.json';
import type { FieldChange, Scalar, VersionWithChanges } from '../../domain/record-history.ts';
import { useFormat } from '../../i18n/use-format.ts';

type FieldKey = keyof (typeof history)['field'];

export interface VersionItemProps {
  version: VersionWithChanges;
  current: boolean;
  /** Shown only to the record's author and admins, never on the current or a deleted version. */
  onRestore?: () => void;
}

/** One version: who and when, applied or a conflict, and the fields it changed. */
export function VersionItem({ version, current, onRestore }: VersionItemProps) {
  const { t, i18n } = useTranslation('history');
  const format = useFormat();
  const at = new Date(version.updatedAt);
  const when = `${format.date(at, 'long')}, ${format.time(at)}`;
  const who = version.updatedByName ?? version.updatedBy;

  const label = (segment: string) =>
    i18n.exists(`history:field.${segment}`) ? t(`field.${segment as FieldKey}`) : segment;
  const show = (value: Scalar | undefined) => {
    if (value === undefined || value === null || value === '') return t('empty');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'number') return format.number(value);
    return value;
  };
  const sentence = (change: FieldChange) => {
    const name = change.path.map(label).join(' › ');
    return change.kind === 'value'
      ? `${name}: ${show(change.before)} → ${show(change.after)}`
      : `${name}: ${t('changed')}`;
  };

  return (
    <li className={`list__item history-version history-version--${version.kind}`}>
      <p className="list__title">{when}</p>
      <p className="list__meta">
        {t('by', { name: who })}
        {' · '}
        <span className={`badge history-kind--${version.kind}`}>{t(`kind.${version.kind}`)}</span>
        {current && <> · {t('current')}</>}
        {version.deleted && <> · {t('deleted')}</>}
      </p>
      {version.changes === null ? (
        <p className="muted">{t('first')}</p>
      ) : version.changes.length === 0 ? (
        <p className="muted">{t('noChanges')}</p>
      ) : (
        <ul className="history-changes" aria-label={t('changes')}>
          {version.changes.map((change) => (
            <li key={change.path.join('.')}>{sentence(change)}</li>
          ))}
        </ul>
      )}
      {onRestore && (
        <div className="actions">
          <button type="button" className="button" onClick={onRestore}>
            {t('restore.button')}
          </button>
        </div>
      )}
    </li>
  );
}
