import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Hearing } from '../../domain/hearing.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useRecordList } from '../../records/use-record-list.ts';
import { useSyncStateName } from '../../records/use-sync-state-name.ts';
import { FilterFold } from '../../ui/filter-fold.tsx';
import { SearchField, SelectField, SyncFilterField } from '../../ui/select-field.tsx';

/**
 * Hearings, newest first: search, filters, and how each stands in sync. Works offline.
 * Reads the list index, and the summaries of only the rows it shows.
 */
export function HearingList() {
  const { t } = useTranslation('hearings');
  const syncStateName = useSyncStateName();
  const format = useFormat();
  // Home's "Unfinished drafts" opens the list at ?status=draft.
  const [params] = useSearchParams();
  const list = useRecordList<'hearing', Hearing['status']>(
    'hearing',
    params.get('status') === 'draft' ? 'draft' : 'all',
  );
  const { tree, all, rows, visible, summaries } = list;
  const id = useId();

  const name = (territoryId: string) => territoryName(tree, territoryId, format.language);

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
        active={list.active}
        actions={
          <Link className="button button--primary" to="/hearings/new">
            {t('new.button')}
          </Link>
        }
      >
        <SearchField label={t('list.search')} value={list.query} onChange={list.search} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-m`}>
            {t('list.municipality')}
          </label>
          <select id={`${id}-m`} value={list.place} onChange={(e) => list.setPlace(e.target.value)}>
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
            value={list.status}
            onChange={list.setStatus}
            options={[
              { value: 'all', label: t('list.all') },
              { value: 'draft', label: t('status.draft') },
              { value: 'final', label: t('status.final') },
            ]}
          />
          <SyncFilterField
            label={t('list.sync')}
            allLabel={t('list.all')}
            value={list.sync}
            onChange={list.setSync}
            stateName={syncStateName}
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
                <span className={`sync-state sync-state--${state}`}>{syncStateName(state)}</span>
              </p>
            </li>
          );
        })}
      </ul>
      {list.more > 0 && (
        <button type="button" className="button" onClick={list.showMore}>
          {t('list.more', { count: list.more })}
        </button>
      )}
    </article>
  );
}
