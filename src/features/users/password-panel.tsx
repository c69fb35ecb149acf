import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminProblem } from '../../session/admin-api.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import { PasswordInput } from './password-input.tsx';
import { useProblemText } from './problem-text.ts';
import { passwordError } from './validate.ts';

/** A new password for the account; the server's refusal of it is said beside the field. */
export function PasswordPanel({
  userId,
  name,
  busy,
  problem,
  onSave,
  onCancel,
}: {
  userId: string;
  name: string;
  busy: boolean;
  problem: AdminProblem | null;
  onSave: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const problemText = useProblemText();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<'password' | 'passwordLong' | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = passwordError(password);
    setInvalid(bad);
    if (!bad) void onSave(password);
  };

  // The server's refusal of the password itself belongs beside the field.
  const serverField = problem?.kind === 'invalid' && problem.field === 'password';
  let fieldError: string | null = null;
  if (invalid) fieldError = t(`error.${invalid}`);
  else if (problem && serverField) fieldError = problemText(problem);

  return (
    <form className="form user__panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="user__panel-title">
        {t('form.passwordTitle', { name })}
      </h4>
      <PasswordInput
        id={`password-${userId}`}
        label={t('form.newPassword')}
        value={password}
        onChange={setPassword}
        error={fieldError}
      />
      <FormError message={problem && !serverField ? problemText(problem) : null} />
      <SaveCancel
        saveLabel={busy ? t('form.saving') : t('form.savePassword')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
