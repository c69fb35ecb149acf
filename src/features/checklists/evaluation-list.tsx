import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useListEntries, useListSummaries } from '../../db/use-list-index.ts';
import { DIMENSION_CODES } from '../../domain/checklist.ts';
import { dimensionPercents, overallScore, programmeTable } from '../../domain/checklist-score.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { keepDatesWhole } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useSyncStateName } from '../../records/use-sync-state-name.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { ProgrammeTable } from './programme-table.tsx';
import { useTemplates } from './use-templates.ts';

/**
 * Evaluations on this device by programme (municipality or district), each with its state
 * and scores, then the table of every evaluated programme. Works offline.
 */
export function EvaluationList() {
  const { t } = useTranslation('checklists');
  const syncStateName = useSyncStateName();
  const format = useFormat();
  const tree = useTerritoryTree();
  const templates = useTemplates();
  const entries = useListEntries('evaluation');
  const summaries = useListSummaries(
    'evaluation',
    useMemo(() => (entries ?? []).map((entry) => entry.id), [entries]),
  );
  // Home's "Draft evaluations" opens the list at ?status=draft: drafts only, the table whole.
  const [params] = useSearchParams();
  const draftsOnly = params.get('status') === 'draft';
  /** Every evaluation as the index holds it (its scores, not its comments), with its sync state. */
  const all = useMemo(
    () =>
      entries &&
      summaries &&
      entries.flatMap((entry) => {
        const body = summaries.get(entry.id);
        return body ? [{ record: { id: entry.id, body }, state: entry.sync }] : [];
      }),
    [entries, summaries],
  );
  const isAdmin = useAccount()?.role === 'admin';

  const nameOf = useCallback(
    (territoryId: string) => territoryName(tree, territoryId, format.language) ?? t('unknownPlace'),
    [tree, format.language, t],
  );
  const byId = useMemo(() => new Map((templates ?? []).map((v) => [v.id, v.body])), [templates]);

  const groups = useMemo(() => {
    const map = new Map<string, NonNullable<typeof all>>();
    for (const item of all ?? []) {
      if (draftsOnly && item.record.body.status !== 'draft') continue;
      const list = map.get(item.record.body.territoryId) ?? [];
      list.push(item);
      map.set(item.record.body.territoryId, list);
    }
    const collator = new Intl.Collator(format.language === 'en' ? 'en' : 'ru');
    return [...map.entries()]
      .map(([territoryId, items]) => ({
        territoryId,
        name: nameOf(territoryId),
        items: items.sort(
          (a, b) =>
            b.record.body.date.localeCompare(a.record.body.date) ||
            b.record.id.localeCompare(a.record.id),
        ),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [all, nameOf, format.language, draftsOnly]);

  const rows = useMemo(
    () =>
      programmeTable(
        (all ?? []).map(({ record }) => record),
        templates ?? [],
      ),
    [all, templates],
  );

  return (
    <article className="page checklist">
      <h1 className="page__title">{t('title')}</h1>
      <div className="list-actions">
        <Link className="button button--primary" to="/checklists/new">
          {t('new.button')}
        </Link>
        <Link className="button" to="/checklists/compare">
          {t('compare.open')}
        </Link>
      </div>

      <section aria-labelledby="checklists-evaluations">
        <h2 id="checklists-evaluations" className="checklist__heading">
          {t('list.title')}
        </h2>
        {draftsOnly && (
          <p className="notice notice--quiet">
            {t('list.draftsOnly')} <Link to="/checklists">{t('list.showAll')}</Link>
          </p>
        )}
        {all === undefined && <p className="muted">{t('loading')}</p>}
        {all && all.length === 0 && <p className="muted">{t('list.empty')}</p>}
        {groups.map((group) => (
          <section
            key={group.territoryId}
            className="checklist__group"
            aria-labelledby={`group-${group.territoryId}`}
          >
            <h3 id={`group-${group.territoryId}`}>{group.name}</h3>
            <ul className="list">
              {group.items.map(({ record, state }) => {
                const e = record.body;
                const template = byId.get(e.templateId);
                const overall = template && overallScore(template, e.answers);
                const percents = template && dimensionPercents(template, e.answers);
                return (
                  <li key={record.id} className="list__item list__item--link">
                    <p className="list__title">
                      <Link className="list__link" to={`/checklists/${record.id}`}>
                        {keepDatesWhole(e.draftLabel)} ·{' '}
                        {format.date(new Date(`${e.date}T12:00:00`), 'short')}
                      </Link>
                    </p>
                    <p className="list__meta">
                      {e.evaluator}
                      {overall &&
                        e.status === 'draft' &&
                        ` · ${t('progress', {
                          count: overall.total,
                          answered: format.number(overall.answered),
                          total: format.number(overall.total),
                        })}`}
                      {overall &&
                        overall.percent !== null &&
                        ` · ${t('list.overall', { percent: format.percent(overall.percent / 100) })}`}
                    </p>
                    {percents && (
                      <ul className="mini-scores" aria-label={t('results.scores')}>
                        {DIMENSION_CODES.map((code) => (
                          <li key={code}>
                            <span className="mini-scores__name">{t(`dimensionShort.${code}`)}</span>{' '}
                            {percents[code] === null
                              ? '—'
                              : format.percent((percents[code] ?? 0) / 100)}
                          </li>
                        ))}
                      </ul>
                    )}
                    <p className="list__state">
                      <span className={`badge badge--${e.status}`}>{t(`status.${e.status}`)}</span>{' '}
                      <span className={`sync-state sync-state--${state}`}>
                        {syncStateName(state)}
                      </span>
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>

      <p className="lead">{t('intro')}</p>
      <p>
        <Link className="button button--quiet" to="/checklists/template">
          {isAdmin ? t('template.manage') : t('template.open')}
        </Link>
      </p>
      <section aria-labelledby="checklists-programmes" className="card">
        <h2 id="checklists-programmes">{t('table.title')}</h2>
        <p className="muted">{t('table.hint')}</p>
        <ProgrammeTable rows={rows} nameOf={nameOf} />
      </section>
    </article>
  );
}
