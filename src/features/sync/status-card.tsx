import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format.ts';
import type { SyncStatus } from '../../sync/engine.ts';
import { failureMessage } from '../../sync/failure-message.ts';

export interface StatusCardProps {
  status: SyncStatus;
  online: boolean;
  pending: number | undefined;
  /** Another tab of the app is syncing (information only: this tab's status is its own). */
  otherTabSyncing?: boolean;
  onSyncNow: () => void;
}

export function StatusCard({
  status,
  online,
  pending,
  otherTabSyncing = false,
  onSyncNow,
}: StatusCardProps) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const when = (iso: string) => {
    const date = new Date(iso);
    return `${format.date(date, 'long')}, ${format.time(date)}`;
  };
  let phase: string;
  if (status.phase === 'needs-login') phase = t('phase.needsLogin');
  else if (!online) phase = t('phase.offline');
  else if (status.phase === 'syncing') phase = t('phase.syncing');
  else if (status.phase === 'retrying' && status.nextAttemptAt) {
    const next = t('phase.retrying', { time: format.time(new Date(status.nextAttemptAt)) });
    phase = status.lastFailure ? `${failureMessage(t, status.lastFailure)} ${next}` : next;
  } else phase = t('phase.idle');

  return (
    <section className="card" aria-labelledby="sync-status">
      <h2 id="sync-status" className="visually-hidden">
        {t('title')}
      </h2>
      <p className={`sync-phase sync-phase--${online ? status.phase : 'offline'}`} role="status">
        {phase}
      </p>
      {otherTabSyncing && online && status.phase !== 'syncing' && (
        <p className="muted">{t('otherTab')}</p>
      )}
      <p>
        {status.lastSuccessAt ? t('lastSuccess', { when: when(status.lastSuccessAt) }) : t('never')}
      </p>
      {pending !== undefined && (
        <p data-testid="pending-count">
          {pending === 0 ? t('pendingNone') : t('pending', { count: pending })}
        </p>
      )}
      <div className="actions">
        {status.phase === 'needs-login' ? (
          <Link
            className="button button--primary"
            to="/login"
            state={{ expired: true, from: '/sync' }}
          >
            {t('signInAgain')}
          </Link>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={onSyncNow}
            disabled={status.phase === 'syncing'}
          >
            {t('syncNow')}
          </button>
        )}
      </div>
    </section>
  );
}
