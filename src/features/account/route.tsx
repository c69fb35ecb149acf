import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAccount } from '../../session/account.ts';
import { LoginError, serverHasUsers } from '../../session/auth-api.ts';
import { LoginForm, type LoginProblem } from './login-form.tsx';

/**
 * Signing in (with the device store it keeps the sign-in in) and sync are only needed once
 * the user signs in: they load while the user types, not before the sign-in screen can paint.
 */
const loadSignIn = () => import('../../session/sign-in.ts');
const loadSync = () => import('../../sync/app-sync.ts');

export function Component() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const location = useLocation();
  const account = useAccount();
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const [hasUsers, setHasUsers] = useState<boolean | null>(null);

  useEffect(() => {
    void serverHasUsers().then(setHasUsers);
  }, []);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;
  if (account && !expired) return <Navigate to={from} replace />;

  const onSubmit = async (username: string, password: string) => {
    let signIn: Awaited<ReturnType<typeof loadSignIn>>['signIn'];
    try {
      ({ signIn } = await loadSignIn());
    } catch {
      // Its code could not be fetched: the network is gone before the app was stored offline.
      setProblem({ kind: 'offline' });
      return;
    }
    try {
      const outcome = await signIn(username, password);
      if (outcome.kind === 'other-user') {
        // Signing in again after the token was revoked: the local data is this account's.
        setProblem({ kind: 'other-user', name: outcome.name });
        return;
      }
      setProblem(null);
      void loadSync().then(({ startAppSync }) => startAppSync().then((sync) => sync.signedIn()));
      navigate(from, { replace: true });
    } catch (error) {
      if (!(error instanceof LoginError)) throw error;
      const failure = error.failure;
      if (failure.code === 'rate-limited') {
        setProblem({ kind: 'rate-limited', seconds: Math.max(1, failure.retryAfterSeconds) });
      } else if (failure.code === 'storage-full') setProblem({ kind: 'storageFull' });
      else setProblem({ kind: failure.code });
    }
  };

  return (
    <article className="page">
      <h1 className="page__title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <LoginForm
        onSubmit={onSubmit}
        // A failed early load is tried again, and reported, when the form is sent.
        onStart={() => void loadSignIn().catch(() => {})}
        problem={problem}
        serverHasUsers={hasUsers}
      />
    </article>
  );
}
