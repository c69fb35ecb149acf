import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { records } from '../../db/app-db.ts';
import { useDraft } from '../../db/use-draft.ts';
import {
  appendToSection,
  type LessonsReport,
  lessonsReportSchema,
  notesDigest,
  REPORT_LANGUAGES,
  REPORT_SECTIONS,
  type ReportLanguage,
  type ReportSection,
} from '../../domain/lessons-report.ts';
import type { SyncedRecord } from '../../domain/record.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FormError } from '../../ui/form-actions.tsx';
import { useFixedLanguage } from '../../ui/use-fixed-language.ts';
import { PageFitNote } from './page-fit-note.tsx';
import { notesFor, reportVisible } from './report-coverage.ts';
import { ReportDocument } from './report-document.tsx';
import { usePageFit } from './use-page-fit.ts';
import { useReportFigures } from './use-report-figures.ts';

/** Editing one lessons-learned report. */
export function ReportEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { scope, search } = useDashboardFilter();
  const record = data?.reports.find((r) => r.id === id);
  // Kept here: saving brings a new version, which starts the form afresh.
  const [savedAt, setSavedAt] = useState<string | null>(null);
  return (
    <article className="page dashboard">
      <DashboardNav search={search} />
      <p>
        <Link to="/dashboard/report">{t('report.back')}</Link>
      </p>
      {!data ? (
        <p className="muted">{t('loading')}</p>
      ) : !record || !reportVisible(record.body, scope) ? (
        <h1 className="page__title">{t('report.notFound')}</h1>
      ) : (
        // A new version (saved here or synced in) starts the form afresh from it.
        <ReportForm
          key={record.updatedAt}
          data={data}
          record={record}
          justSaved={savedAt === record.updatedAt}
          onSaved={setSavedAt}
        />
      )}
    </article>
  );
}

type FieldError = 'title' | 'period' | 'presentedOn' | 'save';

/** No undefined members: the body's hash is taken over its JSON. */
const clean = (report: LessonsReport) => JSON.parse(JSON.stringify(report)) as LessonsReport;

