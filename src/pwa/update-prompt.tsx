import { useTranslation } from 'react-i18next';
import { usePwaStore } from './pwa-store.ts';

/**
 * "Update available" and "works offline" notices. Nothing reloads until the user says so.
 * The offline notice waits for a screen that has room for it (`offlineNotice`: Home).
 */
export function UpdatePrompt({ offlineNotice = true }: { offlineNotice?: boolean }) {
  const { t } = useTranslation();
  const { updateReady, offlineReady, applyUpdate, dismissUpdate, dismissOfflineReady } =
    usePwaStore();

  if (updateReady) {
    return (
      <section className="notice" role="alertdialog" aria-labelledby="update-title">
        <h2 id="update-title" className="notice__title">
          {t('update.available')}
        </h2>
        <p>{t('update.body')}</p>
        <div className="notice__actions">
          <button type="button" className="button button--primary" onClick={applyUpdate}>
            {t('update.apply')}
          </button>
          <button type="button" className="button" onClick={dismissUpdate}>
            {t('update.later')}
          </button>
        </div>
      </section>
    );
  }
  if (offlineReady && offlineNotice) {
    // Floats over the page: it arrives while the user reads or types, and moves nothing.
    return (
      <output className="notice notice--quiet notice--toast">
        <span>{t('offlineReady')}</span>
        <button type="button" className="button" onClick={dismissOfflineReady}>
          {t('dismiss')}
        </button>
      </output>
    );
  }
  return null;
}
