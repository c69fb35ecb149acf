import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SessionUser } from '../domain/sync-protocol.ts';
import type { Language } from '../i18n/languages.ts';
import { UI_PREFS_KEY } from './ui-prefs-key.ts';

/**
 * Small UI preferences, read synchronously at start-up so the first paint is already
 * in the right language. Records never live here: they are in IndexedDB.
 */
export interface UiPrefs {
  language: Language | null;
  /**
   * Who is signed in on this device, for the first paint: a mirror that only src/session
   * writes (read it with its useAccount). The token itself is kept in IndexedDB with the
   * data it unlocks, never here.
   */
  account: SessionUser | null;
  /** The territory last picked in a form, offered first next time. */
  lastTerritory: PickedTerritory | null;
  setLanguage: (language: Language) => void;
  setAccount: (account: SessionUser | null) => void;
  setLastTerritory: (picked: PickedTerritory) => void;
}

export interface PickedTerritory {
  districtId: string;
  municipalityId?: string;
}

export const useUiPrefs = create<UiPrefs>()(
  persist(
    (set) => ({
      language: null,
      account: null,
      lastTerritory: null,
      setLanguage: (language) => set({ language }),
      setAccount: (account) =>
        set((state) =>
          state.account?.username === account?.username
            ? { account }
            : { account, lastTerritory: null },
        ),
      setLastTerritory: (lastTerritory) => set({ lastTerritory }),
    }),
    {
      name: UI_PREFS_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ language, account, lastTerritory }) => ({ language, account, lastTerritory }),
    },
  ),
);
