import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/sync-protocol.ts';
import { type AdminProblem, type AdminUser, toAdminProblem } from '../../session/admin-api.ts';
import { ConfirmPanel } from './confirm-panel.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { DistrictsPanel } from './districts-panel.tsx';
import { PasswordPanel } from './password-panel.tsx';
import { useProblemText } from './problem-text.ts';
import { RolePanel } from './role-panel.tsx';

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
