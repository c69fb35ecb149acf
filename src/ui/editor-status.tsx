import { Link } from 'react-router';
import type { RecordSyncState } from '../db/hooks.ts';
import type { EditorSaveState } from './use-record-editor.ts';

export interface EditorStatusProps {
  /** The record's own status (draft/final, planned/held) and its name. */
  status: string;
  statusLabel: string;
  saveState: EditorSaveState;
  saveLabel: string;
  syncState: RecordSyncState | undefined;
  syncLabel: string;
}

/** The line under a record's title: its status, whether it is saved, and its sync state. */
export function EditorStatus(props: EditorStatusProps) {
  return (
    <p className="record-state">
      <span className={`badge badge--${props.status}`}>{props.statusLabel}</span>{' '}
      <span role="status" className={`save-state save-state--${props.saveState}`}>
        {props.saveLabel}
      </span>{' '}
      {props.syncState && (
        <span className={`sync-state sync-state--${props.syncState}`}>{props.syncLabel}</span>
      )}
    </p>
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
      <p className="notice">{message}</p>
      <Link className="back-link" to={back}>
        {backLabel}
      </Link>
    </article>
  );
}
