import { useTranslation } from 'react-i18next';
import { REPORT_MAX_PAGES } from '../../domain/lessons-report.ts';
import type { PageFit } from './use-page-fit.ts';

/** "Fits on 2 of 3 A4 pages", or a warning when the report is longer than allowed. */
export function PageFitNote({ fit }: { fit: PageFit | null }) {
  const { t } = useTranslation('dashboard');
  if (!fit) return null;
  return fit.fits ? (
    <p className="page-fit page-fit--ok no-print" role="status">
      {t('report.fit.ok', { count: fit.pages, max: REPORT_MAX_PAGES })}
    </p>
  ) : (
    <p className="notice page-fit no-print" role="alert">
      {t('report.fit.tooLong', { count: fit.pages, max: REPORT_MAX_PAGES })}
    </p>
  );
}
