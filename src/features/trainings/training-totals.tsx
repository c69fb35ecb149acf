import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecordsOfType, useReferenceItems } from '../../db/hooks.ts';
import { womenShare } from '../../domain/attendance.ts';
import { itemName } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { totalsByMunicipality, trainedTowns } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { positionRows } from './session-totals.tsx';

/**
 * Attendance of held trainings per municipality, by sex and position, and which towns
 * have trained representatives (the work plan's first indicator). From the device's copy.
 */
export function TotalsByMunicipality() {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const tree = useTerritoryTree();
  const items = useReferenceItems() ?? [];
  const trainings = useRecordsOfType('training');
  const rows = useMemo(() => totalsByMunicipality(trainings ?? []), [trainings]);
  const towns = useMemo(
    () =>
      [...(tree?.byId.values() ?? [])].filter(
        (m) => m.kind === 'municipality' && m.municipalityType === 'town' && !m.successorId,
      ),
    [tree],
  );
  const trained = useMemo(
    () =>
      trainedTowns(
        trainings ?? [],
        towns.map((town) => town.id),
      ),
    [trainings, towns],
  );
  const name = (id: string) =>
    id
      ? (territoryName(tree, id, format.language) ?? t('unknownPlace'))
      : t('byMunicipality.unknown');

  if (!trainings || !tree) return <p className="page muted">{t('loading')}</p>;
  return (
    <article className="page">
      <p>
        <Link className="back-link" to="/trainings">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="page__title">{t('byMunicipality.title')}</h1>
      <section className="card" aria-labelledby="towns-title">
        <h2 id="towns-title">{t('byMunicipality.towns')}</h2>
        <p className="muted">
          {t('byMunicipality.townsCount', {
            trained: format.number(trained.size),
            total: format.number(towns.length),
          })}
        </p>
        <ul className="towns">
          {towns.map((town) => {
            const ids = trained.get(town.id);
            return (
              <li key={town.id}>
                <span>{town.names[format.language]}</span>
                {ids ? (
                  <Link to={`/trainings/${ids[0]}`}>
                    {t('byMunicipality.trained', {
                      count: ids.length,
                      n: format.number(ids.length),
                    })}
                  </Link>
                ) : (
                  <span className="muted">{t('byMunicipality.notTrained')}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card" aria-labelledby="by-municipality">
        <h2 id="by-municipality">{t('byMunicipality.table')}</h2>
        {rows.length === 0 ? (
          <p className="muted">{t('byMunicipality.none')}</p>
        ) : (
          <TableScroll label={t('byMunicipality.table')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('byMunicipality.municipality')}</th>
                  <th scope="col">{t('totals.women')}</th>
                  <th scope="col">{t('totals.men')}</th>
                  <th scope="col">{t('totals.total')}</th>
                  <th scope="col">{t('totals.share')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const share = womenShare(row);
                  const positions = positionRows(row.byPosition, items);
                  return (
                    <tr key={row.municipalityId || 'unknown'}>
                      <th scope="row">
                        {name(row.municipalityId)}
                        {positions.length > 0 && (
                          <span className="list__meta">
                            {positions
                              .map(
                                (code) =>
                                  `${code ? itemName(items, 'training-position', code, format.language) : t('totals.noPosition')}: ${format.number((row.byPosition[code]?.women ?? 0) + (row.byPosition[code]?.men ?? 0))}`,
                              )
                              .join(' · ')}
                          </span>
                        )}
                      </th>
                      <td>{format.number(row.women)}</td>
                      <td>{format.number(row.men)}</td>
                      <td>{format.number(row.total)}</td>
                      <td>{share === null ? '—' : format.percent(share)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
