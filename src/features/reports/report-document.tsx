import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import {
  type KeyFigures,
  type LessonsReport,
  REPORT_SECTIONS,
} from '../../domain/lessons-report.ts';
import type { WorkPlanActivity } from '../../domain/work-plan.ts';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';

export interface ReportDocumentProps {
  report: LessonsReport;
  figures: KeyFigures;
  plan: readonly WorkPlanActivity[];
  /** The district's name, or the project's, in the report's language. */
  coverage: string;
  /** The dashboard's words in the report's language. */
  p: TFunction<'dashboard'>;
  ref?: Ref<HTMLElement>;
}

const localDate = (iso: string) => new Date(`${iso}T00:00:00`);

/** The report as it prints: A4 width, print type sizes, in the report's own language. */
export function ReportDocument({ report, figures, plan, coverage, p, ref }: ReportDocumentProps) {
  const language = report.language;
  const n = (value: number) => formatNumber(value, language);
  const date = (iso: string) => formatDate(localDate(iso), language, 'long');
  const share = figures.participants > 0 ? figures.women / figures.participants : null;
  const period =
    report.from && report.to
      ? p('report.doc.period', { from: date(report.from), to: date(report.to) })
      : report.from
        ? p('report.doc.since', { from: date(report.from) })
        : report.to
          ? p('report.doc.until', { to: date(report.to) })
          : '';
  const byNumber = new Map(plan.map((a) => [a.number, a]));
  return (
    <article ref={ref} className="report-sheet" lang={language} aria-label={report.title}>
      <h1>{report.title}</h1>
      <p className="report-sheet__subtitle">{[coverage, period].filter(Boolean).join(' · ')}</p>
      {report.status === 'draft' && <p className="report-sheet__draft">{p('report.doc.draft')}</p>}
      <h2>{p('report.doc.keyFigures')}</h2>
      <table className="report-sheet__table">
        <tbody>
          <tr>
            <th scope="row">{p('report.doc.hearings')}</th>
            <td>{n(figures.hearings)}</td>
          </tr>
          <tr>
            <th scope="row">{p('report.doc.trainings')}</th>
            <td>{n(figures.trainings)}</td>
          </tr>
          <tr>
            <th scope="row">{p('report.doc.participants')}</th>
            <td>
              {p('report.doc.participantsValue', {
                total: n(figures.participants),
                women: n(figures.women),
                men: n(figures.men),
                share: share === null ? '—' : formatPercent(share, language),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{p('report.doc.proposals')}</th>
            <td>
              {p('report.doc.acceptedOf', {
                accepted: n(figures.proposalsAccepted),
                raised: n(figures.proposals),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{p('report.doc.fromWomen')}</th>
            <td>
              {p('report.doc.acceptedOf', {
                accepted: n(figures.fromWomen.accepted),
                raised: n(figures.fromWomen.raised),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{p('report.doc.fromYouth')}</th>
            <td>
              {p('report.doc.acceptedOf', {
                accepted: n(figures.fromYouth.accepted),
                raised: n(figures.fromYouth.raised),
              })}
            </td>
          </tr>
        </tbody>
      </table>
      {figures.workPlan.length > 0 && (
        <table className="report-sheet__table">
          <caption>{p('report.doc.workPlan')}</caption>
          <thead>
            <tr>
              <th scope="col">{p('report.doc.indicator')}</th>
              <th scope="col">{p('report.doc.target')}</th>
              <th scope="col">{p('report.doc.actual')}</th>
              <th scope="col">{p('report.doc.status')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.workPlan.map((w) => (
              <tr key={w.number}>
                <th scope="row">
                  {w.number}. {byNumber.get(w.number)?.indicator[language] ?? ''}
                </th>
                <td>{n(w.target)}</td>
                <td>{n(w.actual)}</td>
                <td>{p(`workPlan.status.${w.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="report-sheet__asof">{p('report.doc.asOf', { date: date(figures.asOf) })}</p>
      {REPORT_SECTIONS.map((section) => (
        <section key={section}>
          <h2>{p(`report.section.${section}`)}</h2>
          {report[section].trim() ? (
            report[section]
              .trim()
              .split(/\n\s*\n/)
              .map((paragraph, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity.
                <p key={i} className="report-sheet__text">
                  {paragraph}
                </p>
              ))
          ) : (
            <p className="report-sheet__text">—</p>
          )}
        </section>
      ))}
    </article>
  );
}
