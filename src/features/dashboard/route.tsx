import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import './dashboard.css';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { ActivityDetail } from './activity-detail.tsx';
import { AttendanceDetail } from './attendance-detail.tsx';
import { ExportsPage } from './exports-page.tsx';
import { Overview } from './overview.tsx';
import { Presentation } from './presentation.tsx';
import { ReportEditor } from './report-editor.tsx';
import { ReportList } from './report-list.tsx';
import { ReportPrint } from './report-print.tsx';

/**
 * The dashboard: work-plan progress and gender figures (with drill-downs to the records),
 * exports, the lessons-learned report and the presentation of results.
 */
export function Component() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="activity/:id" element={<ActivityDetail />} />
      <Route path="attendance/:level/:key" element={<AttendanceDetail />} />
      <Route path="exports" element={<ExportsPage />} />
      <Route path="report" element={<ReportList />} />
      <Route path="report/:id" element={<ReportEditor />} />
      <Route path="report/:id/print" element={<ReportPrint />} />
      <Route path="presentation" element={<Presentation />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  const { t } = useTranslation('dashboard');
  return <NotOnDevice message={t('notFound')} back="/dashboard" backLabel={t('drill.back')} />;
}
