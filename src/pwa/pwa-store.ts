import { create } from 'zustand';

/** Chromium's install prompt event (not in the DOM typings). */
export interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface PwaState {
  /** A new version is installed and waiting; it is applied only when the user agrees. */
  updateReady: boolean;
  /** The app shell is cached: the app now works without a network. */
  offlineReady: boolean;
  /** The browser's install prompt, kept from `beforeinstallprompt` until used. */
  installPrompt: InstallPromptEvent | null;
  /** Installed (the browser said so, or the app runs as an installed app). */
  installed: boolean;
  applyUpdate: () => void;
  dismissOfflineReady: () => void;
  dismissUpdate: () => void;
}

export const usePwaStore = create<PwaState>()((set) => ({
  updateReady: false,
  offlineReady: false,
  installPrompt: null,
  installed: false,
  applyUpdate: () => {},
  dismissOfflineReady: () => set({ offlineReady: false }),
  dismissUpdate: () => set({ updateReady: false }),
}));
