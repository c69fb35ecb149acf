/** The key figures a lessons-learned report quotes, taken from the dashboard's figures. */
import type { GenderFigures } from './gender-figures.ts';
import type { KeyFigures } from './lessons-report.ts';
import type { ActivityProgress } from './work-plan-progress.ts';

export function keyFiguresOf(
  progress: readonly ActivityProgress[],
  gender: GenderFigures,
  asOf: string,
): KeyFigures {
  const { total, proposals } = gender;
  return {
    asOf,
    hearings: total.hearings,
    trainings: total.trainings,
    participants: total.total,
    women: total.women,
    men: total.men,
    proposals: proposals.total,
    proposalsAccepted: proposals.accepted,
    fromWomen: { ...proposals.fromWomen },
    fromYouth: { ...proposals.fromYouth },
    workPlan: progress.map((p) => ({
      number: p.activity.number,
      target: p.activity.target,
      actual: p.actual,
      status: p.status,
    })),
  };
}
