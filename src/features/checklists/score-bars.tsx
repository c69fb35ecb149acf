import { useId } from 'react';
import type { ChecklistTemplate } from '../../domain/checklist.ts';
import type { DimensionScore, ScoreSummary } from '../../domain/checklist-score.ts';
import type { Language } from '../../i18n/languages.ts';
import { band } from './score-words.ts';

export interface ScoreBarsProps {
  template: ChecklistTemplate;
  dimensions: readonly DimensionScore[];
  overall: ScoreSummary;
  language: Language;
  /** Words in the document's language (the print view may differ from the interface). */
  words: {
    title: string;
    overall: string;
    percent: (percent: number) => string;
    notScored: string;
    applicable: (summary: ScoreSummary) => string;
  };
}

/** A bar per dimension and one overall, each with its percentage written out. */
export function ScoreBars({ template, dimensions, overall, language, words }: ScoreBarsProps) {
  const id = useId();
  const row = (key: string, label: string, summary: ScoreSummary, total = false) => (
    <li key={key} className={`score-bar${total ? ' score-bar--overall' : ''}`}>
      <div className="score-bar__head">
        <span className="score-bar__label">{label}</span>
        <span className="score-bar__value">
          {summary.percent === null ? words.notScored : words.percent(summary.percent)}
        </span>
      </div>
      <div className="score-bar__track" aria-hidden="true">
        <div
          className={`score-bar__fill score-bar__fill--${band(summary.percent)}`}
          style={{ width: `${summary.percent ?? 0}%` }}
        />
      </div>
      <p className="score-bar__meta">{words.applicable(summary)}</p>
    </li>
  );
  return (
    <>
      <h2 id={`${id}-title`}>{words.title}</h2>
      <ul className="score-bars" aria-labelledby={`${id}-title`}>
        {dimensions.map((d) =>
          row(
            d.code,
            template.dimensions.find((x) => x.code === d.code)?.title[language] ?? d.code,
            d,
          ),
        )}
        {row('overall', words.overall, overall, true)}
      </ul>
    </>
  );
}
