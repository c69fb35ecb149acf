import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useReferenceItems } from '../../db/hooks.ts';
import { itemName } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { type Training, trainingTitle } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useRecordList } from '../../records/use-record-list.ts';
import { useSyncStateName } from '../../records/use-sync-state-name.ts';
import { FilterFold } from '../../ui/filter-fold.tsx';
import { SearchField, SelectField, SyncFilterField } from '../../ui/select-field.tsx';

/** Trainings, newest first, with their attendance and sync state; search and filter. */
export function TrainingList() {
  const { t } = useTranslation('trainings');
  const syncStateName = useSyncStateName();
  const format = useFormat();
  const items = useReferenceItems() ?? [];
  // Home's "Trainings to mark as held" opens the list at ?status=planned.
  const [params] = useSearchParams();
  const list = useRecordList<'training', Training['status']>(
    'training',
    params.get('status') === 'planned' ? 'planned' : 'all',
  );
  const { tree, all, visible, summaries } = list;

  const place = (territoryId: string) => territoryName(tree, territoryId, format.language);
  const titleOf = (training: Pick<Training, 'title' | 'moduleCodes'>) =>
    trainingTitle(training, (code) => itemName(items, 'training-module', code, format.language)) ||
    t('untitled');

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <FilterFold
        label={t('list.filters')}
        active={list.active}
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
        <SearchField label={t('list.search')} value={list.query} onChange={list.search} />
        <div className="field-row">
          <SelectField
            label={t('list.status')}
            value={list.status}
            onChange={list.setStatus}
            options={[
              { value: 'all', label: t('list.all') },
              { value: 'planned', label: t('status.planned') },
              { value: 'held', label: t('status.held') },
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
