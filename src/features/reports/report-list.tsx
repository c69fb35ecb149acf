import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { records } from '../../db/app-db.ts';
import { useDraft } from '../../db/use-draft.ts';
import {
  newLessonsReport,
  REPORT_LANGUAGES,
  type ReportLanguage,
} from '../../domain/lessons-report.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FormError } from '../../ui/form-actions.tsx';
import { notesFor, reportVisible } from './report-coverage.ts';

interface NewReportDraft {
  title: string;
  language: ReportLanguage;
  /** '' for the whole project. */
  districtId: string;
}

/** The lessons-learned reports this user sees, and starting a new one. */
export function ReportList() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { search } = useDashboardFilter();
  return (
    <article className="page dashboard">
      <h1 className="page__title">{t('report.title')}</h1>
      <DashboardNav search={search} />
      <p className="lead">{t('report.intro')}</p>
      {data ? <ReportListBody data={data} /> : <p className="muted">{t('loading')}</p>}
    </article>
  );
}

function ReportListBody({ data }: { data: DashboardData }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { scope } = useDashboardFilter();
  const navigate = useNavigate();
  const districts =
    scope === null
      ? data.tree.regions.flatMap((r) => data.tree.childrenOf(r.id))
      : scope.map((id) => data.tree.byId.get(id)).filter((d) => d !== undefined);
  const initial: NewReportDraft = {
    title: '',
    language: format.language,
    districtId: scope === null ? '' : (scope[0] ?? ''),
  };
  const draft = useDraft('dashboard:report:new', initial);
  const [error, setError] = useState<'title' | 'district' | 'save' | null>(null);
  const reports = data.reports
    .filter((r) => reportVisible(r.body, scope))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const place = (districtId?: string) =>
    districtId
      ? (territoryName(data.tree, districtId, format.language) ?? districtId)
      : t('report.wholeProject');

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const value = draft.value;
    if (!value.title.trim()) return setError('title');
    if (scope !== null && !scope.includes(value.districtId)) return setError('district');
    try {
      const districtId = value.districtId || undefined;
      const body = newLessonsReport({
        title: value.title.trim(),
        language: value.language,
        districtId,
        notes: notesFor(data.notes, districtId, scope, data.tree, value.language),
      });
      const saved = await records.put({
        type: 'lessons-report',
        body,
      });
      await draft.discard();
      navigate(`/dashboard/report/${saved.id}`);
    } catch {
      setError('save');
    }
  };

  return (
    <>
      {reports.length === 0 && <p className="muted">{t('report.none')}</p>}
      <ul className="list">
        {reports.map((r) => (
          <li key={r.id} className="list__item">
            <h2 className="list__title">
              <Link to={`/dashboard/report/${r.id}`}>{r.body.title}</Link>
            </h2>
            <p className="list__meta">
              {place(r.body.districtId)} · {t(`report.status.${r.body.status}`)} ·{' '}
              {format.date(new Date(r.updatedAt), 'short')}
            </p>
          </li>
        ))}
      </ul>
      {draft.ready && (
        <form className="card form" onSubmit={create} noValidate aria-labelledby="new-report">
          <h2 id="new-report">{t('report.new')}</h2>
          <p className="muted">{t('report.newIntro')}</p>
          <div className="field">
            <label className="field__label" htmlFor="new-report-title">
              {t('report.field.title')}
            </label>
            <input
              id="new-report-title"
              value={draft.value.title}
              aria-invalid={error === 'title'}
              onChange={(e) => draft.update({ ...draft.value, title: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="new-report-language">
              {t('report.field.language')}
            </label>
            <select
              id="new-report-language"
              value={draft.value.language}
              onChange={(e) =>
                draft.update({ ...draft.value, language: e.target.value as ReportLanguage })
              }
            >
              {REPORT_LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`languages.${lng}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="new-report-coverage">
              {t('report.field.coverage')}
            </label>
            <select
              id="new-report-coverage"
              value={draft.value.districtId}
              aria-invalid={error === 'district'}
              onChange={(e) => draft.update({ ...draft.value, districtId: e.target.value })}
            >
              {scope === null && <option value="">{t('report.wholeProject')}</option>}
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.names[format.language]}
                </option>
              ))}
            </select>
          </div>
          <FormError message={error && t(`report.error.${error}`)} />
          <button type="submit" className="button button--primary">
            {t('report.create')}
          </button>
        </form>
      )}
    </>
  );
}
