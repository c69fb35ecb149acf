import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StorageFailure } from '../db/storage-failure.ts';
import type { RecordSyncState } from '../domain/list-facts.ts';
import type { EditorSaveState } from './use-record-editor.ts';
import { useSyncStateName } from './use-sync-state-name.ts';

export interface EditorStatusProps {
  /** The record's own status (draft/final, planned/held) and its name. */
  status: string;
  statusLabel: string;
  saveState: EditorSaveState;
  syncState: RecordSyncState | undefined;
  /** Why the last write failed (with `saveState` "failed"). */
  saveFailure?: StorageFailure | null;
  onRetry?: () => void;
}

/** The line under a record's title: its status, whether it is saved, and its sync state. */
export function EditorStatus(props: EditorStatusProps) {
  const { t } = useTranslation();
  const syncStateName = useSyncStateName();
  return (
    <>
      <p className="record-state">
        <span className={`badge badge--${props.status}`}>{props.statusLabel}</span>{' '}
        <span role="status" className={`save-state save-state--${props.saveState}`}>
          {t(`saveState.${props.saveState}`)}
        </span>{' '}
        {props.syncState && (
          <span className={`sync-state sync-state--${props.syncState}`}>
            {syncStateName(props.syncState)}
          </span>
        )}
      </p>
      <SaveProblem
        saveState={props.saveState}
        failure={props.saveFailure ?? null}
        onRetry={props.onRetry}
      />
    </>
  );
}

/** Says why what is on screen is not written yet, and offers to write it again. */
function SaveProblem({
  saveState,
  failure,
  onRetry,
}: {
  saveState: EditorSaveState;
  failure: StorageFailure | null;
  onRetry: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  if (saveState === 'slow') {
    return <p className="notice save-problem">{t('save.slow')}</p>;
  }
  if (saveState !== 'failed') return null;
  return (
    <div className="notice save-problem" role="alert">
      <p>{t(`save.failed.${failure ?? 'other'}`)}</p>
      <p>{t('save.kept')}</p>
      {onRetry && (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('save.retry')}
        </button>
      )}
    </div>
  );
}

export interface DraftProblemsProps {
  saveState: EditorSaveState;
  /** Why the record is held as a draft, each said in the user's language. */
  problems: readonly string[];
  title: string;
}

/** While a record is held as a draft: what keeps it from being saved as the record. */
export function DraftProblems({ saveState, problems, title }: DraftProblemsProps) {
  if (saveState !== 'draft' || problems.length === 0) return null;
  return (
    <div className="notice" role="alert">
      <p>{title}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

/** A record that is not on this device (deleted, or never synced here), and the way back. */
export function NotOnDevice({
  message,
  back,
  backLabel,
}: {
  message: string;
  back: string;
  backLabel: string;
}) {
  return (
    <article className="page">
      <h1 className="page__title">{message}</h1>
      <Link className="back-link" to={back}>
        {backLabel}
      </Link>
    </article>
  );
}
