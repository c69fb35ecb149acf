import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../../export/use-labels.ts';
import { ChartFigure } from '../../figures/chart-figure.tsx';
import { COLORS } from '../../figures/colors.ts';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFigures } from '../../figures/use-figures.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { reportVisible } from './report-coverage.ts';

/**
 * The main results for the final presentation: one figure per slide (a page each when
 * printed), big type, in the interface language and for the dashboard's filter.
 */
export function Presentation() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { filter, scope, search } = useDashboardFilter();
  const figures = useFigures(data, filter, scope);
  if (!data || !figures) return <p className="page muted">{t('loading')}</p>;
  return (
    <Slides
      data={data}
      figures={figures}
      search={search}
      filterLabel={Object.keys(filter).length > 0}
    />
  );
}

function Slides({
  data,
  figures,
  search,
  filterLabel,
}: {
  data: DashboardData;
  figures: NonNullable<ReturnType<typeof useFigures>>;
  search: string;
  filterLabel: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const labels = useLabels(data.tree, data.items);
  const { scope, filter } = useDashboardFilter();
  const { progress, gender } = figures;
  const n = (value: number) => format.number(value);
  const pct = (share: number | null) => (share === null ? '—' : format.percent(share, 1));
  const municipalities = [...gender.byMunicipality].sort((a, b) =>
    labels.municipalityRow(a).localeCompare(labels.municipalityRow(b)),
  );
  const shares = municipalities.filter((r) => r.share !== null);
  const raisers = ['women', 'youth', 'men'].filter((code) => gender.proposals.byRaiser[code]);
  const report = data.reports
    .filter((r) => !r.body.districtId && reportVisible(r.body, scope))
    .sort(
      (a, b) =>
        Number(b.body.status === 'final') - Number(a.body.status === 'final') ||
        b.updatedAt.localeCompare(a.updatedAt),
    )[0];
  const place = [filter.regionId, filter.districtId, filter.municipalityId]
    .filter((id): id is string => Boolean(id))
    .map(labels.territory)
    .at(-1);

  return (
    <div className="presentation dashboard">
      <div className="print-toolbar no-print">
        <Link to={`/dashboard${search}`}>{t('drill.back')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('presentation.print')}
        </button>
      </div>
      <section className="slide slide--title" aria-labelledby="slide-title">
        <h1 id="slide-title">{t('presentation.title')}</h1>
        <p className="slide__subtitle">{place ?? t('presentation.wholeProject')}</p>
        {filterLabel && <p className="slide__meta">{t('presentation.filtered')}</p>}
        <p className="slide__meta">{format.date(new Date(), 'long')}</p>
        <dl className="key-figures key-figures--large">
          <div>
            <dt>{t('gender.participants')}</dt>
            <dd>{n(gender.total.total)}</dd>
          </div>
          <div>
            <dt>{t('gender.womenShare')}</dt>
            <dd>{pct(gender.total.share)}</dd>
          </div>
          <div>
            <dt>{t('presentation.hearings')}</dt>
            <dd>{n(gender.total.hearings)}</dd>
          </div>
          <div>
            <dt>{t('presentation.trainings')}</dt>
            <dd>{n(gender.total.trainings)}</dd>
          </div>
        </dl>
      </section>

      <section className="slide" aria-label={t('presentation.workPlan')}>
        <ChartFigure
          slide
          title={t('presentation.workPlan')}
          chart={{
            labels: progress.map(
              (p) => `${p.activity.number}. ${p.activity.indicator[format.language]}`,
            ),
            series: [
              {
                label: t('presentation.target'),
                values: progress.map((p) => p.activity.target),
                color: COLORS.target,
              },
              {
                label: t('presentation.actual'),
                values: progress.map((p) => p.actual),
                color: COLORS.actual,
              },
            ],
            formatValue: n,
            maxLabelLines: 1,
          }}
          table={{
            head: [
              t('presentation.indicator'),
              t('presentation.target'),
              t('presentation.actual'),
              t('presentation.status'),
            ],
            rows: progress.map((p) => ({
              key: p.id,
              cells: [
                `${p.activity.number}. ${p.activity.indicator[format.language]}`,
                n(p.activity.target),
                n(p.actual),
                t(`workPlan.status.${p.status}`),
              ],
            })),
          }}
        />
      </section>

      <section className="slide" aria-label={t('gender.chart.bySex')}>
        <ChartFigure
          slide
          title={t('gender.chart.bySex')}
          chart={{
            labels: municipalities.map(labels.municipalityRow),
            series: [
              {
                label: t('gender.women'),
                values: municipalities.map((r) => r.women),
                color: COLORS.women,
              },
              {
                label: t('gender.men'),
                values: municipalities.map((r) => r.men),
                color: COLORS.men,
              },
            ],
            stacked: true,
            formatValue: n,
          }}
          table={{
            head: [
              t('gender.col.place'),
              t('gender.women'),
              t('gender.men'),
              t('gender.col.total'),
            ],
            rows: municipalities.map((r) => ({
              key: `${r.level}-${r.key}`,
              cells: [labels.municipalityRow(r), n(r.women), n(r.men), n(r.total)],
            })),
            foot: [
              t('gender.col.total'),
              n(gender.total.women),
              n(gender.total.men),
              n(gender.total.total),
            ],
          }}
        />
      </section>

      <section className="slide" aria-label={t('gender.chart.share')}>
        <ChartFigure
          slide
          title={t('gender.chart.share')}
          chart={{
            labels: shares.map(labels.municipalityRow),
            series: [
              {
                label: t('gender.womenShare'),
                values: shares.map((r) => Math.round((r.share ?? 0) * 1000) / 10),
                color: COLORS.share,
              },
            ],
            max: 100,
            formatValue: (value) => format.percent(value / 100),
          }}
          table={{
            head: [t('gender.col.place'), t('gender.womenShare'), t('gender.col.total')],
            rows: shares.map((r) => ({
              key: `${r.level}-${r.key}`,
              cells: [labels.municipalityRow(r), pct(r.share), n(r.total)],
            })),
            foot: [t('gender.col.total'), pct(gender.total.share), n(gender.total.total)],
          }}
        />
      </section>

      <section className="slide" aria-label={t('gender.chart.proposals')}>
        <ChartFigure
          slide
          title={t('gender.chart.proposals')}
          chart={{
            labels: raisers.map(labels.raiser),
            series: [
              {
                label: t('gender.raised'),
                values: raisers.map((c) => gender.proposals.byRaiser[c]?.raised ?? 0),
                color: COLORS.raised,
              },
              {
                label: t('gender.accepted'),
                values: raisers.map((c) => gender.proposals.byRaiser[c]?.accepted ?? 0),
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
                n(gender.proposals.byRaiser[code]?.raised ?? 0),
                n(gender.proposals.byRaiser[code]?.accepted ?? 0),
              ],
            })),
            foot: [
              t('gender.allProposals'),
              n(gender.proposals.total),
              n(gender.proposals.accepted),
            ],
          }}
        />
      </section>

      <section className="slide" aria-labelledby="slide-lessons">
        <h2 id="slide-lessons" className="slide__heading">
          {t('presentation.lessons')}
        </h2>
        {report?.body.lessons.trim() ? (
          <div className="slide__text" lang={report.body.language}>
            {report.body.lessons.trim()}
          </div>
        ) : (
          <p className="slide__meta">{t('presentation.noLessons')}</p>
        )}
      </section>
    </div>
  );
}
