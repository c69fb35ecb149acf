import { useTranslation } from 'react-i18next';
import type { AdminField, AdminProblem } from '../../session/admin-api.ts';

/** The field a refused value belongs to, so a form can show the message beside it. */
export function problemField(problem: AdminProblem): AdminField | null {
  if (problem.kind === 'username-taken') return 'username';
  if (problem.kind === 'invalid') return problem.field;
  return null;
}

/** What went wrong with an admin request, in the interface language. */
export function useProblemText(): (problem: AdminProblem) => string {
  const { t } = useTranslation('users');
  return (problem) => {
    switch (problem.kind) {
      case 'offline':
        return t('error.offline');
      case 'auth':
        return t('error.auth');
      case 'forbidden':
        return t('error.forbidden');
      case 'username-taken':
        return t('error.usernameTaken');
      case 'invalid':
        return problem.field ? t(`error.${problem.field}`) : t('error.invalid');
      case 'cannot-disable-self':
        return t('error.cannotDisableSelf');
      case 'cannot-change-own-role':
        return t('error.cannotChangeOwnRole');
      case 'not-found':
        return t('error.notFound');
      case 'server':
        return t('error.server');
    }
  };
}
