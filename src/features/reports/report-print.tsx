import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LessonsReport } from '../../domain/lessons-report.ts';
import type { SyncedRecord } from '../../domain/record.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useFixedLanguage } from '../../ui/use-fixed-language.ts';
import { PageFitNote } from './page-fit-note.tsx';
import { reportVisible } from './report-coverage.ts';
import { ReportDocument } from './report-document.tsx';
import { usePageFit } from './use-page-fit.ts';
import { useReportFigures } from './use-report-figures.ts';

/**
 * The report as it prints on A4, in its own language, with a check that it fits the three
 * pages the terms of reference allow. The figures are those saved with it (live ones
 * while it has never been saved with figures).
 */
export function ReportPrint() {
  const { id = '' } = useParams();
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { scope } = useDashboardFilter();
  const record = data?.reports.find((r) => r.id === id);
  if (!data) return <p className="page muted">{t('loading')}</p>;
  if (!record || !reportVisible(record.body, scope)) {
    return (
      <NotOnDevice
        message={t('report.notFound')}
        back="/dashboard/report"
        backLabel={t('report.back')}
      />
    );
  }
  return <PrintBody data={data} record={record} />;
}

function PrintBody({ data, record }: { data: DashboardData; record: SyncedRecord<LessonsReport> }) {
  const { t } = useTranslation('dashboard');
  const { scope } = useDashboardFilter();
  const report = record.body;
  const live = useReportFigures(data, report, scope);
  const p = useFixedLanguage(report.language, ['dashboard']);
  const sheet = useRef<HTMLElement>(null);
  const fit = usePageFit(sheet, Boolean(p));
  const coverage = report.districtId
    ? (territoryName(data.tree, report.districtId, report.language) ?? '')
    : '';
  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/dashboard/report/${record.id}`}>{t('report.backToEditor')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      <PageFitNote fit={fit} />
      {p ? (
        <ReportDocument
          ref={sheet}
          report={report}
          figures={report.keyFigures ?? live}
          plan={data.plan.map((a) => a.body)}
          coverage={coverage || p('report.doc.project')}
          p={p}
        />
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
    </div>
  );
}
