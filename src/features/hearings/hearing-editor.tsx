import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { drafts } from '../../db/app-db.ts';
import { useRecordSyncState, useReferenceItems } from '../../db/hooks.ts';
import { useDraft } from '../../db/use-draft.ts';
import { compareWithList } from '../../domain/attendance.ts';
import { type FinalProblem, finalProblems, type Hearing } from '../../domain/hearing.ts';
import { itemName, itemsOf } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { DraftProblems, EditorStatus, NotOnDevice } from '../../records/editor-status.tsx';
import { ParticipantRoster } from '../../records/participant-roster.tsx';
import { TallyPanel } from '../../records/tally-panel.tsx';
import { partDraftKey } from '../../records/use-record-editor.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { HistoryLink } from '../../ui/history-link.tsx';
import { type FieldProblem, ProblemLinks } from '../../ui/problem-links.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { MINUTES_FIELD_IDS, MinutesFields } from './minutes-fields.tsx';
import { PhotosSection } from './photos-section.tsx';
import { ProposalsSection, proposalReasonId } from './proposals-section.tsx';
import {
  type HearingProblem,
  hearingProblems,
  startDefaultedKey,
  useHearingEditor,
} from './use-hearing-editor.ts';

/** One hearing: attendance first (counted live), then the minutes, proposals and photos. */
export function HearingEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('hearings');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const tree = useTerritoryTree();
  const items = useReferenceItems();
  const {
    territoryProblems: placeProblems,
    hearing,
    update,
    saveState,
    saveFailure,
    retry,
    flush,
    remove: removeRecord,
  } = useHearingEditor(id);
  const syncState = useRecordSyncState(id);
  const [finishProblems, setFinishProblems] = useState<(FinalProblem | HearingProblem)[]>([]);
  const startDefaulted = useDraft(startDefaultedKey(id), false);

  if (hearing === undefined) return <p className="page muted">{t('loading')}</p>;
  if (hearing === null) {
    return <NotOnDevice message={t('notFound')} back="/hearings" backLabel={t('backToList')} />;
  }

  const groups = itemsOf(items ?? [], 'participant-group');
  const problems = hearingProblems(hearing);
  const municipality = territoryName(tree, hearing.municipalityId, format.language);
  const district = territoryName(tree, hearing.districtId, format.language);
  const set = (patch: Partial<Hearing>, options?: { typing?: boolean }) =>
    update({ ...hearing, ...patch }, options);
  const differences = compareWithList(hearing.attendance);
  const keyName = (key: string) =>
    key === 'women' || key === 'men'
      ? t(`attendance.${key}`)
      : itemName(items ?? [], 'participant-group', key.slice(6), format.language);

  // Each problem leads to the field that solves it.
  const problemField = (problem: FinalProblem | HearingProblem): string | undefined => {
    switch (problem) {
      case 'chair':
      case 'secretary':
      case 'date':
      case 'endTime':
        return MINUTES_FIELD_IDS[problem];
      case 'attendance':
        return 'attendance';
      case 'reason': {
        const open = hearing.proposals.find((p) => p.response === 'rejected' && !p.reason?.trim());
        return open ? proposalReasonId(open.id) : 'proposals';
      }
      case 'other':
        return 'minutes';
      default:
        return undefined;
    }
  };
  const finishLinks: FieldProblem[] = finishProblems.map((problem) => ({
    key: problem,
    text: t(`finish.problem.${problem}`),
    target: problemField(problem),
  }));

  const finish = async () => {
    const missing = [...new Set([...finalProblems(hearing), ...problems])];
    setFinishProblems(missing);
    if (missing.length > 0) return;
    update({ ...hearing, status: 'final' });
    await flush();
  };

  const remove = async () => {
    if (await removeRecord(t('delete.confirm'))) {
      await drafts.discard(startDefaultedKey(id));
      navigate('/hearings');
    }
  };

  return (
    <article className="page hearing">
      <header className="editor-head">
        <Link className="back-link" to="/hearings">
          {t('backToList')}
        </Link>
        <h1 className="page__title">{municipality ?? t('title')}</h1>
        <p className="list__meta">
          {district && `${district} · `}
          {format.date(new Date(`${hearing.date}T12:00:00`), 'long')}
          {hearing.startTime && ` · ${hearing.startTime}`}
          {hearing.endTime && `–${hearing.endTime}`}
        </p>
        <EditorStatus
          status={hearing.status}
          statusLabel={t(`status.${hearing.status}`)}
          saveState={saveState}
          saveFailure={saveFailure}
          onRetry={retry}
          syncState={syncState}
        />
      </header>
      <DraftProblems
        saveState={saveState}
        problems={[
          ...problems.map((problem) => t(`problem.${problem}`)),
          ...placeProblems.map((problem) => tc(`territoryProblem.${problem.reason}`)),
        ]}
        title={t('problem.heldAsDraft')}
      />
      <div id="attendance">
        <TallyPanel
          tally={hearing.attendance.tally}
          groups={groups}
          onChange={(tally) => set({ attendance: { ...hearing.attendance, tally } })}
        />
      </div>
      <nav className="jump" aria-label={t('sections')}>
        <a href="#minutes">{t('jump.minutes')}</a>
        <a href="#proposals">{t('jump.proposals')}</a>
        <a href="#photos">{t('jump.photos')}</a>
      </nav>
      {differences.length > 0 && (
        <div className="card">
          <h2>{t('attendance.compare')}</h2>
          {/* The table's box is the named region (one region, one name). */}
          <TableScroll label={t('attendance.compare')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('attendance.what')}</th>
                  <th scope="col">{t('attendance.counted')}</th>
                  <th scope="col">{t('attendance.listed')}</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{keyName(d.key)}</th>
                    <td>{format.number(d.counted)}</td>
                    <td>{format.number(d.listed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
      <details className="card named-list" open={hearing.attendance.participants.length > 0}>
        <summary>{t('attendance.named')}</summary>
        <p className="muted">{t('attendance.namedHint')}</p>
        <ParticipantRoster
          participants={hearing.attendance.participants}
          onChange={(participants) => set({ attendance: { ...hearing.attendance, participants } })}
          draftKey={partDraftKey('hearing', id, 'roster')}
          groups={groups}
          positions={itemsOf(items ?? [], 'training-position', { withRetired: true })}
          title={t('attendance.named')}
        />
      </details>
      <MinutesFields
        hearing={hearing}
        onChange={update}
        problems={problems}
        startDefaulted={startDefaulted.ready && startDefaulted.value}
        onStartTyped={() => {
          if (startDefaulted.value) void startDefaulted.discard();
        }}
      />
      <ProposalsSection
        proposals={hearing.proposals}
        groups={groups}
        onChange={(proposals, options) => set({ proposals }, options)}
      />
      <PhotosSection photos={hearing.photos} onChange={(photos) => set({ photos })} />
      <section className="card" aria-labelledby="hearing-finish">
        <h2 id="hearing-finish">{t('finish.title')}</h2>
        <p className="muted">
          {hearing.status === 'final' ? t('finish.correcting') : t('finish.hint')}
        </p>
        <ProblemLinks problems={finishLinks} />
        <div className="actions">
          {hearing.status === 'draft' && (
            <button type="button" className="button button--primary" onClick={finish}>
              {t('finish.button')}
            </button>
          )}
          <Link className="button" to={`/hearings/${id}/print?language=${format.language}`}>
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
