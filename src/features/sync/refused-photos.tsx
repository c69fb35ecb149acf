import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format.ts';

export interface RefusedPhotosProps {
  photos: { sha256: string; size: number; refusal: string }[];
  onRetry: (sha256: string) => void;
}

/** Photos the server would not take: they stay on this phone and no longer hold up sync. */
export function RefusedPhotos({ photos, onRetry }: RefusedPhotosProps) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  if (photos.length === 0) return null;
  return (
    <section className="card" aria-labelledby="refused-photos-title">
      <h2 id="refused-photos-title">{t('refusedPhotos.title')}</h2>
      <p className="muted">{t('refusedPhotos.intro')}</p>
      <ul className="list">
        {photos.map((photo) => (
          <li key={photo.sha256} className="list__item">
            <p>
              {t('refusedPhotos.photo', {
                name: photo.sha256.slice(0, 8),
                size: format.number(Math.ceil(photo.size / 1024)),
              })}
            </p>
            <details className="muted">
              <summary>{t('refusal.details')}</summary>
              <p lang="en">{photo.refusal}</p>
            </details>
            <button type="button" className="button" onClick={() => onRetry(photo.sha256)}>
              {t('refusedPhotos.retry')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
