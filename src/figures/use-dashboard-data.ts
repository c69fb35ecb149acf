import { useMemo } from 'react';
import { useRecordsOfType, useReferenceItems } from '../db/hooks.ts';
import { type HearingFiguresRecord, useHearingFigures } from '../db/use-list-index.ts';
import {
  evaluatedProgrammeEvidence,
  trainedTownEvidence,
  trainingSources,
} from '../domain/dashboard-sources.ts';
import { type AttendanceSource, hearingSourceOfFigures } from '../domain/gender-figures.ts';
import type { SyncedRecord } from '../domain/record.ts';
import { type Evidence, milestoneEvidence, reportEvidence } from '../domain/work-plan-progress.ts';
import { useTerritoryTree } from '../records/use-territory-tree.ts';

/** Each hearing's attendance source, made once per figures read (they are kept while unchanged). */
const hearingSources = new WeakMap<HearingFiguresRecord, AttendanceSource>();
function sourceOf(hearing: HearingFiguresRecord): AttendanceSource {
  let source = hearingSources.get(hearing);
  if (!source) {
    source = hearingSourceOfFigures(hearing);
    hearingSources.set(hearing, source);
  }
  return source;
}

/**
 * Everything the dashboard counts, live from the device's copy (so it works offline):
 * the records, the attendance sources and the work-plan evidence before any filter.
 * Undefined until every list has loaded.
 */
export function useDashboardData() {
  const tree = useTerritoryTree();
  const items = useReferenceItems();
  const plan = useRecordsOfType('work-plan-activity');
  // Hearings may be tens of thousands: their figures come from the list index, not the records.
  const hearings = useHearingFigures();
  const milestones = useRecordsOfType('milestone');
  const notes = useRecordsOfType('lessons-note');
  const reports = useRecordsOfType('lessons-report');
  const trainings = useRecordsOfType('training');
  const evaluations = useRecordsOfType('evaluation');
  const templateRecords = useRecordsOfType('checklist-template');

  return useMemo(() => {
    if (
      !tree ||
      !items ||
      !plan ||
      !hearings ||
      !milestones ||
      !notes ||
      !reports ||
      !trainings ||
      !evaluations ||
      !templateRecords
    ) {
      return undefined;
    }
    const territories = [...tree.byId.values()];
    const sources: AttendanceSource[] = [...hearings.map(sourceOf), ...trainingSources(trainings)];
    const evidence: Evidence = {
      'towns-trained': trainedTownEvidence(trainings, territories),
      'drafts-submitted': milestoneEvidence(milestones, 'draft-submitted'),
      'drafts-evaluated': evaluatedProgrammeEvidence(milestones, evaluations),
      'council-approvals': milestoneEvidence(milestones, 'approved'),
      report: reportEvidence(reports, 'report'),
      presentation: reportEvidence(reports, 'presentation'),
    };
    return {
      tree,
      items,
      plan,
      hearings,
      milestones,
      notes,
      reports,
      trainings,
      evaluations,
      /** Checklist template versions, to score evaluations by the version each names. */
      templates: templateRecords.map(({ id, body }) => ({ id, body })),
      sources,
      evidence,
    };
  }, [
    tree,
    items,
    plan,
    hearings,
    milestones,
    notes,
    reports,
    trainings,
    evaluations,
    templateRecords,
  ]);
}

export type DashboardData = NonNullable<ReturnType<typeof useDashboardData>>;
export type AnyRecord = SyncedRecord<Record<string, unknown>>;
