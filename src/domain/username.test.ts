import { describe, expect, it } from 'vitest';
import { cleanDisplayName, normalizeUsername, usernameProblem } from './username.ts';

describe('usernames', () => {
  it('are compared after NFKC and lower case', () => {
    expect(normalizeUsername(' ＡＤＭ ')).toBe('adm');
    expect(normalizeUsername('Аида')).toBe('аида');
    expect(normalizeUsername('ﬁona')).toBe('fiona');
  });

  it('are Latin or Cyrillic, never both', () => {
    expect(usernameProblem('aida.k-2')).toBeNull();
    expect(usernameProblem('айгүл_2')).toBeNull();
    expect(usernameProblem('өмүр')).toBeNull();
    expect(usernameProblem('аdm')).toBe('mixed-scripts');
    expect(usernameProblem('aйгүл')).toBe('mixed-scripts');
    expect(usernameProblem('a b')).toBe('format');
    expect(usernameProblem('a')).toBe('format');
    expect(usernameProblem('αdm')).toBe('format');
    expect(usernameProblem('а҂б')).toBe('format');
    expect(usernameProblem('.aida')).toBe('format');
  });
});

describe('display names', () => {
  it('lose bidi and other control characters', () => {
    expect(cleanDisplayName('Aida\u202E nimda\u202C')).toBe('Aida nimda');
    expect(cleanDisplayName('\u2066Бакыт\u2069 \u200FУулу\u061C')).toBe('Бакыт Уулу');
    expect(cleanDisplayName('Айгүл\nТоктосунова\t\u0007')).toBe('Айгүл Токтосунова');
    expect(cleanDisplayName('Айгүл Токтосунова')).toBe('Айгүл Токтосунова');
  });
});
