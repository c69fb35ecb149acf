import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissInstallHint, useInstallHintPrefs } from '../db/install-hint-prefs.ts';
import { installPlatform, promptInstall } from './install-prompt.ts';
import { usePwaStore } from './pwa-store.ts';

/**
 * "Install on this phone", offered once the first record is saved: the browser's own
 * install dialog where it has one, short instructions where it has not. A quiet card, never
 * in the way; "Not now" puts it away for good.
 */
export function InstallHint() {
  const { t } = useTranslation();
  const id = useId();
  const state = useInstallHintPrefs();
  const installPrompt = usePwaStore((s) => s.installPrompt);
  const installed = usePwaStore((s) => s.installed);
  if (!state || installed || state.dismissed || !state.firstSaved) return null;
  return (
    <section className="notice notice--quiet install-hint" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="notice__title">
          {t('install.title')}
        </h2>
        <p>{t('install.body')}</p>
        {!installPrompt && <p>{t(`install.how.${installPlatform()}`)}</p>}
        <div className="notice__actions">
          {installPrompt && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void promptInstall()}
            >
              {t('install.button')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void dismissInstallHint()}>
            {t('install.notNow')}
          </button>
        </div>
      </div>
    </section>
  );
}
