import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

export interface LanguageMemory {
  remembered: () => string | null | undefined;
  remember: (language: Language) => void;
}

/**
 * The language to start in: `?lng=` in the address (then remembered), else the one
 * remembered on this device, else Russian.
 */
export function resolveStartLanguage(search: string, memory: LanguageMemory): Language {
  const requested = new URLSearchParams(search).get('lng');
  if (isLanguage(requested)) {
    memory.remember(requested);
    return requested;
  }
  const saved = memory.remembered();
  return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
}
