import { create } from 'zustand';

export interface PwaState {
  /** A new version is installed and waiting; it is applied only when the user agrees. */
  updateReady: boolean;
  /** The app shell is cached: the app now works without a network. */
  offlineReady: boolean;
  applyUpdate: () => void;
  dismissOfflineReady: () => void;
  dismissUpdate: () => void;
}

export const usePwaStore = create<PwaState>()((set) => ({
  updateReady: false,
  offlineReady: false,
  applyUpdate: () => {},
  dismissOfflineReady: () => set({ offlineReady: false }),
  dismissUpdate: () => set({ updateReady: false }),
}));
