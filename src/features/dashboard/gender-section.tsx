import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FigureRow, GenderFigures, MunicipalityRow } from '../../domain/gender-figures.ts';
import { itemsOf, type ReferenceItem } from '../../domain/reference-list.ts';
import type { Labels } from '../../export/use-labels.ts';
import { ChartFigure } from '../../figures/chart-figure.tsx';
import { COLORS } from '../../figures/colors.ts';
import { FigureTable } from '../../figures/figure-table.tsx';
import { useFormat } from '../../i18n/use-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

export type RowLevel = 'municipality' | 'district' | 'region' | 'quarter';
const LEVELS: RowLevel[] = ['municipality', 'district', 'region', 'quarter'];

export interface GenderSectionProps {
  figures: GenderFigures;
  items: readonly ReferenceItem[];
  labels: Labels;
  /** The filter's query string, carried into drill-down links. */
  search: string;
}

/** The drill-down address of a row of figures. */
export function attendanceHref(level: string, key: string, search: string) {
  return `/dashboard/attendance/${level}/${encodeURIComponent(key || '-')}${search}`;
}

/** Group codes with anyone counted, in the reference list's order, then any unknown ones. */
export function groupColumns(total: FigureRow, items: readonly ReferenceItem[]): string[] {
  const known = itemsOf(items, 'participant-group', { withRetired: true }).map((g) => g.code);
  const counted = Object.keys(total.groups).filter((code) => (total.groups[code] ?? 0) > 0);
  return [
    ...known.filter((code) => counted.includes(code)),
    ...counted.filter((code) => !known.includes(code)).sort(),
  ];
}

