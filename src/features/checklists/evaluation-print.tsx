import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import '../../ui/document.css';
import { useRecord } from '../../db/hooks.ts';
import type { Score } from '../../domain/checklist.ts';
import { dimensionScores, overallScore, recommendations } from '../../domain/checklist-score.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { isLanguage, LANGUAGES, type Language } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useFixedLanguage } from '../../ui/use-fixed-language.ts';
import { ScoreBars } from './score-bars.tsx';
import { scoreWord } from './score-words.ts';
import { useTemplates } from './use-templates.ts';

/**
 * The evaluation report of one draft as an A4 document in a chosen language, which may
 * differ from the interface's: `?language=ky` (`?lng=` is read too).
 */
export function EvaluationPrint() {
  const { id = '' } = useParams();
  const { t } = useTranslation('checklists');
  const ui = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('language') ?? params.get('lng');
  const language: Language = isLanguage(asked) ? asked : ui.language;
  const p = useFixedLanguage(language, ['checklists']);
  const record = useRecord('evaluation', id);
  const templates = useTemplates();
  const tree = useTerritoryTree();

  if (record === undefined || templates === undefined || !p) {
    return <p className="page muted">{t('loading')}</p>;
  }
  if (record === null) {
    return <NotOnDevice message={t('notFound')} back="/checklists" backLabel={t('backToList')} />;
  }
  const e = record.body;
  const template = templates.find((v) => v.id === e.templateId)?.body;
  if (!template) {
    return (
      <NotOnDevice message={t('templateMissing')} back="/checklists" backLabel={t('backToList')} />
    );
  }

  const place = (territoryId: string) => territoryName(tree, territoryId, language) ?? '';
  const n = (value: number) => formatNumber(value, language, { maximumFractionDigits: 1 });
  const date = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), language, 'long');
  const scoreText = (score: Score | undefined) =>
    score === undefined
      ? p('checklists:score.none')
      : p(`checklists:score.${scoreWord(score)}`, { value: score === 'na' ? '' : n(score) });
  const dimensions = dimensionScores(template, e.answers);
  const overall = overallScore(template, e.answers);
  const toDo = recommendations(template, e.answers);
  const dimensionTitle = (code: string) =>
    template.dimensions.find((d) => d.code === code)?.title[language] ?? code;

  return (
    <div className="print-view" lang={language}>
      <div className="print-controls no-print">
        <Link to={`/checklists/${id}`}>{t('print.back')}</Link>
        <label className="field__label" htmlFor="print-language">
          {t('print.language')}
        </label>
        <select
          id="print-language"
          value={language}
          onChange={(event) => setParams({ language: event.target.value }, { replace: true })}
        >
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>
              {t(`print.languages.${lng}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <article className="document evaluation-report" aria-label={p('checklists:print.heading')}>
        <h1>{p('checklists:print.heading')}</h1>
        <p className="document__subtitle">{place(e.territoryId)}</p>
        {e.status === 'draft' && <p className="document__draft">{p('checklists:print.draft')}</p>}
        <table className="document__facts">
          <tbody>
            <Fact label={p('checklists:print.programme')} value={place(e.territoryId)} />
            {e.territoryId !== e.districtId && (
              <Fact label={p('checklists:print.district')} value={place(e.districtId)} />
            )}
            <Fact label={p('checklists:fields.draftLabel')} value={e.draftLabel} />
            <Fact label={p('checklists:fields.evaluator')} value={e.evaluator} />
            <Fact label={p('checklists:fields.date')} value={date(e.date)} />
            <Fact
              label={p('checklists:print.template')}
              value={p('checklists:templateVersion', {
                title: template.title[language],
                version: n(template.version),
                date: date(template.publishedAt),
              })}
            />
          </tbody>
        </table>

        <ScoreBars
          template={template}
          dimensions={dimensions}
          overall={overall}
          language={language}
          words={{
            title: p('checklists:results.scores'),
            overall: p('checklists:results.overall'),
            percent: (percent) => formatPercent(percent / 100, language),
            notScored: p('checklists:results.notScored'),
            applicable: (s) =>
              p('checklists:results.applicable', {
                count: s.total,
                applicable: n(s.applicable),
                total: n(s.total),
              }),
          }}
        />

        <h2>{p('checklists:print.recommendations')}</h2>
        {toDo.length === 0 ? (
          <p>{p('checklists:results.noRecommendations')}</p>
        ) : (
          <ol>
            {toDo.map(({ dimension, criterion, answer }) => (
              <li key={criterion.code}>
                {criterion.text[language]} <em>({dimensionTitle(dimension)})</em>
                {answer.comment && <span className="document__text"> — {answer.comment}</span>}
              </li>
            ))}
          </ol>
        )}

        <h2>{p('checklists:print.answers')}</h2>
        {template.dimensions.map((dimension, i) => (
          <table key={dimension.code} className="document__table">
            <caption>
              {n(i + 1)}. {dimension.title[language]}
            </caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{p('checklists:print.criterion')}</th>
                <th scope="col">{p('checklists:print.score')}</th>
                <th scope="col">{p('checklists:print.commentEvidence')}</th>
              </tr>
            </thead>
            <tbody>
              {dimension.criteria.map((criterion, j) => {
                const answer = e.answers[criterion.code];
                return (
                  <tr key={criterion.code}>
                    <td>
                      {i + 1}.{j + 1}
                    </td>
                    <td>{criterion.text[language]}</td>
                    <td>{scoreText(answer?.score)}</td>
                    <td className="document__text">
                      {[answer?.comment, answer?.evidence].filter(Boolean).join('\n')}
                      {answer?.photo &&
                        `${answer.comment || answer.evidence ? '\n' : ''}${p('checklists:print.photo')}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}

        <div className="document__signatures">
          <p>
            {p('checklists:fields.evaluator')}: ____________________ {e.evaluator}
          </p>
        </div>
      </article>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value || '—'}</td>
    </tr>
  );
}
