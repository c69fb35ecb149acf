import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useRecordSyncState } from '../../db/hooks.ts';
import {
  type Answer,
  type Evaluation,
  unansweredCriteria,
  withAnswer,
} from '../../domain/checklist.ts';
import { overallScore } from '../../domain/checklist-score.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { keepDatesWhole } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { DraftProblems, EditorStatus, NotOnDevice } from '../../records/editor-status.tsx';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { HistoryLink } from '../../ui/history-link.tsx';
import { CriterionCard } from './criterion-card.tsx';
import { EvaluationDetails } from './evaluation-details.tsx';
import { evaluationProblems, useEvaluationEditor } from './use-evaluation-editor.ts';
import { useTemplates } from './use-templates.ts';

/**
 * Scoring a draft programme criterion by criterion, one dimension on screen at a time; the
 * progress (answered / total, per dimension too) and the score so far stay in sight. Every
 * answer is saved on the phone as it is given.
 */
export function EvaluationEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('checklists');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const tree = useTerritoryTree();
  const templates = useTemplates();
  const {
    territoryProblems: placeProblems,
    evaluation,
    update,
    change,
    saveState,
    saveFailure,
    retry,
    flush,
    remove: removeRecord,
  } = useEvaluationEditor(id);
  const syncState = useRecordSyncState(id);
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const [shownCode, setShownCode] = useState<string | null>(null);
  // A criterion to bring into view once its dimension is on screen.
  const [focusCode, setFocusCode] = useState<string | null>(null);
  useEffect(() => {
    if (!focusCode) return;
    const target = document.getElementById(`criterion-${focusCode}`);
    if (!target) return;
    setFocusCode(null);
    target.scrollIntoView({ block: 'start' });
    target.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  });

  if (evaluation === undefined || templates === undefined) {
    return <p className="page muted">{t('loading')}</p>;
  }
  if (evaluation === null) {
    return <NotOnDevice message={t('notFound')} back="/checklists" backLabel={t('backToList')} />;
  }
  const template = templates.find((v) => v.id === evaluation.templateId)?.body;
  const place = territoryName(tree, evaluation.territoryId, format.language);
  if (!template) {
    return (
      <article className="page">
        <p className="notice">{t('templateMissing')}</p>
        <Link className="back-link" to="/checklists">
          {t('backToList')}
        </Link>
      </article>
    );
  }

  const overall = overallScore(template, evaluation.answers);
  const problems = evaluationProblems(evaluation);
  const setAnswer = (code: string) => (patch: Partial<Answer>, options?: { typing?: boolean }) => {
    setUnanswered([]);
    change(
      (current) => ({
        ...current,
        answers: withAnswer(current.answers, code, { ...current.answers[code], ...patch }),
      }),
      options,
    );
  };

  const finish = async () => {
    const missing = unansweredCriteria(template, evaluation.answers);
    setUnanswered(missing);
    if (missing.length > 0 || problems.length > 0) return;
    update({ ...evaluation, status: 'final' });
    await flush();
    navigate(`/checklists/${id}`, { replace: true });
  };

  const remove = async () => {
    if (await removeRecord(t('delete.confirm'))) navigate('/checklists');
  };

  const shown = template.dimensions.find((d) => d.code === shownCode) ?? template.dimensions[0];
  const shownIndex = shown ? template.dimensions.indexOf(shown) : -1;
  const next = template.dimensions[shownIndex + 1];
  const show = (code: string) => {
    setShownCode(code);
    document.getElementById('checklist-dimensions')?.scrollIntoView({ block: 'start' });
  };
  const dimensionOf = (criterionCode: string) =>
    template.dimensions.find((d) => d.criteria.some((c) => c.code === criterionCode))?.code;
  const goToCriterion = (criterionCode: string) => {
    const code = dimensionOf(criterionCode);
    if (code) setShownCode(code);
    setFocusCode(criterionCode);
  };

  const numbers = new Map(
    template.dimensions.flatMap((d, i) =>
      d.criteria.map((c, j) => [c.code, `${i + 1}.${j + 1}`] as const),
    ),
  );

  return (
    <article className="page checklist">
      <header className="editor-head">
        <Link className="back-link" to="/checklists">
          {t('backToList')}
        </Link>
        <h1 className="page__title">{place ?? t('unknownPlace')}</h1>
        <p className="list__meta">
          {keepDatesWhole(evaluation.draftLabel)} ·{' '}
          {format.date(new Date(`${evaluation.date}T12:00:00`), 'long')}
        </p>
        <EditorStatus
          status={evaluation.status}
          statusLabel={t(`status.${evaluation.status}`)}
          saveState={saveState}
          saveFailure={saveFailure}
          onRetry={retry}
          syncState={syncState}
        />
      </header>
      <div className="checklist__sticky">
        <div className="checklist__progress">
          <p className="checklist__progress-line">
            <span id="checklist-progress" className="checklist__progress-text">
              {t('progress', {
                count: overall.total,
                answered: format.number(overall.answered),
                total: format.number(overall.total),
              })}
            </span>
            <span className="checklist__score" aria-live="polite">
              {overall.percent === null
                ? t('editor.noScore')
                : t('editor.score', { percent: format.percent(overall.percent / 100) })}
            </span>
          </p>
          <progress
            aria-labelledby="checklist-progress"
            max={overall.total}
            value={overall.answered}
          />
        </div>
        <nav
          id="checklist-dimensions"
          className="checklist-jump"
          aria-label={t('editor.dimensions')}
        >
          {template.dimensions.map((d) => {
            const answered = d.criteria.filter(
              (c) => evaluation.answers[c.code]?.score !== undefined,
            ).length;
            return (
              <button
                key={d.code}
                type="button"
                aria-pressed={d.code === shown?.code}
                onClick={() => show(d.code)}
              >
                {d.title[format.language]} {format.number(answered)}/
                {format.number(d.criteria.length)}
              </button>
            );
          })}
        </nav>
      </div>
      {evaluation.status === 'final' && <p className="notice">{t('editor.correcting')}</p>}
      <DraftProblems
        saveState={saveState}
        problems={[
          ...problems.map((problem) => t(`problem.${problem}`)),
          ...placeProblems.map((problem) => tc(`territoryProblem.${problem.reason}`)),
        ]}
        title={t('problem.heldAsDraft')}
      />
      <EvaluationDetails
        evaluation={evaluation}
        problems={problems}
        onChange={(patch: Partial<Evaluation>) =>
          change((current) => ({ ...current, ...patch }), { typing: true })
        }
      />
      {shown && (
        <section
          key={shown.code}
          id={`dimension-${shown.code}`}
          className="card checklist__dimension"
          aria-labelledby={`dimension-${shown.code}-title`}
        >
          <h2 id={`dimension-${shown.code}-title`}>{shown.title[format.language]}</h2>
          {shown.criteria.map((criterion) => (
            <CriterionCard
              key={criterion.code}
              number={numbers.get(criterion.code) ?? ''}
              criterion={criterion}
              answer={evaluation.answers[criterion.code]}
              onChange={setAnswer(criterion.code)}
            />
          ))}
          {next && (
            <button
              type="button"
              className="button button--primary button--wide"
              onClick={() => show(next.code)}
            >
              {t('editor.next', { dimension: next.title[format.language] })}
            </button>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="checklist-finish">
        <h2 id="checklist-finish">{t('finish.title')}</h2>
        <p className="muted">
          {evaluation.status === 'final' ? t('finish.correcting') : t('finish.hint')}
        </p>
        {unanswered.length > 0 && (
          <div role="alert">
            <p className="form__error">
              {t('finish.unanswered', {
                count: unanswered.length,
                n: format.number(unanswered.length),
              })}
            </p>
            <ul className="checklist__missing">
              {unanswered.map((code) => (
                <li key={code}>
                  <a
                    href={`#criterion-${code}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goToCriterion(code);
                    }}
                  >
                    {numbers.get(code)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          {evaluation.status === 'draft' ? (
            <button type="button" className="button button--primary" onClick={finish}>
              {t('finish.button')}
            </button>
          ) : (
            <Link className="button button--primary" to={`/checklists/${id}`}>
              {t('finish.showScores')}
            </Link>
          )}
          <Link className="button" to={`/checklists/${id}/print?language=${format.language}`}>
            {t('print.open')}
          </Link>
          <HistoryLink id={id} />
          <button type="button" className="button button--quiet" onClick={remove}>
            {t('delete.button')}
          </button>
        </div>
      </section>
    </article>
  );
}
