import { useTranslation } from 'react-i18next';
import { createBrowserRouter, matchRoutes, Outlet, type RouteObject } from 'react-router';
import { useAccount } from '../session/account.ts';
import { LoadingScreen, NotFoundScreen, RouteErrorScreen } from './error-screen.tsx';
import { Layout } from './layout.tsx';
import { RequireAccount } from './require-account.tsx';
import { DASHBOARD_PAGES, SECTION_CODE } from './section-preload.ts';

function AdminOnly() {
  const { t } = useTranslation();
  const account = useAccount();
  if (account?.role === 'admin') return <Outlet />;
  return (
    <article className="page">
      <h1 className="page__title">{t('adminOnly')}</h1>
    </article>
  );
}

function SignedIn() {
  return (
    <RequireAccount>
      <Outlet />
    </RequireAccount>
  );
}

const SIGNED_IN = 'signed-in';

/** Every section is its own lazily loaded chunk; the shell and Home come first. */
const appRoutes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteErrorScreen,
    HydrateFallback: LoadingScreen,
    children: [
      {
        ErrorBoundary: RouteErrorScreen,
        children: [
          { path: 'login', lazy: () => import('../features/account/route.tsx') },
          {
            id: SIGNED_IN,
            Component: SignedIn,
            children: [
              { index: true, lazy: () => import('../features/home/route.tsx') },
              { path: 'hearings/*', lazy: SECTION_CODE.hearings },
              { path: 'trainings/*', lazy: SECTION_CODE.trainings },
              { path: 'checklists/*', lazy: SECTION_CODE.checklists },
              {
                path: 'municipalities',
                lazy: () => import('../features/territories/route.tsx'),
              },
              {
                path: 'municipalities/:id',
                lazy: () => import('../features/territories/detail-route.tsx'),
              },
              { path: 'notes', lazy: () => import('../features/notes/route.tsx') },
              {
                path: 'records/:id/history',
                lazy: () => import('../features/history/route.tsx'),
              },
              { path: 'dashboard/*', lazy: SECTION_CODE.dashboard },
              { path: 'dashboard/exports', lazy: DASHBOARD_PAGES.exports },
              { path: 'dashboard/report/*', lazy: DASHBOARD_PAGES.reports },
              { path: 'dashboard/presentation', lazy: DASHBOARD_PAGES.presentation },
              { path: 'sync', lazy: () => import('../features/sync/route.tsx') },
              { path: 'settings', lazy: () => import('../features/settings/route.tsx') },
              {
                // Checked before the admin-only chunk (kept out of the precache) is loaded.
                path: 'users',
                Component: AdminOnly,
                children: [{ index: true, lazy: () => import('../features/users/route.tsx') }],
              },
              {
                path: 'lists',
                Component: AdminOnly,
                children: [
                  { index: true, lazy: () => import('../features/reference-lists/route.tsx') },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundScreen },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}

/** Whether the screen at `pathname` is one that needs a signed-in account. */
export function needsAccount(pathname: string): boolean {
  return matchRoutes(appRoutes, pathname)?.some((m) => m.route.id === SIGNED_IN) ?? false;
}
