import { useTranslation } from 'react-i18next';
import { NotOnDevice } from '../records/editor-status.tsx';

/** A dashboard address that leads nowhere (the dashboard, reports and exports share it). */
export function FiguresNotFound() {
  const { t } = useTranslation('dashboard');
  return <NotOnDevice message={t('notFound')} back="/dashboard" backLabel={t('drill.back')} />;
}
