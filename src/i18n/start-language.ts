import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

export interface LanguageMemory {
  remembered: () => string | null | undefined;
  remember: (language: Language) => void;
}

/**
 * The language to start in: `?lng=` in the address (then remembered), else the one
 * remembered on this device, else the first of the browser's languages the app speaks
 * (`navigator.languages`: "ky-KG" counts as Kyrgyz), else Russian. index.html's start-up
 * screen (scripts/vite/boot-screen.ts) picks its words by the same rule.
 */
export function resolveStartLanguage(
  search: string,
  memory: LanguageMemory,
  browserLanguages: readonly string[] = [],
): Language {
  const requested = new URLSearchParams(search).get('lng');
  if (isLanguage(requested)) {
    memory.remember(requested);
    return requested;
  }
  const saved = memory.remembered();
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
