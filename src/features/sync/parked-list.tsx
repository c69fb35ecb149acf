import { useTranslation } from 'react-i18next';
import type { StoredOutboxEntry } from '../../domain/outbox-entry.ts';
import { refusalText } from './refusal-text.ts';

export interface ParkedListProps {
  entries: StoredOutboxEntry[];
  onRetry: (seq: number) => void;
  onDiscard: (seq: number) => void;
}

/** Changes the server refused, with its reason; the rest of the queue went on without them. */
export function ParkedList({ entries, onRetry, onDiscard }: ParkedListProps) {
  const { t } = useTranslation(['sync', 'history']);
  return (
    <section className="card" aria-labelledby="parked-title">
      <h2 id="parked-title">{t('parked.title')}</h2>
      {entries.length === 0 && <p className="muted">{t('parked.none')}</p>}
      <ul className="list">
        {entries.map((entry) => {
          const { seq } = entry;
          const title = typeof entry.body.title === 'string' ? entry.body.title : entry.id;
          const { reason, field } = refusalText(entry.refusal, t);
          return (
            <li key={entry.mutationId} className="list__item">
              <h3 className="list__title">
                {t(`type.${entry.type}` as 'type.lessons-note', { defaultValue: entry.type })}:{' '}
                {title}
              </h3>
              <p className="form__error">{reason}</p>
              {field && <p className="form__error">{field}</p>}
              {entry.lastError && (
                <details className="muted">
                  <summary>{t('refusal.details')}</summary>
                  <p lang="en">{entry.lastError}</p>
                </details>
              )}
              <div className="actions">
                <button type="button" className="button" onClick={() => onRetry(seq)}>
                  {t('parked.retry')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (window.confirm(t('parked.discardConfirm'))) onDiscard(seq);
                  }}
                >
                  {t('parked.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
