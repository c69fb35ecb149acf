import { create } from 'zustand';
import type { SyncStatus } from './engine.ts';

/** The sync engine's status as the UI sees it, in every tab (other tabs hear it by broadcast). */
export const useSyncStatus = create<SyncStatus>()(() => ({
  phase: 'idle',
  failures: 0,
  lastError: null,
  lastSuccessAt: null,
  nextAttemptAt: null,
}));
