import { useTranslation } from 'react-i18next';
import { scaleBytes } from '../i18n/format.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useSyncStatus } from '../sync/sync-status-store.ts';

/**
 * A download of more than one page under way (a new device's first sync, say): records
 * received of how many, and the data received. Shown on every screen, so it is there
 * wherever the first sync runs; a download cut off goes on from its last page.
 */
export function DownloadProgress() {
  const { t } = useTranslation();
  const format = useFormat();
  const download = useSyncStatus((s) => s.download);
  if (!download) return null;
  const { value, unit } = scaleBytes(download.bytes);
  const size = `${format.number(value, { maximumFractionDigits: 1 })}\u00a0${t(`download.unit.${unit}`)}`;
  return (
    <section className="notice download" aria-labelledby="download-title">
      <h2 id="download-title" className="download__title">
        {t('download.title')}
      </h2>
      <progress
        className="download__bar"
        aria-labelledby="download-title"
        value={download.received}
        max={download.total}
      />
      <p className="download__figures">
        {t('download.records', {
          count: download.total,
          received: format.number(download.received),
          total: format.number(download.total),
        })}
        {' · '}
        {t('download.bytes', { size })}
      </p>
    </section>
  );
}
