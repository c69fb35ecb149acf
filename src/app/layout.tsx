import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { UpdatePrompt } from '../pwa/update-prompt.tsx';
import { useSyncStatus } from '../sync/sync-status-store.ts';
import { DownloadProgress } from '../ui/download-progress.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSelect } from '../ui/language-select.tsx';
import { NetworkStatus } from '../ui/network-status.tsx';
import { useUiPrefs } from '../ui/ui-prefs.ts';
import { SECTIONS } from './sections.ts';
import { SignInAgain } from './sign-in-again.tsx';

const AccountDisabled = lazy(() =>
  import('./account-disabled.tsx').then((m) => ({ default: m.AccountDisabled })),
);

/** The shell: header, section navigation (bottom bar on phones, sidebar on laptops), page. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const account = useUiPrefs((s) => s.account);
  const disabled = useSyncStatus((s) => s.lastFailure?.code === 'account_disabled');
  useEffect(() => {
    // Sync is not needed for the first paint: its code loads once the shell is up.
    if (!account) return;
    let stop: (() => void) | undefined;
    void import('../sync/app-sync.ts').then(({ startAppSync, onAccountChanged }) => {
      stop = onAccountChanged((user) => useUiPrefs.getState().setAccount(user));
      void startAppSync();
    });
    return () => stop?.();
  }, [account]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="header">
        <Link to="/" className="header__brand">
          {t('appName')}
        </Link>
        <NetworkStatus />
        <LanguageSelect />
      </header>
      {account && (
        <nav className="nav" aria-label={t('nav.label')}>
          <ul className="nav__list">
            {SECTIONS.map((section) => (
              <li
                key={section.key}
                className={section.primary ? 'nav__item' : 'nav__item nav__item--secondary'}
              >
                <NavLink to={section.path} end={section.path === '/'} className="nav__link">
                  <Icon name={section.key} />
                  <span className="nav__label">{t(`nav.${section.key}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" className="main" tabIndex={-1}>
        <UpdatePrompt />
        {account && !disabled && <SignInAgain />}
        {account && <DownloadProgress />}
        {account && disabled && (
          <Suspense fallback={null}>
            <AccountDisabled />
          </Suspense>
        )}
        <Suspense key={pathname} fallback={<p className="muted">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
