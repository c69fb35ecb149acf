/**
 * How the terminology check reads `locales/glossary.json`: a pattern is a word or a phrase,
 * compared case-insensitively with whole words of a translated string.
 *
 * - Words are runs of letters, digits and hyphens, so "чек-лист" is one word and "лист"
 *   does not match inside it.
 * - A word ending in `*` is a stem: it matches any word that starts with it, which covers
 *   Russian and Kyrgyz inflection ("чек-лист*" finds "чек-листа", "эсептик жазуу*" finds
 *   "эсептик жазууну"). Without `*` the word must match exactly ("майып" leaves "майыптыгы").
 * - The words of a phrase may be separated by any whitespace, a no-break space included.
 * - {{placeholders}} are left out and soft hyphens ignored; a non-breaking hyphen counts as a
 *   hyphen; in Russian "ё" and "е" are the same letter.
 */

const WORD = '[\\p{L}\\p{N}\\-]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-cases and folds what the comparison ignores. */
export function normaliseForGlossary(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\u2011/g, '-')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

/** A regular expression that finds `pattern` as whole words in normalised text. */
export function glossaryPattern(pattern: string): RegExp {
  const words = normaliseForGlossary(pattern).trim().split(/\s+/);
  const body = words
    .map((word) =>
      word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}${WORD}*` : escapeRegExp(word),
    )
    .join('\\s+');
  return new RegExp(`(?<!${WORD})${body}(?!${WORD})`, 'u');
}

/** The first place where `pattern` occurs in `text`, or undefined. */
export function findTerm(text: string, pattern: string): string | undefined {
  return normaliseForGlossary(text).match(glossaryPattern(pattern))?.[0];
}
