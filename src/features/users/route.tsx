import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import {
  type AdminProblem,
  type AdminUser,
  adminApi,
  type NewUserInput,
  toAdminProblem,
} from '../../session/admin-api.ts';
import { useOnline } from '../../ui/use-online.ts';
import { districtGroups } from './district-groups.ts';
import { NewUserForm } from './new-user-form.tsx';
import { useProblemText } from './problem-text.ts';
import { UserItem } from './user-item.tsx';

/** Admin: the server's accounts, online. Other roles are told it is not theirs. */
export function Component() {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const account = useAccount();
  if (account?.role !== 'admin') {
    return (
      <article className="page">
        <h1 className="page__title">{t('title')}</h1>
        <p className="notice">{t('onlyAdmins')}</p>
        <Link to="/">{tc('notFound.home')}</Link>
      </article>
    );
  }
  return <UsersScreen selfId={account.id} />;
}

function UsersScreen({ selfId }: { selfId: string }) {
  const { t } = useTranslation('users');
  const problemText = useProblemText();
  const navigate = useNavigate();
  const online = useOnline();
  const tree = useTerritoryTree();
  const { language } = useFormat();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setUsers(await adminApi.listUsers());
      setProblem(null);
    } catch (error) {
      setProblem(toAdminProblem(error));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
    // Back online: the list comes again by itself.
    const reload = () => void load();
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [load]);

  const groups = useMemo(() => districtGroups(tree, language), [tree, language]);
  const districtName = (id: string) => territoryName(tree, id, language) ?? id;

  /** Calls the server; a lost sign-in also shows on the screen, with the way back in. */
  const call = async <T,>(action: () => Promise<T>): Promise<T> => {
    try {
      const result = await action();
      if (problem) setProblem(null);
      return result;
    } catch (error) {
      const refused = toAdminProblem(error);
      if (refused.kind === 'auth' || refused.kind === 'forbidden') setProblem(refused);
      throw error;
    }
  };

  const replace = (user: AdminUser) =>
    setUsers((list) => (list ?? []).map((u) => (u.id === user.id ? user : u)));

  const create = async (input: NewUserInput) => {
    const user = await call(() => adminApi.createUser(input));
    setUsers((list) => [...(list ?? []), user]);
    setCreating(false);
    setCreated(user.displayName || user.username);
  };

  const showOffline = !online || problem?.kind === 'offline';
  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {showOffline && (
        <p className="notice" role="status">
          {t('offline')}
        </p>
      )}
      {problem?.kind === 'auth' && (
        <div className="notice" role="alert">
          <p>{problemText(problem)}</p>
          <Link
            className="button button--primary"
            to="/login"
            state={{ expired: true, from: '/users' }}
          >
            {t('error.signInAgain')}
          </Link>
        </div>
      )}
      {problem && problem.kind !== 'auth' && problem.kind !== 'offline' && (
        <div className="notice" role="alert">
          <p>{problemText(problem)}</p>
          {problem.kind !== 'forbidden' && (
            <button type="button" className="button" onClick={() => void load()}>
              {t('reload')}
            </button>
          )}
        </div>
      )}

      {creating ? (
        <NewUserForm groups={groups} onCreate={create} onCancel={() => setCreating(false)} />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('newUser')}
          </button>
        </div>
      )}
      {created && <output className="form__ok">{t('done.created', { name: created })}</output>}

      {users === null && loading && <p className="muted">{t('loading')}</p>}
      {users && (
        <section aria-labelledby="users-list-title">
          <h2 id="users-list-title" className="visually-hidden">
            {t('title')}
          </h2>
          <ul className="list">
            {users.map((user) => (
              <UserItem
                key={user.id}
                user={user}
                self={user.id === selfId}
                groups={groups}
                districtName={districtName}
                onSetDisabled={async (disabled) =>
                  replace(await call(() => adminApi.setDisabled(user.id, disabled)))
                }
                onResetPassword={async (password) => {
                  replace(await call(() => adminApi.resetPassword(user.id, password)));
                  // Every token of the account is revoked, this device's too.
                  if (user.id === selfId) {
                    navigate('/login', { state: { expired: true, from: '/users' } });
                  }
                }}
                onSetDistricts={async (ids) =>
                  replace(await call(() => adminApi.setDistricts(user.id, ids)))
                }
                onSetRole={async (role) =>
                  replace(await call(() => adminApi.setRole(user.id, role)))
                }
              />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
