import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../domain/backup-passphrase.ts';

export interface PassphraseFormProps {
  /** Making a file: the passphrase is typed twice and must be long enough. */
  twice: boolean;
  submitLabel: string;
  onSubmit: (passphrase: string) => Promise<void>;
  onCancel?: () => void;
}

/** Asks for a backup file's passphrase: twice when making the file, once when opening it. */
export function PassphraseForm({ twice, submitLabel, onSubmit, onCancel }: PassphraseFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (twice && first.length < MIN_PASSPHRASE_LENGTH) {
      setError(t('passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH }));
      return;
    }
    if (twice && first !== second) {
      setError(t('passphrase.mismatch'));
      return;
    }
    if (!first) {
      setError(t('passphrase.required'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSubmit(first);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      {twice && (
        <p className="field__hint">{t('passphrase.hint', { count: MIN_PASSPHRASE_LENGTH })}</p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-first`}>
          {t('passphrase.label')}
        </label>
        <input
          id={`${id}-first`}
          type="password"
          autoComplete={twice ? 'new-password' : 'current-password'}
          value={first}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setFirst(e.target.value)}
        />
      </div>
      {twice && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-second`}>
            {t('passphrase.repeat')}
          </label>
          <input
            id={`${id}-second`}
            type="password"
            autoComplete="new-password"
            value={second}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setSecond(e.target.value)}
          />
        </div>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('passphrase.working') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('passphrase.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
