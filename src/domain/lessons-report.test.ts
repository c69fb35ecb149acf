import { describe, expect, it } from 'vitest';
import {
  appendToSection,
  lessonsReportSchema,
  newLessonsReport,
  notesDigest,
  pageBudgetUsed,
  pagesNeeded,
  printableHeightMm,
} from './lessons-report.ts';

const MM = 96 / 25.4;

describe('lessons-learned report', () => {
  it('starts from the field notes, one bullet each, and is a valid draft', () => {
    const report = newLessonsReport({
      title: 'Уроки 2025',
      language: 'ru',
      notes: [
        { title: 'Зал мал', text: 'Женщины стояли\nу входа.', place: 'Массы' },
        { title: 'Нет интернета', text: '' },
      ],
    });
    expect(report.challenges).toBe('— Зал мал (Массы): Женщины стояли у входа.\n— Нет интернета');
    expect(report.status).toBe('draft');
    expect(lessonsReportSchema.safeParse(report).success).toBe(true);
    expect(report).not.toHaveProperty('districtId');
  });

  it('refuses a period that ends before it starts and an empty title', () => {
    const report = newLessonsReport({ title: 'x', language: 'en', notes: [] });
    const bad = lessonsReportSchema.safeParse({ ...report, from: '2025-02-01', to: '2025-01-01' });
    expect(bad.error?.issues[0]?.path).toEqual(['to']);
    expect(lessonsReportSchema.safeParse({ ...report, title: '  ' }).success).toBe(false);
  });

  it('appends a note to a section once, after a blank line', () => {
    expect(appendToSection('', ' — A ')).toBe('— A');
    expect(appendToSection('— A\n', '— B')).toBe('— A\n\n— B');
    expect(appendToSection('— A\n\n— B', '— B')).toBe('— A\n\n— B');
  });

  it('counts A4 pages from the laid-out height (265 mm printable per page)', () => {
    expect(printableHeightMm).toBe(265);
    expect(pagesNeeded(0)).toBe(1);
    expect(pagesNeeded(265 * MM)).toBe(1);
    expect(pagesNeeded(265 * MM + 1)).toBe(2);
    expect(pagesNeeded(3 * 265 * MM)).toBe(3);
    expect(pagesNeeded(3 * 265 * MM + 2)).toBe(4);
    expect(pageBudgetUsed(1.5 * 265 * MM)).toBeCloseTo(0.5, 10);
  });

  it('writes digests without empty places', () => {
    expect(notesDigest([])).toBe('');
  });
});
