import { type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PasswordInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The message under the field when the value is refused. */
  error: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** A new password for someone else: at least 8 characters, and it can be shown to read it out. */
export function PasswordInput({ id, label, value, onChange, error, inputRef }: PasswordInputProps) {
  const { t } = useTranslation('users');
  const [shown, setShown] = useState(false);
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type={shown ? 'text' : 'password'}
        value={value}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <p id={hintId} className="muted field__hint">
        {t('form.passwordHint')}
      </p>
      <label className="choice">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('form.showPassword')}
      </label>
    </div>
  );
}
