import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useRecordSyncState, useRecordsOfType, useReferenceItems } from '../../db/hooks.ts';
import { totalOf } from '../../domain/attendance.ts';
import { isoDay } from '../../domain/local-date.ts';
import { itemName, itemsOf } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import {
  type HeldProblem,
  heldProblems,
  suggestPeople,
  type Training,
  trainingTitle,
  trainingTotals,
} from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { DraftProblems, EditorStatus, NotOnDevice } from '../../records/editor-status.tsx';
import { ParticipantRoster } from '../../records/participant-roster.tsx';
import { TallyPanel } from '../../records/tally-panel.tsx';
import { partDraftKey } from '../../records/use-record-editor.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { HistoryLink } from '../../ui/history-link.tsx';
import { type FieldProblem, ProblemLinks } from '../../ui/problem-links.tsx';
import { useRosterCsv } from './roster-csv.ts';
import { SESSION_FIELD_IDS, SessionFields } from './session-fields.tsx';
import { SessionTotals } from './session-totals.tsx';
import {
  type TrainingProblem,
  trainingProblems,
  useTrainingEditor,
} from './use-training-editor.ts';

type Mode = 'roster' | 'count';

/** One training: the roster (or a quick count), its totals, then the session's details. */
export function TrainingEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('trainings');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const tree = useTerritoryTree();
  const items = useReferenceItems() ?? [];
  const {
    territoryProblems: placeProblems,
    training,
    update,
    saveState,
    saveFailure,
    retry,
    flush,
    remove: removeRecord,
  } = useTrainingEditor(id);
  const syncState = useRecordSyncState(id);
  const others = useRecordsOfType('training');
  const [mode, setMode] = useState<Mode | null>(null);
  const [finishProblems, setFinishProblems] = useState<(HeldProblem | TrainingProblem)[]>([]);
  const downloadCsv = useRosterCsv(tree, items);

  const suggest = useCallback(
    (typed: string) => suggestPeople(others ?? [], typed, { exceptTrainingId: id }),
    [others, id],
  );
  const municipalities = useMemo(
    () =>
      (training?.municipalityIds ?? []).map((m) => ({
        id: m,
        name: territoryName(tree, m, format.language) ?? m,
      })),
    [training?.municipalityIds, tree, format.language],
  );

  if (training === undefined) return <p className="page muted">{t('loading')}</p>;
  if (training === null) {
    return <NotOnDevice message={t('notFound')} back="/trainings" backLabel={t('backToList')} />;
  }

  const problems = trainingProblems(training);
  const totals = trainingTotals(training.attendance);
  const counted = totalOf(training.attendance.tally) > 0;
  const shownMode: Mode =
    mode ?? (counted && training.attendance.participants.length === 0 ? 'count' : 'roster');
  const district = territoryName(tree, training.districtId, format.language);
  const heading =
    trainingTitle(training, (code) => itemName(items, 'training-module', code, format.language)) ||
    t('untitled');
  const set = (patch: Partial<Training>, options?: { typing?: boolean }) =>
    update({ ...training, ...patch }, options);

  // Each problem leads to the field that solves it.
  const problemField = (problem: HeldProblem | TrainingProblem): string => {
    switch (problem) {
      case 'attendance':
        return 'attendance';
      case 'future':
      case 'dates':
        return SESSION_FIELD_IDS.firstDay;
      case 'municipalities':
        return SESSION_FIELD_IDS.municipalities;
      default:
        return 'session';
    }
  };
  const finishLinks: FieldProblem[] = finishProblems.map((problem) => ({
    key: problem,
    text: t(`finish.problem.${problem}`),
    target: problemField(problem),
  }));

  const markHeld = async () => {
    const missing = [...new Set([...heldProblems(training, isoDay(new Date())), ...problems])];
    setFinishProblems(missing);
    if (missing.length > 0) return;
    update({ ...training, status: 'held' });
    await flush();
  };

  const remove = async () => {
    if (await removeRecord(t('delete.confirm'))) navigate('/trainings');
  };

  return (
    <article className="page training">
      <header className="editor-head">
        <Link className="back-link" to="/trainings">
          {t('backToList')}
        </Link>
        <h1 className="page__title">{heading}</h1>
        <p className="list__meta">
          {[municipalities.map((m) => m.name).join(', '), district].filter(Boolean).join(' · ')}
          {' · '}
          {format.date(new Date(`${training.dates[0]}T12:00:00`), 'long')}
          {training.dates.length > 1 &&
            ` – ${format.date(new Date(`${training.dates.at(-1)}T12:00:00`), 'long')}`}
        </p>
        <EditorStatus
          status={training.status}
          statusLabel={t(`status.${training.status}`)}
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
      {/* The attendance block: a problem link lands in its first field (a name, or a count). */}
      <div id="attendance">
        <fieldset className="training__mode">
          <legend className="visually-hidden">{t('mode.label')}</legend>
          {(['roster', 'count'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`button${shownMode === m ? ' button--primary' : ''}`}
              aria-pressed={shownMode === m}
              onClick={() => setMode(m)}
            >
              {t(`mode.${m}`)}
            </button>
          ))}
        </fieldset>
        {shownMode === 'roster' ? (
          <ParticipantRoster
            participants={training.attendance.participants}
            onChange={(participants) =>
              set({ attendance: { ...training.attendance, participants } })
            }
            draftKey={partDraftKey('training', id, 'roster')}
            groups={itemsOf(items, 'participant-group')}
            positions={itemsOf(items, 'training-position', { withRetired: true })}
            municipalities={municipalities}
            days={training.dates}
            suggest={suggest}
            title={t('roster.title')}
            autoFocus
          />
        ) : (
          <>
            {training.attendance.participants.length > 0 && (
              <p className="notice">{t('mode.rosterCounts')}</p>
            )}
            <TallyPanel
              tally={training.attendance.tally}
              groups={itemsOf(items, 'participant-group')}
              onChange={(tally) => set({ attendance: { ...training.attendance, tally } })}
              title={t('mode.count')}
            />
          </>
        )}
      </div>
      <nav className="jump" aria-label={t('sections')}>
        <a href="#totals">{t('jump.totals')}</a>
        <a href="#session">{t('jump.session')}</a>
        <a href="#finish">{t('jump.finish')}</a>
      </nav>
      <SessionTotals totals={totals} items={items} />
      <SessionFields
        training={training}
        onChange={update}
        modules={itemsOf(items, 'training-module', { withRetired: true })}
        tree={tree}
        problems={problems}
      />
      <section className="card" aria-labelledby="training-finish" id="finish">
        <h2 id="training-finish">{t('finish.title')}</h2>
        <p className="muted">{training.status === 'held' ? t('finish.held') : t('finish.hint')}</p>
        <ProblemLinks problems={finishLinks} />
        <div className="actions">
          {training.status === 'planned' ? (
            <button type="button" className="button button--primary" onClick={markHeld}>
              {t('finish.markHeld')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => set({ status: 'planned' })}>
              {t('finish.markPlanned')}
            </button>
          )}
          <Link
            className="button"
            to={`/trainings/${id}/print?sheet=blank&language=${format.language}`}
          >
            {t('print.blank')}
          </Link>
          <Link
            className="button"
            to={`/trainings/${id}/print?sheet=filled&language=${format.language}`}
          >
            {t('print.filled')}
          </Link>
          <button
            type="button"
            className="button"
            disabled={training.attendance.participants.length === 0}
            onClick={() => downloadCsv(id, training)}
          >
            {t('finish.csv')}
          </button>
          <HistoryLink id={id} />
          <button type="button" className="button button--quiet" onClick={remove}>
            {t('delete.button')}
          </button>
        </div>
      </section>
    </article>
  );
}
