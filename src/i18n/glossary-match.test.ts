import { describe, expect, it } from 'vitest';
import { findTerm } from './glossary-match.ts';

describe('glossary matching', () => {
  it('matches whole words, case-insensitively', () => {
    expect(findTerm('Баалоо барагы', 'баалоо барагы')).toBe('баалоо барагы');
    expect(findTerm('ДОЛБООР: протокол', 'долбоор')).toBe('долбоор');
    expect(findTerm('майыптыгы бар адамдар', 'майып')).toBeUndefined();
    expect(findTerm('оценочный лист', 'лист')).toBe('лист');
    expect(findTerm('чек-лист', 'лист')).toBeUndefined();
  });

  it('matches inflected forms through a stem', () => {
    expect(findTerm('Версия чек-листа', 'чек-лист*')).toBe('чек-листа');
    expect(findTerm('Бул эсептик жазууну өчүрдү', 'эсептик жазуу*')).toBe('эсептик жазууну');
    expect(findTerm('Долбоорлорду салыштыруу', 'долбоор*')).toBe('долбоорлорду');
    expect(findTerm('Учётные записи', 'учетн* запис*')).toBe('учетные записи');
  });

  it('reads across no-break spaces, soft and non-breaking hyphens, not placeholders', () => {
    expect(findTerm('талаа\u00a0эскерт\u00adмелери', 'талаа эскертме*')).toMatch(
      /^талаа\sэскертмелери$/,
    );
    expect(findTerm('2026\u2011ж.', '2026-ж')).toBe('2026-ж');
    expect(findTerm('«{{dimension}}» бөлүмүнө', 'dimension')).toBeUndefined();
  });
});
