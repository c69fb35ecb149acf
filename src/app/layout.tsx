import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { usePwaStore } from '../pwa/pwa-store.ts';
import { UpdatePrompt } from '../pwa/update-prompt.tsx';
import { useAccount } from '../session/account.ts';
import { useSyncStatus } from '../sync/sync-status-store.ts';
import { Icon } from '../ui/icons.tsx';
import { LanguageSelect } from '../ui/language-select.tsx';
import { NetworkStatus } from '../ui/network-status.tsx';
import { DownloadProgress } from './download-progress.tsx';
import { preloadSections } from './section-preload.ts';
import { inBottomBar, SECTIONS } from './sections.ts';
import { SignInAgain } from './sign-in-again.tsx';

const AccountDisabled = lazy(() =>
  import('./account-disabled.tsx').then((m) => ({ default: m.AccountDisabled })),
);

/**
 * The shell: header, section navigation (a bottom bar on phones that fits the role, every
 * section in a sidebar on laptops), page.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const account = useAccount();
  const role = account?.role;
  useEffect(() => {
    // The bottom bar's sections get ready once the shell is drawn, before they are tapped.
    if (!role) return;
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      stop = preloadSections(role, i18n);
    }, 0);
    return () => {
      clearTimeout(timer);
      stop?.();
    };
  }, [role, i18n]);
  const disabled = useSyncStatus((s) => s.lastFailure?.code === 'account_disabled');
  useEffect(() => {
    // Sync is not needed for the first paint: its code loads once the shell is up. It tells
    // src/session when the server changes the account (role, districts), which updates it.
    if (!account) return;
    void import('../sync/app-sync.ts').then(({ startAppSync }) => startAppSync());
  }, [account]);
  useEffect(() => {
    if (!account) return;
    let stop: (() => void) | undefined;
    void import('../db/install-hint-prefs.ts').then(({ watchFirstSave }) => {
      stop = watchFirstSave();
    });
    return () => stop?.();
  }, [account]);
  // "Works offline now" is said once, on Home, and is gone when Home is left: it never
  // pushes a form (the hearing's counters, for one) down the screen.
  const onHome = pathname === '/';
  const offlineReady = usePwaStore((s) => s.offlineReady);
  const offlineSaid = useRef(false);
  useEffect(() => {
    if (onHome && offlineReady) offlineSaid.current = true;
    else if (!onHome && offlineSaid.current) {
      offlineSaid.current = false;
      usePwaStore.getState().dismissOfflineReady();
    }
  }, [onHome, offlineReady]);
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
                className={
                  inBottomBar(section, account.role)
                    ? 'nav__item'
                    : 'nav__item nav__item--secondary'
                }
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
        <UpdatePrompt offlineNotice={onHome} />
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
