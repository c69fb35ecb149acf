import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useRecordsWithState } from '../../db/hooks.ts';
import { womenShare } from '../../domain/attendance.ts';
import { type Hearing, hearingFigures } from '../../domain/hearing.ts';
import { searchKey } from '../../domain/territory.ts';
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
type StatusFilter = 'all' | Hearing['status'];

/** Hearings, newest first: search, filters, and how each stands in sync. Works offline. */
export function HearingList() {
  const { t } = useTranslation('hearings');
  const format = useFormat();
  const tree = useTerritoryTree();
  const all = useRecordsWithState<Hearing>('hearing');
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

  const name = (territoryId: string) => tree?.byId.get(territoryId)?.names[format.language];

  const rows = useMemo(() => {
    const needle = searchKey(deferredQuery);
    return (all ?? [])
      .filter(({ record, state }) => {
        const h = record.body;
        if (municipalityId && h.municipalityId !== municipalityId) return false;
        if (status !== 'all' && h.status !== status) return false;
        if (sync !== 'all' && state !== sync) return false;
        if (!needle) return true;
        const place = tree?.byId.get(h.municipalityId);
        const haystack = [
          place?.names.ru,
          place?.names.ky,
          place?.names.en,
          h.venue,
          h.chair,
          h.organiser,
          h.secretary,
        ];
        return haystack.some((text) => text && searchKey(text).includes(needle));
      })
      .sort(
        (a, b) =>
          b.record.body.date.localeCompare(a.record.body.date) ||
          (b.record.body.startTime ?? '').localeCompare(a.record.body.startTime ?? ''),
      );
  }, [all, deferredQuery, municipalityId, status, sync, tree]);

  const municipalities = useMemo(() => {
    const ids = new Set((all ?? []).map(({ record }) => record.body.municipalityId));
    return [...ids]
      .map((m) => ({ id: m, name: tree?.byId.get(m)?.names[format.language] ?? m }))
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
        {rows.slice(0, shown).map(({ record, state }) => {
          const h = record.body;
          const figures = hearingFigures(h);
          const share = womenShare(figures);
          return (
            <li key={record.id} className="list__item list__item--link">
              <h2 className="list__title">
                <Link className="list__link" to={`/hearings/${record.id}`}>
                  {name(h.municipalityId) ?? t('unknownPlace')}
                  {' · '}
                  {format.date(new Date(`${h.date}T12:00:00`), 'short')}
                </Link>
              </h2>
              <p className="list__meta">
                {h.venue && `${h.venue} · `}
                {t('list.people', { count: figures.total, total: format.number(figures.total) })}
                {' · '}
                {share === null
                  ? t('list.noShare')
                  : t('list.women', { share: format.percent(share) })}
                {h.proposals.length > 0 &&
                  ` · ${t('list.proposals', { count: h.proposals.length })}`}
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
