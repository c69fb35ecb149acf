/** The sync engine's status as screens show it: data only, so the shell can read it early. */
import type { DownloadProgress } from '../db/sync-store.ts';
import type { SyncFailure } from './transport.ts';

export type { DownloadProgress } from '../db/sync-store.ts';

export type SyncPhase = 'idle' | 'syncing' | 'retrying' | 'needs-login';

export interface SyncStatus {
  phase: SyncPhase;
  /** Consecutive failed attempts; 0 after a success. */
  failures: number;
  lastError: string | null;
  /** The last failure as data, for a message in the user's language; null after a success. */
  lastFailure: SyncFailure | null;
  lastSuccessAt: string | null;
  /** When the next automatic attempt is due (epoch ms), if one is scheduled. */
  nextAttemptAt: number | null;
  /** A download of more than one page under way: how far it has come. */
  download: DownloadProgress | null;
}

/** Before the first attempt: idle, nothing known yet. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  failures: 0,
  lastError: null,
  lastFailure: null,
  lastSuccessAt: null,
  nextAttemptAt: null,
  download: null,
};
