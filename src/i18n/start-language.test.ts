import { describe, expect, it } from 'vitest';
import type { Language } from './languages.ts';
import { resolveStartLanguage } from './start-language.ts';

function memory(initial: string | null = null) {
  const state = { value: initial as string | null };
  return {
    state,
    remembered: () => state.value,
    remember: (language: Language) => {
      state.value = language;
    },
  };
}

describe('resolveStartLanguage', () => {
  it('starts in Russian on a new device', () => {
    expect(resolveStartLanguage('', memory())).toBe('ru');
  });

  it('uses and remembers ?lng=', () => {
    const m = memory('en');
    expect(resolveStartLanguage('?lng=ky', m)).toBe('ky');
    expect(m.state.value).toBe('ky');
  });

  it('uses the remembered language when the address names none', () => {
    expect(resolveStartLanguage('?tab=2', memory('en'))).toBe('en');
  });

  it('otherwise takes the first browser language the app speaks', () => {
    expect(resolveStartLanguage('', memory(), ['de-DE', 'ky-KG', 'ru'])).toBe('ky');
    expect(resolveStartLanguage('', memory(), ['en-US'])).toBe('en');
    expect(resolveStartLanguage('', memory(), ['de', 'fr'])).toBe('ru');
    // A language chosen on this device wins over the browser's.
    expect(resolveStartLanguage('', memory('ru'), ['en-US'])).toBe('ru');
  });

  it('ignores unknown languages', () => {
    const m = memory('ky');
    expect(resolveStartLanguage('?lng=de', m)).toBe('ky');
    expect(m.state.value).toBe('ky');
    expect(resolveStartLanguage('', memory('xx'))).toBe('ru');
  });
});
