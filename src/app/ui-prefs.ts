import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/languages.ts';

/**
 * Small UI preferences, read synchronously at start-up so the first paint is already
 * in the right language. Records never live here: they are in IndexedDB.
 */
export interface UiPrefs {
  language: Language | null;
  setLanguage: (language: Language) => void;
}

export const useUiPrefs = create<UiPrefs>()(
  persist(
    (set) => ({
      language: null,
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'sedp-field:ui-prefs',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ language }) => ({ language }),
    },
  ),
);
