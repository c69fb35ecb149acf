import { create } from 'zustand';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status.ts';

/** This tab's sync engine status as the UI sees it. Never set from another tab. */
export const useSyncStatus = create<SyncStatus>()(() => INITIAL_SYNC_STATUS);

/**
 * What this tab hears of the others, for information only: whether another tab of this
 * app is syncing right now. Cleared when that tab lets go of the sync lock, closed or not.
 */
export const useOtherTabSync = create<{ syncing: boolean }>()(() => ({ syncing: false }));
