import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUiPrefs } from '../../ui/ui-prefs.ts';
import './reference-lists.css';
import { ReferenceListsScreen } from './reference-lists-screen.tsx';

/** Admin: the reference lists (participant groups, positions, SEDP modules). */
export function Component() {
  const { t } = useTranslation('reference-lists');
  const { t: tc } = useTranslation();
  const account = useUiPrefs((s) => s.account);
  if (account?.role !== 'admin') {
    return (
      <article className="page">
        <h1 className="page__title">{t('title')}</h1>
        <p className="notice">{t('onlyAdmins')}</p>
        <Link to="/">{tc('notFound.home')}</Link>
      </article>
    );
  }
  return <ReferenceListsScreen username={account.username} />;
}