function ReportForm({
  data,
  record,
  justSaved,
  onSaved,
}: {
  data: DashboardData;
  record: SyncedRecord<LessonsReport>;
  /** This version is the one just saved here (and nothing has changed since). */
  justSaved: boolean;
  onSaved: (updatedAt: string) => void;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { scope } = useDashboardFilter();
  const draft = useDraft(`dashboard:report:${record.id}`, record.body);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const value = draft.value;
  const figures = useReportFigures(data, value, scope);
  const p = useFixedLanguage(value.language, ['dashboard']);
  const sheet = useRef<HTMLElement>(null);
  const fit = usePageFit(sheet, Boolean(p) && draft.ready);
  const notes = notesFor(data.notes, record.body.districtId, scope, data.tree, value.language);
  const coverage = (language: ReportLanguage) =>
    record.body.districtId
      ? (territoryName(data.tree, record.body.districtId, language) ?? '')
      : '';

  const set = (patch: Partial<LessonsReport>) => {
    setSaved(false);
    setDirty(true);
    const next = { ...value, ...patch };
    for (const key of ['from', 'to', 'presentedOn'] as const) if (!next[key]) delete next[key];
    draft.update(next);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = clean({ ...value, title: value.title.trim(), keyFigures: figures });
    const parsed = lessonsReportSchema.safeParse(body);
    if (!parsed.success) {
      const found = new Set<FieldError>();
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'title') found.add('title');
        else if (field === 'from' || field === 'to') found.add('period');
        else if (field === 'presentedOn') found.add('presentedOn');
        else found.add('save');
      }
      setErrors([...found]);
      return;
    }
    try {
      const written = await records.put({
        type: 'lessons-report',
        id: record.id,
        body,
      });
      await draft.discard();
      setErrors([]);
      setSaved(true);
      setDirty(false);
      onSaved(written.updatedAt);
    } catch {
      setErrors(['save']);
    }
  };

  if (!draft.ready) return <p className="muted">{t('loading')}</p>;
  const has = (error: FieldError) => errors.includes(error);
  return (
    <>
      <h1 className="page__title">{value.title || t('report.untitled')}</h1>
      <p className="actions no-print">
        <Link className="button" to={`/dashboard/report/${record.id}/print`}>
          {t('report.printView')}
        </Link>
      </p>
      <PageFitNote fit={fit} />
      <form className="form report-form" onSubmit={save} noValidate aria-label={t('report.edit')}>
        <div className="field">
          <label className="field__label" htmlFor="report-title">
            {t('report.field.title')}
          </label>
          <input
            id="report-title"
            value={value.title}
            aria-invalid={has('title')}
            onChange={(e) => set({ title: e.target.value })}
          />
          {has('title') && <span className="field__error">{t('report.error.title')}</span>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="report-language">
            {t('report.field.language')}
          </label>
          <select
            id="report-language"
            value={value.language}
            onChange={(e) => set({ language: e.target.value as ReportLanguage })}
          >
            {REPORT_LANGUAGES.map((lng) => (
              <option key={lng} value={lng}>
                {t(`languages.${lng}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="report-form__period">
          <legend>{t('report.field.period')}</legend>
          <div className="field">
            <label className="field__label" htmlFor="report-from">
              {t('filter.from')}
            </label>
            <input
              id="report-from"
              type="date"
              value={value.from ?? ''}
              aria-invalid={has('period')}
              onChange={(e) => set({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="report-to">
              {t('filter.to')}
            </label>
            <input
              id="report-to"
              type="date"
              value={value.to ?? ''}
              aria-invalid={has('period')}
              onChange={(e) => set({ to: e.target.value })}
            />
          </div>
          {has('period') && <span className="field__error">{t('report.error.period')}</span>}
        </fieldset>
        {REPORT_SECTIONS.map((section) => (
          <div className="field" key={section}>
            {/* Not wrapped in the label: a textarea's text would join its accessible name. */}
            <label className="field__label" htmlFor={`report-${section}`}>
              {t(`report.section.${section}`)}
            </label>
            <textarea
              id={`report-${section}`}
              rows={8}
              value={value[section]}
              onChange={(e) => set({ [section]: e.target.value })}
            />
          </div>
        ))}
        <label className="choice">
          <input
            type="checkbox"
            checked={value.status === 'final'}
            onChange={(e) => set({ status: e.target.checked ? 'final' : 'draft' })}
          />
          {t('report.field.final')}
        </label>
        {!record.body.districtId && (
          <div className="field">
            <label className="field__label" htmlFor="report-presented">
              {t('report.field.presentedOn')}
            </label>
            <input
              id="report-presented"
              type="date"
              value={value.presentedOn ?? ''}
              aria-invalid={has('presentedOn')}
              onChange={(e) => set({ presentedOn: e.target.value })}
            />
          </div>
        )}
        <p className="muted">{t('report.figuresNote')}</p>
        <FormError
          message={
            has('save') ? t('report.error.save') : errors.length > 0 ? t('report.error.fix') : null
          }
        />
        {(saved || justSaved) && !dirty && (
          <output className="form__ok">{t('report.saved')}</output>
        )}
        <button type="submit" className="button button--primary">
          {t('report.save')}
        </button>
      </form>

      <NotesPanel
        notes={notes}
        onAdd={(section, text) => set({ [section]: appendToSection(value[section], text) })}
      />

      {p && (
        // Laid out off-screen at the printed width, to tell how many pages it fills.
        <div className="report-measure" aria-hidden="true">
          <ReportDocument
            ref={sheet}
            report={value}
            figures={figures}
            plan={data.plan.map((a) => a.body)}
            coverage={coverage(value.language) || p('report.doc.project')}
            p={p}
          />
        </div>
      )}
      <p className="muted">
        {t('report.lastSaved', { date: format.date(new Date(record.updatedAt), 'short') })}
      </p>
    </>
  );
}

function NotesPanel({
  notes,
  onAdd,
}: {
  notes: ReturnType<typeof notesFor>;
  onAdd: (section: ReportSection, text: string) => void;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <section aria-labelledby="report-notes" className="card">
      <h2 id="report-notes">{t('report.notes.title')}</h2>
      <p className="muted">{t('report.notes.intro')}</p>
      {notes.length === 0 && <p className="muted">{t('report.notes.none')}</p>}
      <ul className="list">
        {notes.map((note, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes are listed as they come.
          <li key={i} className="list__item">
            <h3 className="list__title">{note.title}</h3>
            {note.place && <p className="list__meta">{note.place}</p>}
            {note.text && <p className="list__text">{note.text}</p>}
            <div className="actions">
              {REPORT_SECTIONS.map((section) => (
                <button
                  key={section}
                  type="button"
                  className="button"
                  aria-label={t('report.notes.addTo', {
                    section: t(`report.section.${section}`),
                    note: note.title,
                  })}
                  onClick={() => onAdd(section, notesDigest([note]))}
                >
                  {t(`report.notes.add.${section}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
