import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type RecordSyncState, useRecordsWithState, useReferenceItems } from '../../db/hooks.ts';
import { itemName } from '../../domain/reference-list.ts';
import { searchKey } from '../../domain/territory.ts';
import { type Training, trainingTitle, trainingTotals } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FilterFold } from '../../ui/filter-fold.tsx';
import {
  SearchField,
  SelectField,
  type SyncFilter,
  SyncFilterField,
} from '../../ui/select-field.tsx';
import { useTerritoryTree } from '../../ui/use-territory-tree.ts';

const PAGE = 50;
type StatusFilter = 'all' | Training['status'];

/** Trainings, newest first, with their attendance and sync state; search and filter. */
export function TrainingList() {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const tree = useTerritoryTree();
  const items = useReferenceItems() ?? [];
  const all = useRecordsWithState<Training>('training');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sync, setSync] = useState<SyncFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);

  const place = (territoryId: string) => tree?.byId.get(territoryId)?.names[format.language];
  const titleOf = (training: Training) =>
    trainingTitle(training, (code) => itemName(items, 'training-module', code, format.language)) ||
    t('untitled');

  const rows = useMemo(() => {
    const needle = searchKey(deferredQuery);
    return (all ?? [])
      .filter(({ record, state }) => {
        const body = record.body;
        if (status !== 'all' && body.status !== status) return false;
        if (sync !== 'all' && state !== sync) return false;
        if (!needle) return true;
        const names = body.municipalityIds.flatMap((m) => {
          const node = tree?.byId.get(m);
          return node ? [node.names.ru, node.names.ky, node.names.en] : [];
        });
        return [...names, body.title, body.venue, body.trainers].some(
          (text) => text && searchKey(text).includes(needle),
        );
      })
      .sort((a, b) => (b.record.body.dates[0] ?? '').localeCompare(a.record.body.dates[0] ?? ''));
  }, [all, deferredQuery, status, sync, tree]);

  const stateName = (state: RecordSyncState) => t(`state.${state}`);

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <FilterFold
        label={t('list.filters')}
        active={[query.trim() !== '', status !== 'all', sync !== 'all'].filter(Boolean).length}
        actions={
          <>
            <Link className="button button--primary" to="/trainings/new">
              {t('new.button')}
            </Link>
            <Link className="button" to="/trainings/totals">
              {t('byMunicipality.open')}
            </Link>
          </>
        }
      >
        <SearchField
          label={t('list.search')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setShown(PAGE);
          }}
        />
        <div className="field-row">
          <SelectField
            label={t('list.status')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('list.all') },
              { value: 'planned', label: t('status.planned') },
              { value: 'held', label: t('status.held') },
            ]}
          />
          <SyncFilterField
            label={t('list.sync')}
            allLabel={t('list.all')}
            value={sync}
            onChange={setSync}
            stateName={(state) => t(`state.${state}`)}
          />
        </div>
      </FilterFold>
      {all === undefined && <p className="muted">{t('loading')}</p>}
      {all && all.length === 0 && <p className="muted">{t('list.empty')}</p>}
      <ul className="list" aria-label={t('title')}>
        {rows.slice(0, shown).map(({ record, state }) => {
          const body = record.body;
          const totals = trainingTotals(body.attendance);
          return (
            <li key={record.id} className="list__item list__item--link">
              <h2 className="list__title">
                <Link className="list__link" to={`/trainings/${record.id}`}>
                  {titleOf(body)}
                </Link>
              </h2>
              <p className="list__meta">
                {body.municipalityIds.map((m) => place(m) ?? t('unknownPlace')).join(', ')}
                {' · '}
                {format.date(new Date(`${body.dates[0]}T12:00:00`), 'short')}
                {body.dates.length > 1 &&
                  `–${format.date(new Date(`${body.dates.at(-1)}T12:00:00`), 'short')}`}
              </p>
              <p className="list__meta">
                {t('list.people', { count: totals.total, n: format.number(totals.total) })}
                {' · '}
                {totals.womenShare === null
                  ? t('list.noShare')
                  : t('list.women', { share: format.percent(totals.womenShare) })}
              </p>
              <p className="list__state">
                <span className={`badge badge--${body.status}`}>{t(`status.${body.status}`)}</span>{' '}
                <span className={`sync-state sync-state--${state}`}>{stateName(state)}</span>
              </p>
            </li>
          );
        })}
      </ul>
      {rows.length > shown && (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('list.more', { count: Math.min(PAGE, rows.length - shown) })}
        </button>
      )}
    </article>
  );
}
