import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/sync-protocol.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import { ROLES } from './roles.ts';

/** The account's role, as radio buttons with what each role may do. */
export function RolePanel({
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
