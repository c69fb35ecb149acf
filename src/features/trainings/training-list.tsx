import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type RecordSyncState, useReferenceItems } from '../../db/hooks.ts';
import { useListEntries, useListSummaries } from '../../db/use-list-index.ts';
import { itemName } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { type Training, trainingTitle } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FilterFold } from '../../ui/filter-fold.tsx';
import { filterEntries } from '../../ui/list-filter.ts';
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
  const all = useListEntries('training');
  const [query, setQuery] = useState('');
  // Home's "Trainings to mark as held" opens the list at ?status=planned.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>(() =>
    params.get('status') === 'planned' ? 'planned' : 'all',
  );
  const [sync, setSync] = useState<SyncFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);

  const place = (territoryId: string) => territoryName(tree, territoryId, format.language);
  const titleOf = (training: Pick<Training, 'title' | 'moduleCodes'>) =>
    trainingTitle(training, (code) => itemName(items, 'training-module', code, format.language)) ||
    t('untitled');

  const rows = useMemo(
    () => filterEntries(all ?? [], { query: deferredQuery, status, sync, place: '' }, tree),
    [all, deferredQuery, status, sync, tree],
  );
  const visible = rows.slice(0, shown);
  const summaries = useListSummaries(
    'training',
    visible.map((entry) => entry.id),
  );

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
        {visible.map(({ id: recordId, sync: state }) => {
          const body = summaries?.get(recordId);
          if (!body) return null;
          return (
            <li key={recordId} className="list__item list__item--link">
              <h2 className="list__title">
                <Link className="list__link" to={`/trainings/${recordId}`}>
                  {titleOf(body)}
                </Link>
              </h2>
              <p className="list__meta">
                {body.municipalityIds.map((m) => place(m) ?? t('unknownPlace')).join(', ')}
                {' · '}
                {format.date(new Date(`${body.firstDate}T12:00:00`), 'short')}
                {body.lastDate !== body.firstDate &&
                  `–${format.date(new Date(`${body.lastDate}T12:00:00`), 'short')}`}
              </p>
              <p className="list__meta">
                {t('list.people', { count: body.people, n: format.number(body.people) })}
                {' · '}
                {body.womenShare === null
                  ? t('list.noShare')
                  : t('list.women', { share: format.percent(body.womenShare) })}
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
