import { useTranslation } from 'react-i18next';

type ComingNamespace =
  | 'hearings'
  | 'trainings'
  | 'checklists'
  | 'territories'
  | 'dashboard'
  | 'sync';

/** An honest placeholder for a section not built yet: what it will do, and no fake data. */
export function ComingSection({ ns }: { ns: ComingNamespace }) {
  const { t } = useTranslation(ns);
  const { t: tc } = useTranslation();
  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="badge">{tc('coming.badge')}</p>
      <p className="lead">{t('coming')}</p>
      <p className="muted">{tc('coming.body')}</p>
    </article>
  );
}
