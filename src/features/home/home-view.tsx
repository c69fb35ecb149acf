import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format.ts';
import { Icon, type IconName } from '../../ui/icons.tsx';
import type { UnfinishedCounts } from './use-unfinished-counts.ts';

const TILES: { path: string; key: Exclude<IconName, 'home'> }[] = [
  { path: '/hearings', key: 'hearings' },
  { path: '/trainings', key: 'trainings' },
  { path: '/checklists', key: 'checklists' },
  { path: '/municipalities', key: 'municipalities' },
  { path: '/notes', key: 'notes' },
  { path: '/dashboard', key: 'dashboard' },
  { path: '/sync', key: 'sync' },
  { path: '/settings', key: 'settings' },
];

export interface HomeViewProps {
  today: Date;
  /** undefined while the device store is being read. */
  pending: number | undefined;
  /** "Install on this phone", once there is work on the device (loaded with the database). */
  installHint?: ReactNode;
  /** Other unfinished work, beside hearing drafts; undefined while it is being read. */
  unfinished?: UnfinishedCounts;
}

export function HomeView({ today, pending, installHint, unfinished }: HomeViewProps) {
  const { t } = useTranslation('home');
  const { t: tc } = useTranslation();
  const format = useFormat();
  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="today">{t('today', { date: format.date(today, 'full') })}</p>
      <div className="shortcuts">
        <Link to="/hearings/new" className="button button--primary shortcuts__main">
          <Icon name="hearings" />
          {t('shortcuts.newHearing')}
        </Link>
        <Link to="/hearings?status=draft" className="button">
          {t('shortcuts.drafts')}
        </Link>
      </div>
      {unfinished && (unfinished.evaluations > 0 || unfinished.trainings > 0) && (
        <ul className="unfinished" aria-label={t('shortcuts.alsoUnfinished')}>
          {unfinished.evaluations > 0 && (
            <li>
              <Link to="/checklists?status=draft">
                {t('shortcuts.evaluations', { n: format.number(unfinished.evaluations) })}
              </Link>
            </li>
          )}
          {unfinished.trainings > 0 && (
            <li>
              <Link to="/trainings?status=planned">
                {t('shortcuts.trainings', { n: format.number(unfinished.trainings) })}
              </Link>
            </li>
          )}
        </ul>
      )}
      {installHint}
      <p className="lead">{t('intro')}</p>
      {pending !== undefined && (
        <p className="pending">
          {pending === 0 ? t('pendingNone') : t('pending', { count: pending })}
        </p>
      )}
      <ul className="tiles">
        {TILES.map((tile) => (
          <li key={tile.key}>
            <Link to={tile.path} className="tile">
              <Icon name={tile.key} size={28} />
              <span>{tc(`nav.${tile.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
