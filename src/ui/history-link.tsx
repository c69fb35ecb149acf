import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "History of changes" on a record's editor: the versions the server keeps (online). */
export function HistoryLink({ id }: { id: string }) {
  const { t } = useTranslation('history');
  return (
    <Link className="button" to={`/records/${id}/history`}>
      {t('open')}
    </Link>
  );
}
