import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findTerm } from './glossary-match.ts';
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

  it('has a folder for each interface language, and the glossary', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...LANGUAGES, 'glossary.json'].sort());
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

/** Every string of a language, keyed "namespace:dotted.key" with the plural suffix kept. */
function stringsOf(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(localesDir, language)).sort()) {
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') out.set(key, value);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value))
          walk(v, key.endsWith(':') ? `${key}${k}` : `${key}.${k}`);
    };
    walk(
      JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8')),
      `${file.replace(/\.json$/, '')}:`,
    );
  }
  return out;
}

const PerLanguage = z
  .object({ en: z.array(z.string()), ru: z.array(z.string()), ky: z.array(z.string()) })
  .partial();
const Glossary = z.object({
  terms: z.array(
    z.object({
      id: z.string(),
      en: z.string(),
      ru: z.string(),
      ky: z.string(),
      note: z.string().min(1),
      use: PerLanguage.optional(),
      retired: PerLanguage.optional(),
      retiredInKeys: PerLanguage.optional(),
      keys: z.array(z.string()).optional(),
    }),
  ),
});

describe('glossary (locales/glossary.json)', () => {
  const glossary = Glossary.parse(
    JSON.parse(readFileSync(path.join(localesDir, 'glossary.json'), 'utf8')),
  );
  const strings = Object.fromEntries(LANGUAGES.map((l) => [l, stringsOf(l)]));
  /** The strings under `key`, or under each of its plural forms. */
  const at = (language: (typeof LANGUAGES)[number], key: string) =>
    [...(strings[language]?.entries() ?? [])].filter(
      ([k]) => k === key || k.replace(PLURAL_SUFFIX, '') === key,
    );

  it('has one entry per concept', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(ids).toEqual([...new Set(ids)]);
  });

  it('names only keys that exist', () => {
    for (const term of glossary.terms)
      for (const key of term.keys ?? [])
        expect(at('en', key).length, `${term.id}: ${key}`).toBeGreaterThan(0);
  });

  it.each(['ru', 'ky'] as const)('%s uses no retired term anywhere', (language) => {
    const found: string[] = [];
    for (const term of glossary.terms)
      for (const pattern of term.retired?.[language] ?? [])
        for (const [key, text] of strings[language] ?? []) {
          const hit = findTerm(text, pattern);
          if (hit) found.push(`${key}: "${hit}" (retired for ${term.id}; say "${term[language]}")`);
        }
    expect(found).toEqual([]);
  });

  it.each(LANGUAGES)('%s names each concept by its chosen term', (language) => {
    const found: string[] = [];
    for (const term of glossary.terms) {
      const use = term.use?.[language];
      for (const key of term.keys ?? [])
        for (const [k, text] of at(language, key)) {
          if (use && !use.some((p) => findTerm(text, p)))
            found.push(`${k}: "${text}" lacks "${term[language]}" (${term.id})`);
          for (const pattern of term.retiredInKeys?.[language] ?? []) {
            const hit = findTerm(text, pattern);
            if (hit) found.push(`${k}: "${hit}" is not the word for ${term.id}`);
          }
        }
    }
    expect(found).toEqual([]);
  });
});
