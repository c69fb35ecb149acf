/** The work plan (Table 1 of the terms of reference): activities, indicators, targets, deadlines. */
import * as z from 'zod/mini';
import { isoDate, texts } from './schema-parts.ts';

/** What the dashboard counts for an activity's actual figure. */
export const WORK_PLAN_MEASURES = [
  'towns-trained',
  'drafts-submitted',
  'drafts-evaluated',
  'council-approvals',
  'report',
  'presentation',
] as const;

export const workPlanActivitySchema = z.strictObject({
  number: z.number().check(z.int(), z.positive()),
  activity: texts(400),
  indicator: texts(400),
  measure: z.enum(WORK_PLAN_MEASURES),
  target: z.number().check(z.int(), z.nonnegative()),
  deadline: isoDate,
});
export type WorkPlanActivity = z.infer<typeof workPlanActivitySchema>;

export interface WorkPlanSeed extends WorkPlanActivity {
  id: string;
}

/** Whether a deadline (YYYY-MM-DD) has passed on `today` (local calendar date). */
export function deadlinePassed(deadline: string, today: Date): boolean {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59) < today;
}
