import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatTime,
  keepDatesWhole,
  scaleBytes,
} from './format.ts';

const NBSP = '\u00a0';
const NBH = '\u2011';
// 24 November 2026, a Tuesday; local time, as the app shows dates.
const day = new Date(2026, 10, 24, 9, 5);

describe('Kyrgyz dates (formatted by hand)', () => {
  it('long form "2026-ж., 24-ноябрь", with hyphens a line never breaks after', () => {
    expect(formatDate(day, 'ky', 'long')).toBe(`2026${NBH}ж., 24${NBH}ноябрь`);
  });

  it('full form adds the weekday', () => {
    expect(formatDate(day, 'ky', 'full')).toBe(`2026${NBH}ж., 24${NBH}ноябрь, шейшемби`);
    expect(formatDate(new Date(2026, 10, 29), 'ky', 'full')).toBe(
      `2026${NBH}ж., 29${NBH}ноябрь, жекшемби`,
    );
    expect(formatDate(new Date(2026, 10, 23), 'ky', 'full')).toBe(
      `2026${NBH}ж., 23${NBH}ноябрь, дүйшөмбү`,
    );
  });

  it('every month by name', () => {
    const months = Array.from({ length: 12 }, (_, m) =>
      formatDate(new Date(2025, m, 1), 'ky').replace(`2025${NBH}ж., 1${NBH}`, ''),
    );
    expect(months).toEqual([
      'январь',
      'февраль',
      'март',
      'апрель',
      'май',
      'июнь',
      'июль',
      'август',
      'сентябрь',
      'октябрь',
      'ноябрь',
      'декабрь',
    ]);
  });

  it('short form and time', () => {
    expect(formatDate(new Date(2026, 0, 5), 'ky', 'short')).toBe('05.01.2026');
    expect(formatTime(day, 'ky')).toBe('09:05');
  });
});

describe('Kyrgyz numbers', () => {
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1234567.5, 'ky')).toBe(`1${NBSP}234${NBSP}567,5`);
    expect(formatNumber(999, 'ky')).toBe('999');
    expect(formatNumber(1000, 'ky')).toBe(`1${NBSP}000`);
    expect(formatNumber(0.125, 'ky', { maximumFractionDigits: 2 })).toBe('0,13');
    expect(formatNumber(-2500, 'ky')).toBe(`-2${NBSP}500`);
    expect(formatNumber(-0.001, 'ky')).toBe('0');
    expect(formatNumber(3, 'ky', { minimumFractionDigits: 1 })).toBe('3,0');
  });

  it('percentages', () => {
    expect(formatPercent(0.575, 'ky', 1)).toBe(`57,5${NBSP}%`);
    expect(formatPercent(0.5, 'en')).toBe('50%');
    // 23 women of 40: 57.5 % rounds up in every language, despite 0.575 * 100 = 57.4999…
    expect(formatPercent(23 / 40, 'ky')).toBe(`58${NBSP}%`);
    expect(formatPercent(23 / 40, 'ru')).toBe(`58${NBSP}%`);
    expect(formatPercent(23 / 40, 'en')).toBe('58%');
  });
});

describe('Russian and English through Intl', () => {
  it('dates', () => {
    // The day stays with its month and the year with "г." when a line wraps.
    expect(formatDate(day, 'ru', 'long')).toBe(`24${NBSP}ноября 2026${NBSP}г.`);
    expect(formatDate(day, 'ru', 'full')).toBe(`вторник, 24${NBSP}ноября 2026${NBSP}г.`);
    expect(formatDate(day, 'en', 'long')).toBe(`24${NBSP}November 2026`);
    expect(formatDate(day, 'ru', 'short')).toBe('24.11.2026');
  });

  it('numbers', () => {
    expect(formatNumber(1234.5, 'ru').replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('scaleBytes', () => {
  it('picks the unit', () => {
    expect(scaleBytes(512)).toEqual({ value: 512, unit: 'B' });
    expect(scaleBytes(1536)).toEqual({ value: 1.5, unit: 'KB' });
    expect(scaleBytes(5 * 1024 ** 3)).toEqual({ value: 5, unit: 'GB' });
  });
});

describe('keepDatesWhole', () => {
  it('joins a day to its month and a year to its "ж." in typed text, and leaves the rest', () => {
    expect(keepDatesWhole('Биринчи долбоор, 2024-ж., 2-ноябрь')).toBe(
      `Биринчи долбоор, 2024${NBH}ж., 2${NBH}ноябрь`,
    );
    expect(keepDatesWhole('Первый проект, 2 ноября 2024')).toBe(
      'Первый проект, 2\u00a0ноября 2024',
    );
    expect(keepDatesWhole('Draft A-1')).toBe('Draft A-1');
  });
});