export function GenderSection({ figures, items, labels, search }: GenderSectionProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const [level, setLevel] = useState<RowLevel>('municipality');
  const n = (value: number) => format.number(value);
  const pct = (share: number | null) => (share === null ? '—' : format.percent(share, 1));
  const { total, proposals } = figures;
  const groups = groupColumns(total, items);
  const municipalities = [...figures.byMunicipality].sort((a, b) =>
    labels.municipalityRow(a).localeCompare(labels.municipalityRow(b)),
  );

  const rowsOf: Record<RowLevel, { row: FigureRow; label: string; level: string }[]> = {
    municipality: municipalities.map((row: MunicipalityRow) => ({
      row,
      label: labels.municipalityRow(row),
      level: row.level === 'district' ? 'district-level' : 'municipality',
    })),
    district: figures.byDistrict
      .map((row) => ({ row, label: labels.territory(row.key), level: 'district' }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    region: figures.byRegion
      .map((row) => ({ row, label: labels.territory(row.key), level: 'region' }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    quarter: figures.byQuarter.map((row) => ({
      row,
      label: labels.quarter(row.key),
      level: 'quarter',
    })),
  };

  const raisers = Object.keys(proposals.byRaiser).sort((a, b) => {
    const order = (code: string) => (code === 'women' ? 0 : code === 'youth' ? 1 : 2);
    return order(a) - order(b) || labels.raiser(a).localeCompare(labels.raiser(b));
  });
  const chartRaisers = ['women', 'youth', 'men'].filter((code) => proposals.byRaiser[code]);

  return (
    <section aria-labelledby="gender" className="dashboard-section">
      <h2 id="gender">{t('gender.title')}</h2>
      <dl className="key-figures">
        <div>
          <dt>{t('gender.participants')}</dt>
          <dd>{n(total.total)}</dd>
          <dd className="muted">
            {t('gender.fromRecords', {
              hearings: n(figures.byKind.hearing.hearings),
              trainings: n(figures.byKind.training.trainings),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('gender.womenShare')}</dt>
          <dd>{pct(total.share)}</dd>
          <dd className="muted">
            {t('gender.womenMen', { women: n(total.women), men: n(total.men) })}
          </dd>
        </div>
        <div>
          <dt>{t('gender.proposalsFromWomen')}</dt>
          <dd>
            {t('gender.acceptedOf', {
              accepted: n(proposals.fromWomen.accepted),
              raised: n(proposals.fromWomen.raised),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('gender.proposalsFromYouth')}</dt>
          <dd>
            {t('gender.acceptedOf', {
              accepted: n(proposals.fromYouth.accepted),
              raised: n(proposals.fromYouth.raised),
            })}
          </dd>
        </div>
      </dl>

      <ChartFigure
        title={t('gender.chart.bySex')}
        chart={{
          labels: municipalities.map(labels.municipalityRow),
          series: [
            {
              label: t('gender.women'),
              values: municipalities.map((r) => r.women),
              color: COLORS.women,
            },
            { label: t('gender.men'), values: municipalities.map((r) => r.men), color: COLORS.men },
          ],
          stacked: true,
          formatValue: n,
        }}
        table={{
          head: [t('gender.col.place'), t('gender.women'), t('gender.men'), t('gender.col.total')],
          rows: municipalities.map((r) => ({
            key: `${r.level}-${r.key}`,
            cells: [labels.municipalityRow(r), n(r.women), n(r.men), n(r.total)],
          })),
          foot: [t('gender.col.total'), n(total.women), n(total.men), n(total.total)],
        }}
      />

      <ChartFigure
        title={t('gender.chart.share')}
        chart={{
          labels: municipalities.filter((r) => r.share !== null).map(labels.municipalityRow),
          series: [
            {
              label: t('gender.womenShare'),
              values: municipalities
                .filter((r) => r.share !== null)
                .map((r) => Math.round((r.share ?? 0) * 1000) / 10),
              color: COLORS.share,
            },
          ],
          max: 100,
          formatValue: (value) => format.percent(value / 100),
        }}
        table={{
          head: [t('gender.col.place'), t('gender.womenShare'), t('gender.col.total')],
          rows: municipalities
            .filter((r) => r.share !== null)
            .map((r) => ({
              key: `${r.level}-${r.key}`,
              cells: [labels.municipalityRow(r), pct(r.share), n(r.total)],
            })),
          foot: [t('gender.col.total'), pct(total.share), n(total.total)],
        }}
      />

      <div className="field dashboard-section__level no-print">
        <label className="field__label" htmlFor="figures-level">
          {t('gender.level.label')}
        </label>
        <select
          id="figures-level"
          value={level}
          onChange={(e) => setLevel(e.target.value as RowLevel)}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`gender.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <TableScroll label={t('gender.byGroup', { level: t(`gender.level.${level}`) })}>
        <FigureTable
          caption={t('gender.byGroup', { level: t(`gender.level.${level}`) })}
          data={{
            head: [
              t('gender.col.place'),
              t('gender.col.hearings'),
              t('gender.col.trainings'),
              t('gender.women'),
              t('gender.men'),
              t('gender.col.total'),
              t('gender.womenShare'),
              ...groups.map(labels.group),
            ],
            rows: rowsOf[level].map(({ row, label, level: rowLevel }) => ({
              key: `${rowLevel}-${row.key}`,
              cells: [
                <Link key="place" to={attendanceHref(rowLevel, row.key, search)}>
                  {label}
                </Link>,
                n(row.hearings),
                n(row.trainings),
                n(row.women),
                n(row.men),
                n(row.total),
                pct(row.share),
                ...groups.map((code) => n(row.groups[code] ?? 0)),
              ],
            })),
            foot: [
              <Link key="place" to={attendanceHref('total', 'all', search)}>
                {t('gender.col.total')}
              </Link>,
              n(total.hearings),
              n(total.trainings),
              n(total.women),
              n(total.men),
              n(total.total),
              pct(total.share),
              ...groups.map((code) => n(total.groups[code] ?? 0)),
            ],
          }}
        />
      </TableScroll>
      <p className="muted">{t('gender.groupsNote')}</p>

      {figures.groupsBySex.listed > 0 && (
        <TableScroll
          label={t('gender.bySexInGroups', {
            count: figures.groupsBySex.listed,
            n: n(figures.groupsBySex.listed),
          })}
        >
          <FigureTable
            caption={t('gender.bySexInGroups', {
              count: figures.groupsBySex.listed,
              n: n(figures.groupsBySex.listed),
            })}
            data={{
              head: [t('gender.col.group'), t('gender.women'), t('gender.men')],
              rows: Object.keys(figures.groupsBySex.groups)
                .sort((a, b) => labels.group(a).localeCompare(labels.group(b)))
                .map((code) => ({
                  key: code,
                  cells: [
                    labels.group(code),
                    n(figures.groupsBySex.groups[code]?.women ?? 0),
                    n(figures.groupsBySex.groups[code]?.men ?? 0),
                  ],
                })),
            }}
          />
        </TableScroll>
      )}

      <ChartFigure
        title={t('gender.chart.proposals')}
        chart={{
          labels: chartRaisers.map(labels.raiser),
          series: [
            {
              label: t('gender.raised'),
              values: chartRaisers.map((c) => proposals.byRaiser[c]?.raised ?? 0),
              color: COLORS.raised,
            },
            {
              label: t('gender.accepted'),
              values: chartRaisers.map((c) => proposals.byRaiser[c]?.accepted ?? 0),
              color: COLORS.accepted,
            },
          ],
          formatValue: n,
        }}
        table={{
          head: [t('gender.col.raisedBy'), t('gender.raised'), t('gender.accepted')],
          rows: raisers.map((code) => ({
            key: code,
            cells: [
              labels.raiser(code),
              n(proposals.byRaiser[code]?.raised ?? 0),
              n(proposals.byRaiser[code]?.accepted ?? 0),
            ],
          })),
          foot: [t('gender.allProposals'), n(proposals.total), n(proposals.accepted)],
        }}
        note={t('gender.proposalsNote')}
      />
    </section>
  );
}
