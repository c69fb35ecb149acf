import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/sync-protocol.ts';
import { type AdminProblem, type AdminUser, toAdminProblem } from '../../session/admin-api.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { DistrictPicker } from './district-picker.tsx';
import { PasswordInput } from './password-input.tsx';
import { useProblemText } from './problem-text.ts';
import { ROLES } from './roles.ts';
import { passwordError } from './validate.ts';

export interface UserItemProps {
  user: AdminUser;
  /** The account signed in here: it cannot disable itself or change its own role. */
  self: boolean;
  groups: DistrictGroup[];
  /** A district's name in the interface language. */
  districtName: (id: string) => string;
  /** Each throws AdminApiError when the server refuses or cannot be reached. */
  onSetDisabled: (disabled: boolean) => Promise<void>;
  onResetPassword: (password: string) => Promise<void>;
  onSetDistricts: (districtIds: string[]) => Promise<void>;
  onSetRole: (role: Role) => Promise<void>;
}

type Panel = 'none' | 'confirm' | 'password' | 'districts' | 'role';
type Done = 'disabled' | 'enabled' | 'password' | 'districts' | 'role';

/** One account: who, role, districts, state, and the admin's actions on it. */
export function UserItem({
  user,
  self,
  groups,
  districtName,
  onSetDisabled,
  onResetPassword,
  onSetDistricts,
  onSetRole,
}: UserItemProps) {
  const { t } = useTranslation('users');
  const problemText = useProblemText();
  const titleId = useId();
  const [panel, setPanel] = useState<Panel>('none');
  const [done, setDone] = useState<Done | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const name = user.displayName || user.username;

  const open = (next: Panel) => {
    setPanel(next);
    setDone(null);
    setProblem(null);
  };

  /** Runs an action; on failure the panel stays open with what was typed. */
  const run = async (action: () => Promise<void>, result: Done) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      setPanel('none');
      setDone(result);
    } catch (error) {
      setProblem(toAdminProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const districts = [...user.districtIds].map(districtName).sort((a, b) => a.localeCompare(b));
  let districtLine = t('allDistricts');
  if (user.role === 'consultant') {
    districtLine = districts.length
      ? t('districtsList', { list: districts.join(', ') })
      : t('noDistricts');
  }

  return (
    <li className="list__item user" aria-labelledby={titleId}>
      <h3 className="list__title" id={titleId}>
        {name}
        {self && <span className="muted"> ({t('you')})</span>}
      </h3>
      <p className="list__meta">
        {user.username} · {t(`role.${user.role}`)}
      </p>
      <p className="list__meta">{districtLine}</p>
      {user.disabled && <p className="user__state">{t('disabled')}</p>}
      {done && <output className="form__ok user__done">{t(`done.${done}`, { name })}</output>}

      {panel === 'none' && (
        <div className="actions">
          {!self && (
            <button
              type="button"
              className="button"
              aria-describedby={titleId}
              onClick={() => open('confirm')}
            >
              {user.disabled ? t('actions.enable') : t('actions.disable')}
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-describedby={titleId}
            onClick={() => open('password')}
          >
            {t('actions.resetPassword')}
          </button>
          {user.role === 'consultant' && (
            <button
              type="button"
              className="button"
              aria-describedby={titleId}
              onClick={() => open('districts')}
            >
              {t('actions.districts')}
            </button>
          )}
          {!self && (
            <button
              type="button"
              className="button"
              aria-describedby={titleId}
              onClick={() => open('role')}
            >
              {t('actions.role')}
            </button>
          )}
        </div>
      )}

      {panel === 'confirm' && (
        <ConfirmPanel
          text={
            user.disabled
              ? t('actions.confirmEnable', { name })
              : t('actions.confirmDisable', { name })
          }
          confirm={user.disabled ? t('actions.enable') : t('actions.disable')}
          busy={busy}
          problem={problem && problemText(problem)}
          onConfirm={() =>
            void run(() => onSetDisabled(!user.disabled), user.disabled ? 'enabled' : 'disabled')
          }
          onCancel={() => open('none')}
        />
      )}

      {panel === 'password' && (
        <PasswordPanel
          userId={user.id}
          name={name}
          busy={busy}
          problem={problem}
          onSave={(password) => run(() => onResetPassword(password), 'password')}
          onCancel={() => open('none')}
        />
      )}

      {panel === 'districts' && (
        <DistrictsPanel
          name={name}
          groups={groups}
          initial={user.districtIds}
          busy={busy}
          problem={problem && problemText(problem)}
          onSave={(ids) => run(() => onSetDistricts(ids), 'districts')}
          onCancel={() => open('none')}
        />
      )}

      {panel === 'role' && (
        <RolePanel
          userId={user.id}
          name={name}
          initial={user.role}
          busy={busy}
          problem={problem && problemText(problem)}
          onSave={(role) => {
            // The same role again changes nothing: no request, nobody signed out.
            if (role === user.role) open('none');
            else void run(() => onSetRole(role), 'role');
          }}
          onCancel={() => open('none')}
        />
      )}
    </li>
  );
}

function ConfirmPanel({
  text,
  confirm,
  busy,
  problem,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirm: string;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const textId = useId();
  return (
    <div className="notice" role="alertdialog" aria-label={confirm} aria-describedby={textId}>
      <p id={textId}>{text}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <div className="notice__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirm}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
}

function PasswordPanel({
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

function DistrictsPanel({
  name,
  groups,
  initial,
  busy,
  problem,
  onSave,
  onCancel,
}: {
  name: string;
  groups: DistrictGroup[];
  initial: string[];
  busy: boolean;
  problem: string | null;
  onSave: (districtIds: string[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const titleId = useId();
  const [selected, setSelected] = useState<string[]>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(selected);
  };
  return (
    <form className="form user__panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="user__panel-title">
        {t('form.districtsTitle', { name })}
      </h4>
      <DistrictPicker groups={groups} selected={selected} onChange={setSelected} />
      <FormError message={problem} />
      <SaveCancel
        saveLabel={busy ? t('form.saving') : t('form.saveDistricts')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}

function RolePanel({
  userId,
  name,
  initial,
  busy,
  problem,
  onSave,
  onCancel,
}: {
  userId: string;
  name: string;
  initial: Role;
  busy: boolean;
  problem: string | null;
  onSave: (role: Role) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const titleId = useId();
  const hintId = useId();
  const [role, setRole] = useState<Role>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(role);
  };
  // Districts stay as they were; a new consultant may have none yet.
  const districtsHint = role === 'consultant' && initial !== 'consultant';
  return (
    <form className="form user__panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="user__panel-title">
        {t('form.roleTitle', { name })}
      </h4>
      <fieldset className="choices" aria-describedby={districtsHint ? hintId : undefined}>
        <legend>{t('form.role')}</legend>
        {ROLES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`role-${userId}`}
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            <span>
              {t(`role.${value}`)} <span className="muted">· {t(`roleHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {districtsHint && (
        <p id={hintId} className="muted field__hint">
          {t('form.roleConsultantHint')}
        </p>
      )}
      <FormError message={problem} />
      <SaveCancel
        saveLabel={busy ? t('form.saving') : t('form.saveRole')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
