import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSyncStatus } from '../sync/sync-status-store.ts';

/**
 * On every screen while the server no longer accepts this device's sign-in (expired after
 * long disuse, password changed): work goes on and is kept; signing in sends it.
 */
export function SignInAgain() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const needsLogin = useSyncStatus((s) => s.phase === 'needs-login');
  if (!needsLogin || pathname === '/login') return null;
  return (
    <div className="notice" role="status">
      <p>{t('session.expired')}</p>
      <Link
        className="button button--primary"
        to="/login"
        state={{ expired: true, from: pathname }}
      >
        {t('session.signIn')}
      </Link>
    </div>
  );
}
