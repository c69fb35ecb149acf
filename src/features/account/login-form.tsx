import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type LoginProblem =
  | { kind: 'required' | 'invalid' | 'offline' | 'server' | 'storageFull' }
  | { kind: 'rate-limited'; seconds: number }
  | { kind: 'other-user'; name: string };

export interface LoginFormProps {
  onSubmit: (username: string, password: string) => Promise<void>;
  problem: LoginProblem | null;
  /** false: the server has no account yet; null: unknown (offline). */
  serverHasUsers: boolean | null;
  /** Called when the user first touches the form: time to load what signing in needs. */
  onStart?: () => void;
}

const FIRST_ADMIN = 'npm run users -- add admin --role admin';

/** Presentational sign-in form: what was typed stays when sign-in fails. */
export function LoginForm({ onSubmit, problem, serverHasUsers, onStart }: LoginFormProps) {
  const { t } = useTranslation('account');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onSubmit(username.trim(), password);
    } finally {
      setBusy(false);
    }
  };

  const shown: LoginProblem | null = missing ? { kind: 'required' } : problem;
  let message: string | null = null;
  if (shown?.kind === 'rate-limited') {
    message = t('login.error.rateLimited', { seconds: shown.seconds });
  } else if (shown?.kind === 'other-user') {
    message = t('login.error.otherUser', { name: shown.name });
  } else if (shown) {
    message = t(`login.error.${shown.kind}`);
  }

  return (
    <>
      <form className="card form" onSubmit={submit} onFocus={onStart} noValidate>
        <label className="field">
          <span className="field__label">{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {message && (
          <p className="form__error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      {serverHasUsers === false && (
        // Below the form: the answer comes after the form has painted, and nothing moves.
        <div className="notice" role="note">
          <p>{t('login.noUsers')}</p>
          <details className="disclosure">
            <summary>{t('login.forAdmin')}</summary>
            <p>{t('login.firstAdmin')}</p>
            <pre className="code">{FIRST_ADMIN}</pre>
          </details>
        </div>
      )}
    </>
  );
}
