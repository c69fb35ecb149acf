import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';

const localesDir = path.resolve(import.meta.dirname, '../../locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of every namespace file, as "namespace:dotted.key". */
function keysOf(language: string): string[] {
  const keys: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value))
        walk(child, prefix ? `${prefix}.${key}` : key);
    } else {
      keys.push(prefix);
    }
  };
  for (const file of readdirSync(path.join(localesDir, language)).sort()) {
    const namespace = file.replace(/\.json$/, '');
    walk(JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8')), `${namespace}:`);
  }
  return keys.map((key) => key.replace(':.', ':'));
}

const REQUIRED_PLURALS: Record<string, string[]> = {
  en: ['one', 'other'],
  ky: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

describe('locales', () => {
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, keysOf(l)]));
  const base = (keys: string[]) =>
    [...new Set(keys.map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();

  it('has a folder for each interface language and nothing else', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (language) => {
    expect(base(byLanguage[language] ?? [])).toEqual(base(byLanguage.en ?? []));
  });

  it.each(LANGUAGES)('%s has every plural form its language needs', (language) => {
    const keys = byLanguage[language] ?? [];
    const plurals = new Set(
      keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
    );
    for (const stem of plurals) {
      for (const form of REQUIRED_PLURALS[language] ?? []) {
        expect(keys, `${language} ${stem}_${form}`).toContain(`${stem}_${form}`);
      }
    }
  });

  it.each(LANGUAGES)('%s has no empty strings', (language) => {
    for (const file of readdirSync(path.join(localesDir, language))) {
      const text = readFileSync(path.join(localesDir, language, file), 'utf8');
      expect(text, `${language}/${file}`).not.toMatch(/:\s*""/);
    }
  });

  it.each(['ru', 'ky'])('%s keeps the same {{placeholders}} as en', (language) => {
    const placeholders = (lng: string) => {
      const out: Record<string, string> = {};
      for (const file of readdirSync(path.join(localesDir, lng))) {
        const walk = (value: unknown, key: string) => {
          if (typeof value === 'string') {
            out[`${file}:${key.replace(PLURAL_SUFFIX, '')}`] = [...value.matchAll(/\{\{(\w+)\}\}/g)]
              .map((m) => m[1])
              .sort()
              .join(',');
          } else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
          }
        };
        walk(JSON.parse(readFileSync(path.join(localesDir, lng, file), 'utf8')), '');
      }
      return out;
    };
    expect(placeholders(language)).toEqual(placeholders('en'));
  });
});
