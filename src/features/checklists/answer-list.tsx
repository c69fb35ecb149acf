import { useTranslation } from 'react-i18next';
import type { Answers, ChecklistTemplate } from '../../domain/checklist.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { EvidencePhoto } from './criterion-card.tsx';
import { scoreWord } from './score-words.ts';
import { useScoreLabel } from './use-score-label.ts';

/** Every criterion with its answer, comment, evidence and photo, dimension by dimension. */
export function AnswerList({
  template,
  answers,
}: {
  template: ChecklistTemplate;
  answers: Answers;
}) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const label = useScoreLabel();
  return (
    <>
      {template.dimensions.map((dimension, i) => (
        <div key={dimension.code} className="answers">
          <h3>{dimension.title[format.language]}</h3>
          <ol className="answers__list">
            {dimension.criteria.map((criterion, j) => {
              const answer = answers[criterion.code];
              const number = `${i + 1}.${j + 1}`;
              return (
                <li key={criterion.code} className="answers__item">
                  <p className="answers__criterion">
                    <span className="criterion__number">{number}</span>{' '}
                    {criterion.text[format.language]}
                  </p>
                  <p>
                    {answer?.score === undefined ? (
                      <span className="answer-badge answer-badge--none">{t('score.none')}</span>
                    ) : (
                      <span className={`answer-badge answer-badge--${scoreWord(answer.score)}`}>
                        {label(answer.score)}
                      </span>
                    )}
                  </p>
                  {answer?.comment && (
                    <p className="list__text">
                      <strong>{t('answer.comment')}:</strong> {answer.comment}
                    </p>
                  )}
                  {answer?.evidence && (
                    <p className="list__text">
                      <strong>{t('answer.evidence')}:</strong> {answer.evidence}
                    </p>
                  )}
                  {answer?.photo && (
                    <EvidencePhoto sha256={answer.photo} alt={t('answer.photoAlt', { number })} />
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </>
  );
}
