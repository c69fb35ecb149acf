import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a route fails to render or load: a friendly message in the current language. */
export function RouteErrorScreen() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundScreen />;
  console.error(error);
  return <ErrorMessage />;
}

export function ErrorMessage() {
  const { t } = useTranslation();
  return (
    <article className="page" role="alert">
      <h1 className="page__title">{t('error.title')}</h1>
      <p className="lead">{t('error.body')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {t('error.reload')}
        </button>
        <a className="button" href="/">
          {t('error.home')}
        </a>
      </div>
    </article>
  );
}

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <article className="page">
      <h1 className="page__title">{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <Link className="button button--primary" to="/">
        {t('notFound.home')}
      </Link>
    </article>
  );
}

/** While the first route's code loads (a moment; it is precached after the first visit). */
/** While the first screen's code loads: the same header and line as index.html's start-up screen. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="shell boot" aria-busy="true">
      <header className="header">
        <span className="header__brand">{t('appName')}</span>
      </header>
      <main className="main">
        <p className="loading" role="status">
          {t('loading')}
        </p>
      </main>
    </div>
  );
}
