import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useListEntries, useListSummaries } from '../../db/use-list-index.ts';
import type { Hearing } from '../../domain/hearing.ts';
import { territoryName } from '../../domain/territory-tree.ts';
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
type StatusFilter = 'all' | Hearing['status'];

/**
 * Hearings, newest first: search, filters, and how each stands in sync. Works offline.
 * Reads the list index, and the summaries of only the rows it shows.
 */
export function HearingList() {
  const { t } = useTranslation('hearings');
  const format = useFormat();
  const tree = useTerritoryTree();
  const all = useListEntries('hearing');
  const [query, setQuery] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  // Home's "Unfinished drafts" opens the list at ?status=draft.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>(() =>
    params.get('status') === 'draft' ? 'draft' : 'all',
  );
  const [sync, setSync] = useState<SyncFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  const id = useId();

  const name = (territoryId: string) => territoryName(tree, territoryId, format.language);

  const rows = useMemo(
    () =>
      filterEntries(all ?? [], { query: deferredQuery, status, sync, place: municipalityId }, tree),
    [all, deferredQuery, municipalityId, status, sync, tree],
  );
  const visible = rows.slice(0, shown);
  const summaries = useListSummaries(
    'hearing',
    visible.map((entry) => entry.id),
  );

  const municipalities = useMemo(() => {
    const ids = new Set((all ?? []).map((entry) => entry.place));
    return [...ids]
      .map((m) => ({ id: m, name: territoryName(tree, m, format.language) ?? m }))
      .sort((a, b) => a.name.localeCompare(b.name, format.language === 'en' ? 'en' : 'ru'));
  }, [all, tree, format.language]);

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <FilterFold
        label={t('list.filters')}
        active={
          [query.trim() !== '', municipalityId !== '', status !== 'all', sync !== 'all'].filter(
            Boolean,
          ).length
        }
        actions={
          <Link className="button button--primary" to="/hearings/new">
            {t('new.button')}
          </Link>
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
        <div className="field">
          <label className="field__label" htmlFor={`${id}-m`}>
            {t('list.municipality')}
          </label>
          <select
            id={`${id}-m`}
            value={municipalityId}
            onChange={(e) => setMunicipalityId(e.target.value)}
          >
            <option value="">{t('list.all')}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <SelectField
            label={t('list.status')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('list.all') },
              { value: 'draft', label: t('status.draft') },
              { value: 'final', label: t('status.final') },
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
      {all && all.length > 0 && (
        <p className="muted" role="status">
          {t('list.count', { count: rows.length, shown: format.number(rows.length) })}
        </p>
      )}
      <ul className="list">
        {visible.map(({ id: recordId, sync: state }) => {
          const h = summaries?.get(recordId);
          if (!h) return null;
          return (
            <li key={recordId} className="list__item list__item--link">
              <h2 className="list__title">
                <Link className="list__link" to={`/hearings/${recordId}`}>
                  {name(h.municipalityId) ?? t('unknownPlace')}
                  {' · '}
                  {format.date(new Date(`${h.date}T12:00:00`), 'short')}
                </Link>
              </h2>
              <p className="list__meta">
                {h.venue && `${h.venue} · `}
                {t('list.people', { count: h.people, total: format.number(h.people) })}
                {' · '}
                {h.womenShare === null
                  ? t('list.noShare')
                  : t('list.women', { share: format.percent(h.womenShare) })}
                {h.proposals > 0 && ` · ${t('list.proposals', { count: h.proposals })}`}
              </p>
              <p className="list__state">
                <span className={`badge badge--${h.status}`}>{t(`status.${h.status}`)}</span>{' '}
                <span className={`sync-state sync-state--${state}`}>{t(`state.${state}`)}</span>
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
