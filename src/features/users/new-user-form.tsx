import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/sync-protocol.ts';
import {
  type AdminField,
  type AdminProblem,
  type NewUserInput,
  toAdminProblem,
} from '../../session/admin-api.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { DistrictPicker } from './district-picker.tsx';
import { PasswordInput } from './password-input.tsx';
import { problemField, useProblemText } from './problem-text.ts';
import { ROLES } from './roles.ts';
import { displayNameError, normalizeUsername, passwordError, usernameError } from './validate.ts';

export interface NewUserFormProps {
  groups: DistrictGroup[];
  /** Sends the account; throws AdminApiError when the server refuses or cannot be reached. */
  onCreate: (input: NewUserInput) => Promise<void>;
  onCancel: () => void;
}

type FieldErrors = Partial<Record<AdminField, string>>;

/** Admin: a new account. What was typed stays through every refusal. */
export function NewUserForm({ groups, onCreate, onCancel }: NewUserFormProps) {
  const { t } = useTranslation('users');
  const problemText = useProblemText();
  const titleId = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('consultant');
  const [password, setPassword] = useState('');
  const [districtIds, setDistrictIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const displayNameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const focusFirst = (found: FieldErrors) => {
    if (found.username) usernameRef.current?.focus();
    else if (found.displayName) displayNameRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    const badUsername = usernameError(username);
    if (badUsername) found.username = t(`error.${badUsername}`);
    const badName = displayNameError(displayName);
    if (badName) found.displayName = t(`error.${badName}`);
    const badPassword = passwordError(password);
    if (badPassword) found.password = t(`error.${badPassword}`);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    const name = displayName.trim();
    setBusy(true);
    try {
      await onCreate({
        username: normalizeUsername(username),
        ...(name ? { displayName: name } : {}),
        role,
        password,
        // Ticked districts are kept while another role is tried, but only consultants get them.
        districtIds: role === 'consultant' ? districtIds : [],
      });
    } catch (error) {
      const refused = toAdminProblem(error);
      const field = problemField(refused);
      if (field) {
        const fieldErrors = { [field]: problemText(refused) };
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      } else {
        setProblem(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: AdminField, hint?: string) =>
    [errors[field] ? `new-user-${field}-error` : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('newUser')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="new-user-username">
          {t('form.username')}
        </label>
        <input
          id="new-user-username"
          ref={usernameRef}
          value={username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={Boolean(errors.username)}
          aria-describedby={describedBy('username', 'new-user-username-hint')}
          onChange={(e) => setUsername(e.target.value)}
        />
        {errors.username && (
          <p id="new-user-username-error" className="field__error">
            {errors.username}
          </p>
        )}
        <p id="new-user-username-hint" className="muted field__hint">
          {t('form.usernameHint')}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="new-user-name">
          {t('form.displayName')}
        </label>
        <input
          id="new-user-name"
          ref={displayNameRef}
          value={displayName}
          autoComplete="off"
          aria-invalid={Boolean(errors.displayName)}
          aria-describedby={describedBy('displayName')}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        {errors.displayName && (
          <p id="new-user-displayName-error" className="field__error">
            {errors.displayName}
          </p>
        )}
      </div>
      <fieldset className="choices" aria-describedby={describedBy('role')}>
        <legend>{t('form.role')}</legend>
        {ROLES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="new-user-role"
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            <span>
              {t(`role.${value}`)} <span className="muted">· {t(`roleHint.${value}`)}</span>
            </span>
          </label>
        ))}
        {errors.role && (
          <p id="new-user-role-error" className="field__error">
            {errors.role}
          </p>
        )}
      </fieldset>
      <PasswordInput
        id="new-user-password"
        label={t('form.password')}
        value={password}
        onChange={setPassword}
        error={errors.password ?? null}
        inputRef={passwordRef}
      />
      {role === 'consultant' && (
        <DistrictPicker groups={groups} selected={districtIds} onChange={setDistrictIds} />
      )}
      {errors.districtIds && (
        <p className="form__error" role="alert">
          {errors.districtIds}
        </p>
      )}
      <FormError message={problem ? problemText(problem) : null} />
      <SaveCancel
        saveLabel={busy ? t('form.creating') : t('form.create')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
