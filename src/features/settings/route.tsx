import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeviceId } from '../../db/hooks.ts';
import { readStorageState, type StorageState } from '../../db/storage.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { useAccount } from '../../session/account.ts';
import { AccountPanel } from './account-panel.tsx';
import { StoragePanel } from './storage-panel.tsx';

export function Component() {
  const { t, i18n } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const deviceId = useDeviceId();
  const isAdmin = useAccount()?.role === 'admin';
  const [storage, setStorage] = useState<StorageState>();
  const refresh = useCallback(() => {
    readStorageState().then(setStorage, () =>
      setStorage({ persisted: null, usage: null, quota: null }),
    );
  }, []);
  useEffect(() => refresh(), [refresh]);

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <section className="card">
        <fieldset className="choices">
          <legend>{t('language.title')}</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="choice" lang={language}>
              <input
                type="radio"
                name="language"
                value={language}
                checked={i18n.language === language}
                onChange={() => void i18n.changeLanguage(language)}
              />
              {tc(`language.${language}`)}
            </label>
          ))}
        </fieldset>
      </section>
      <AccountPanel />
      {isAdmin && (
        <section className="card" aria-labelledby="users-title">
          <h2 id="users-title">{t('users.title')}</h2>
          <p>{t('users.body')}</p>
          <Link className="button" to="/users">
            {t('users.open')}
          </Link>
        </section>
      )}
      {isAdmin && (
        <section className="card" aria-labelledby="lists-title">
          <h2 id="lists-title">{tc('nav.lists')}</h2>
          <p>{tc('listsLink.body')}</p>
          <Link className="button" to="/lists">
            {tc('listsLink.open')}
          </Link>
        </section>
      )}
      <StoragePanel state={storage} onRefresh={refresh} />
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        <p>{t('about.version', { version: __APP_VERSION__ })}</p>
        {deviceId && <p className="muted">{t('about.device', { id: deviceId })}</p>}
      </section>
    </article>
  );
}
