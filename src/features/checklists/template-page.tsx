import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { latestTemplate, templateVersions } from '../../domain/checklist.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useAccount } from '../../session/account.ts';
import { TemplateEditor } from './template-editor.tsx';
import { useTemplates } from './use-templates.ts';

/** The evaluation template: its versions and current criteria; admins publish a new version. */
export function TemplatePage() {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const templates = useTemplates();
  const isAdmin = useAccount()?.role === 'admin';
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);

  if (templates === undefined) return <p className="page muted">{t('loading')}</p>;
  const latest = latestTemplate(templates);
  const versions = templateVersions(templates);
  const date = (iso: string) => format.date(new Date(`${iso}T12:00:00`), 'long');

  return (
    <article className="page checklist">
      <p>
        <Link className="back-link" to="/checklists">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="page__title">{t('template.title')}</h1>
      {!latest && <p className="notice">{t('new.problem.template')}</p>}
      {published !== null && (
        <p className="notice notice--quiet" role="status">
          {t('template.published', { version: format.number(published) })}
        </p>
      )}
      {latest && editing && (
        <TemplateEditor
          base={latest}
          family={templates}
          onPublished={(version) => {
            setPublished(version);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {latest && !editing && (
        <>
          <p className="lead">
            {t('templateVersion', {
              title: latest.body.title[format.language],
              version: format.number(latest.body.version),
              date: date(latest.body.publishedAt),
            })}
          </p>
          {isAdmin && (
            <p>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setPublished(null);
                  setEditing(true);
                }}
              >
                {t('template.edit')}
              </button>
            </p>
          )}
          <p className="muted">{t('template.keepsVersion')}</p>
          {latest.body.dimensions.map((dimension, i) => (
            <section
              key={dimension.code}
              className="card"
              aria-label={dimension.title[format.language]}
            >
              <h2>
                {format.number(i + 1)}. {dimension.title[format.language]}
              </h2>
              <ol className="template-criteria">
                {dimension.criteria.map((criterion) => (
                  <li key={criterion.code}>
                    <p className="template-criteria__text">{criterion.text[format.language]}</p>
                    {criterion.guidance && (
                      <p className="muted">{criterion.guidance[format.language]}</p>
                    )}
                    {(criterion.weight ?? 1) !== 1 && (
                      <p className="list__meta">
                        {t('template.weightIs', { weight: format.number(criterion.weight ?? 1) })}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <section className="card" aria-labelledby="template-versions">
            <h2 id="template-versions">{t('template.versions')}</h2>
            <ul className="list list--plain">
              {versions.map((v) => (
                <li key={v.id}>
                  {t('template.versionLine', {
                    version: format.number(v.body.version),
                    date: date(v.body.publishedAt),
                    count: v.body.dimensions.reduce((n, d) => n + d.criteria.length, 0),
                    criteria: format.number(
                      v.body.dimensions.reduce((n, d) => n + d.criteria.length, 0),
                    ),
                  })}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </article>
  );
}
