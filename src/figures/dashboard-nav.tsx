import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const PAGES = [
  { to: '/dashboard', key: 'overview', end: true },
  { to: '/dashboard/exports', key: 'exports', end: false },
  { to: '/dashboard/report', key: 'report', end: false },
  { to: '/dashboard/presentation', key: 'presentation', end: false },
] as const;

/** The dashboard's own pages; the filter travels along in the query string. */
export function DashboardNav({ search }: { search: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <nav aria-label={t('nav.label')} className="dashboard-nav no-print">
      {PAGES.map((page) => (
        <NavLink
          key={page.key}
          to={`${page.to}${search}`}
          end={page.end}
          className="dashboard-nav__link"
        >
          {t(`nav.${page.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
