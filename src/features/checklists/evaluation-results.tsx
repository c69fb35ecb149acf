import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRecord, useRecordSyncState, useRecordsWithState } from '../../db/hooks.ts';
import { dimensionScores, overallScore, recommendations } from '../../domain/checklist-score.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { keepDatesWhole } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useSyncStateName } from '../../records/use-sync-state-name.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { AnswerList } from './answer-list.tsx';
import { ScoreBars } from './score-bars.tsx';
import { useScoreWords } from './use-score-words.ts';
import { useTemplates } from './use-templates.ts';

/** A finished evaluation: scores per dimension, recommendations, and every answer. */
export function EvaluationResults() {
  const { id = '' } = useParams();
  const { t } = useTranslation('checklists');
  const syncStateName = useSyncStateName();
  const format = useFormat();
  const tree = useTerritoryTree();
  const templates = useTemplates();
  const record = useRecord('evaluation', id);
  const all = useRecordsWithState('evaluation');
  const syncState = useRecordSyncState(id);
  const words = useScoreWords();

  if (record === undefined || templates === undefined) {
    return <p className="page muted">{t('loading')}</p>;
  }
  if (record === null) {
    return <NotOnDevice message={t('notFound')} back="/checklists" backLabel={t('backToList')} />;
  }
  const evaluation = record.body;
  const version = templates.find((v) => v.id === evaluation.templateId);
  const place = territoryName(tree, evaluation.territoryId, format.language);
  const district = territoryName(tree, evaluation.districtId, format.language);
  const others = (all ?? []).filter(
    ({ record: r }) => r.id !== id && r.body.territoryId === evaluation.territoryId,
  );

  const head = (
    <>
      <p>
        <Link className="back-link" to="/checklists">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="page__title">{place ?? t('unknownPlace')}</h1>
      <p className="list__meta">
        {district && district !== place && `${district} · `}
        {keepDatesWhole(evaluation.draftLabel)} ·{' '}
        {format.date(new Date(`${evaluation.date}T12:00:00`), 'long')}
        {' · '}
        {evaluation.evaluator}
      </p>
      <p className="checklist__state">
        <span className={`badge badge--${evaluation.status}`}>
          {t(`status.${evaluation.status}`)}
        </span>{' '}
        {syncState && (
          <span className={`sync-state sync-state--${syncState}`}>{syncStateName(syncState)}</span>
        )}
      </p>
    </>
  );
  if (!version) {
    return (
      <article className="page">
        {head}
        <p className="notice">{t('templateMissing')}</p>
      </article>
    );
  }
  const template = version.body;
  const dimensions = dimensionScores(template, evaluation.answers);
  const overall = overallScore(template, evaluation.answers);
  const toDo = recommendations(template, evaluation.answers);
  const dimensionTitle = (code: string) =>
    template.dimensions.find((d) => d.code === code)?.title[format.language] ?? code;

  return (
    <article className="page checklist">
      {head}
      <p className="muted">
        {t('templateVersion', {
          title: template.title[format.language],
          version: format.number(template.version),
          date: format.date(new Date(`${template.publishedAt}T12:00:00`), 'long'),
        })}
      </p>
      <section className="card" aria-label={t('results.scores')}>
        <ScoreBars
          template={template}
          dimensions={dimensions}
          overall={overall}
          language={format.language}
          words={words}
        />
      </section>
      <section className="card" aria-labelledby="checklist-recommendations">
        <h2 id="checklist-recommendations">
          {t('results.recommendations', { count: toDo.length, n: format.number(toDo.length) })}
        </h2>
        {toDo.length === 0 ? (
          <p className="muted">{t('results.noRecommendations')}</p>
        ) : (
          <>
            <p className="muted">{t('results.recommendationsHint')}</p>
            <ol className="recommendations">
              {toDo.map(({ dimension, criterion, answer }) => (
                <li key={criterion.code}>
                  <p className="recommendations__criterion">{criterion.text[format.language]}</p>
                  <p className="list__meta">{dimensionTitle(dimension)}</p>
                  {answer.comment && <p className="list__text">{answer.comment}</p>}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <div className="actions">
        <Link
          className="button button--primary"
          to={`/checklists/${id}/print?language=${format.language}`}
        >
          {t('print.open')}
        </Link>
        {others.length > 0 && (
          <Link className="button" to={`/checklists/compare?after=${id}`}>
            {t('results.compare')}
          </Link>
        )}
        <Link
          className="button"
          to={`/checklists/new?territory=${evaluation.territoryId}&district=${evaluation.districtId}`}
        >
          {t('results.revised')}
        </Link>
        <Link className="button button--quiet" to={`/checklists/${id}/edit`}>
          {t('results.correct')}
        </Link>
      </div>
      <section className="card" aria-labelledby="checklist-answers">
        <h2 id="checklist-answers">{t('results.answers')}</h2>
        <AnswerList template={template} answers={evaluation.answers} />
      </section>
    </article>
  );
}
