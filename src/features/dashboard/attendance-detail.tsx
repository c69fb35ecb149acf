import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FigureRow, GenderFigures } from '../../domain/gender-figures.ts';
import { useLabels } from '../../export/use-labels.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { FigureTable } from '../../figures/figure-table.tsx';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFigures } from '../../figures/use-figures.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { recordHref } from './record-href.ts';
import { useRecordTitle } from './record-title.ts';

const localDate = (iso: string) => new Date(`${iso}T00:00:00`);

function findRow(figures: GenderFigures, level: string, key: string): FigureRow | undefined {
  switch (level) {
    case 'municipality':
    case 'district-level':
      return figures.byMunicipality.find(
        (r) =>
          r.key === key && r.level === (level === 'municipality' ? 'municipality' : 'district'),
      );
    case 'district':
      return figures.byDistrict.find((r) => r.key === key);
    case 'region':
      return figures.byRegion.find((r) => r.key === (key === '-' ? '' : key));
    case 'quarter':
      return figures.byQuarter.find((r) => r.key === key);
    case 'total':
      return figures.total;
    default:
      return undefined;
  }
}

/** Drill-down: the hearings and trainings behind one row of attendance figures. */
export function AttendanceDetail() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { filter, scope, search } = useDashboardFilter();
  const figures = useFigures(data, filter, scope);
  if (!data || !figures) return <p className="page muted">{t('loading')}</p>;
  return <AttendanceDetailBody data={data} figures={figures.gender} search={search} />;
}

function AttendanceDetailBody({
  data,
  figures,
  search,
}: {
  data: DashboardData;
  figures: GenderFigures;
  search: string;
}) {
  const { level = '', key = '' } = useParams();
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const labels = useLabels(data.tree, data.items);
  const title = useRecordTitle(data);
  const row = findRow(figures, level, key);
  const heading =
    level === 'total'
      ? t('gender.col.total')
      : level === 'quarter'
        ? labels.quarter(key)
        : level === 'district-level'
          ? t('gender.districtLevel', { district: labels.territory(key) })
          : labels.territory(key);
  const byId = new Map(data.sources.map((s) => [`${s.kind}:${s.id}`, s]));
  const sources = (row?.sources ?? [])
    .map((s) => byId.get(`${s.kind}:${s.id}`))
    .filter((s) => s !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
  const n = (value: number) => format.number(value);
  return (
    <article className="page dashboard">
      <DashboardNav search={search} />
      <p>
        <Link to={`/dashboard${search}`}>{t('drill.back')}</Link>
      </p>
      <h1 className="page__title">{t('drill.attendanceTitle', { place: heading })}</h1>
      {!row || sources.length === 0 ? (
        <p className="notice">{t('drill.none')}</p>
      ) : (
        <TableScroll label={t('drill.attendanceCaption', { count: sources.length })}>
          <FigureTable
            caption={t('drill.attendanceCaption', { count: sources.length })}
            data={{
              head: [
                t('drill.col.record'),
                t('drill.col.date'),
                t('gender.col.place'),
                t('gender.women'),
                t('gender.men'),
                t('gender.col.total'),
              ],
              rows: sources.map((s) => {
                const href = recordHref({ type: s.kind, id: s.id, territoryIds: s.territoryIds });
                const name = title(s.kind, s.id);
                return {
                  key: `${s.kind}-${s.id}`,
                  cells: [
                    href ? (
                      <Link key="record" to={href}>
                        {name}
                      </Link>
                    ) : (
                      name
                    ),
                    format.date(localDate(s.date), 'short'),
                    s.territoryIds.map(labels.territory).join(', ') ||
                      labels.territory(s.districtId),
                    n(s.figures.women),
                    n(s.figures.men),
                    n(s.figures.women + s.figures.men),
                  ],
                };
              }),
              foot: [t('gender.col.total'), '', '', n(row.women), n(row.men), n(row.total)],
            }}
          />
        </TableScroll>
      )}
    </article>
  );
}
