import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useRecordsWithState } from '../../db/hooks.ts';
import { CRITERION_CHANGES, compareEvaluations } from '../../domain/checklist-score.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { useScoreLabel } from './use-score-label.ts';
import { useTemplates } from './use-templates.ts';

/**
 * Two evaluations of one programme side by side (first draft and revised draft):
 * dimension scores, then criterion by criterion what improved and what did not.
 * The choice stays in the address (`?territory=…&before=…&after=…`).
 */
export function EvaluationCompare() {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const id = useId();
  const tree = useTerritoryTree();
  const templates = useTemplates();
  const all = useRecordsWithState('evaluation');
  const label = useScoreLabel();
  const [params, setParams] = useSearchParams();

  const evaluations = useMemo(
    () =>
      (all ?? [])
        .map(({ record }) => record)
        .sort((a, b) => a.body.date.localeCompare(b.body.date) || a.id.localeCompare(b.id)),
    [all],
  );
  const name = (territoryId: string) =>
    territoryName(tree, territoryId, format.language) ?? t('unknownPlace');
  const territories = [...new Set(evaluations.map((e) => e.body.territoryId))]
    .filter((tid) => evaluations.filter((e) => e.body.territoryId === tid).length >= 2)
    .map((tid) => ({ id: tid, name: name(tid) }))
    .sort((a, b) => a.name.localeCompare(b.name, format.language === 'en' ? 'en' : 'ru'));

  const afterParam = params.get('after');
  const territoryId =
    params.get('territory') ??
    evaluations.find((e) => e.id === afterParam)?.body.territoryId ??
    (territories.length === 1 ? territories[0]?.id : '') ??
    '';
  const ofTerritory = evaluations.filter((e) => e.body.territoryId === territoryId);
  const after = ofTerritory.find((e) => e.id === afterParam) ?? ofTerritory.at(-1);
  const before =
    ofTerritory.find((e) => e.id === params.get('before') && e.id !== after?.id) ??
    ofTerritory.filter((e) => e.id !== after?.id).at(-1);

  const choose = (patch: Record<string, string>) => {
    const next = {
      territory: territoryId,
      ...(before ? { before: before.id } : {}),
      ...(after ? { after: after.id } : {}),
      ...patch,
    };
    setParams(next, { replace: true });
  };
  const option = (e: (typeof evaluations)[number]) => (
    <option key={e.id} value={e.id}>
      {e.body.draftLabel} · {format.date(new Date(`${e.body.date}T12:00:00`), 'short')} ·{' '}
      {t(`status.${e.body.status}`)}
    </option>
  );

  const versionOf = (e: (typeof evaluations)[number] | undefined) =>
    e && templates?.find((v) => v.id === e.body.templateId)?.body;
  const beforeTemplate = versionOf(before);
  const afterTemplate = versionOf(after);
  const result =
    before && after && beforeTemplate && afterTemplate
      ? compareEvaluations(
          { template: beforeTemplate, answers: before.body.answers },
          { template: afterTemplate, answers: after.body.answers },
        )
      : null;
  const percent = (p: number | null | undefined) =>
    p === null || p === undefined ? '—' : format.percent(p / 100);
  // The change in percentage points: the unit stands once in the column's header (and is
  // said to screen readers in each cell), so the column stays narrow on a phone.
  const points = (delta: number | null) =>
    delta === null ? (
      '—'
    ) : (
      <>
        {`${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${format.number(Math.abs(delta), { maximumFractionDigits: 0 })}`}
        <span className="visually-hidden"> {t('compare.unit')}</span>
      </>
    );
  const dimensionTitle = (code: string) =>
    (afterTemplate ?? beforeTemplate)?.dimensions.find((d) => d.code === code)?.title[
      format.language
    ] ?? t(`dimension.${code as 'inclusivity'}`);
  /** The table's row name: the short name the programme table uses, the full one for screen readers. */
  const dimensionShort = (code: string) =>
    t(`dimensionShort.${code as 'inclusivity'}`, { defaultValue: dimensionTitle(code) });

  return (
    <article className="page checklist">
      <p>
        <Link className="back-link" to="/checklists">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="page__title">{t('compare.title')}</h1>
      {all && territories.length === 0 && <p className="muted">{t('compare.none')}</p>}
      {territories.length > 0 && (
        <form className="card form" aria-label={t('compare.choose')}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-territory`}>
              {t('compare.programme')}
            </label>
            <select
              id={`${id}-territory`}
              value={territoryId}
              onChange={(e) => setParams({ territory: e.target.value }, { replace: true })}
            >
              <option value="">{t('compare.chooseProgramme')}</option>
              {territories.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          {ofTerritory.length >= 2 && (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-before`}>
                  {t('compare.before')}
                </label>
                <select
                  id={`${id}-before`}
                  value={before?.id ?? ''}
                  onChange={(e) => choose({ before: e.target.value })}
                >
                  {ofTerritory.filter((e) => e.id !== after?.id).map(option)}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-after`}>
                  {t('compare.after')}
                </label>
                <select
                  id={`${id}-after`}
                  value={after?.id ?? ''}
                  onChange={(e) => {
                    const nextAfter = e.target.value;
                    choose(
                      before?.id === nextAfter
                        ? { after: nextAfter, before: after?.id ?? '' }
                        : { after: nextAfter },
                    );
                  }}
                >
                  {ofTerritory.map(option)}
                </select>
              </div>
            </>
          )}
        </form>
      )}
      {before && after && (!beforeTemplate || !afterTemplate) && (
        <p className="notice">{t('templateMissing')}</p>
      )}
      {result && before && after && beforeTemplate && afterTemplate && (
        <>
          {beforeTemplate.version !== afterTemplate.version && (
            <p className="notice notice--quiet">
              {t('compare.versions', {
                before: format.number(beforeTemplate.version),
                after: format.number(afterTemplate.version),
              })}
            </p>
          )}
          <section className="card" aria-labelledby={`${id}-summary`}>
            <h2 id={`${id}-summary`}>{t('compare.summary')}</h2>
            <ul className="change-counts">
              {CRITERION_CHANGES.filter((c) => result.counts[c] > 0).map((c) => (
                <li key={c} className={`change change--${c}`}>
                  {t(`compare.count.${c}`, {
                    count: result.counts[c],
                    n: format.number(result.counts[c]),
                  })}
                </li>
              ))}
            </ul>
            <TableScroll label={t('compare.byDimension')}>
              <table className="table compare-table">
                <caption className="visually-hidden">{t('compare.byDimension')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('compare.dimension')}</th>
                    {/* Named as the choices above, not by the draft's own (long) label. */}
                    <th scope="col" title={before.body.draftLabel}>
                      {t('compare.beforeShort')}
                    </th>
                    <th scope="col" title={after.body.draftLabel}>
                      {t('compare.afterShort')}
                    </th>
                    <th scope="col">
                      {t('compare.change')}{' '}
                      <span className="compare-table__unit">({t('compare.unit')})</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.dimensions.map((d) => (
                    <tr key={d.code}>
                      <th scope="row" title={dimensionTitle(d.code)}>
                        <span aria-hidden="true">{dimensionShort(d.code)}</span>
                        <span className="visually-hidden">{dimensionTitle(d.code)}</span>
                      </th>
                      <td>{percent(d.before?.percent)}</td>
                      <td>{percent(d.after?.percent)}</td>
                      <td>{points(d.delta)}</td>
                    </tr>
                  ))}
                  <tr className="table__total">
                    <th scope="row">{t('results.overall')}</th>
                    <td>{percent(result.overall.before.percent)}</td>
                    <td>{percent(result.overall.after.percent)}</td>
                    <td>{points(result.overall.delta)}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
          </section>
          {result.dimensions.map(({ code }) => {
            const rows = result.criteria.filter((c) => c.dimension === code);
            return (
              <section key={code} className="card" aria-labelledby={`${id}-${code}`}>
                <h2 id={`${id}-${code}`}>{dimensionTitle(code)}</h2>
                <ul className="comparison">
                  {rows.map((row) => (
                    <li key={row.code} className="comparison__item">
                      <p className="comparison__criterion">{row.criterion.text[format.language]}</p>
                      <p className="comparison__scores">
                        <span>
                          {row.inBefore
                            ? row.before === undefined
                              ? t('score.none')
                              : label(row.before)
                            : t('compare.notInTemplate')}
                        </span>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> {t('compare.then')} </span>
                        <span>
                          {row.inAfter
                            ? row.after === undefined
                              ? t('score.none')
                              : label(row.after)
                            : t('compare.notInTemplate')}
                        </span>
                      </p>
                      <p>
                        <span className={`change change--${row.change}`}>
                          {t(`compare.changes.${row.change}`)}
                        </span>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
