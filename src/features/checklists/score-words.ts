import type { Score } from '../../domain/checklist.ts';

/** The locale key of an answer: `score.no`, `score.partly`, `score.yes`, `score.na`. */
export type ScoreWord = 'no' | 'partly' | 'yes' | 'na';

export function scoreWord(score: Score): ScoreWord {
  if (score === 'na') return 'na';
  return score === 1 ? 'yes' : score === 0.5 ? 'partly' : 'no';
}

/** Colour band of a percentage, always shown with the number itself. */
export function band(percent: number | null): 'none' | 'low' | 'mid' | 'high' {
  if (percent === null) return 'none';
  return percent >= 80 ? 'high' : percent >= 50 ? 'mid' : 'low';
}
