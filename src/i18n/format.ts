import { clockTime, pad2 } from '../domain/calendar.ts';
import type { Language } from './languages.ts';

/**
 * Dates and numbers for the three interface languages. Kyrgyz is formatted here by
 * hand: Chromium and other browsers may ship without `ky` Intl data and would fall
 * back to English month names. Russian and English use Intl.
 */

const KY_MONTHS = [
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
] as const;

/** Monday first, as `(getDay() + 6) % 7` indexes. */
const KY_WEEKDAYS = [
  'дүйшөмбү',
  'шейшемби',
  'шаршемби',
  'бейшемби',
  'жума',
  'ишемби',
  'жекшемби',
] as const;

const NBSP = '\u00a0';
/** U+2011: a hyphen the line never breaks after, so "24-ноябрь" stays on one line. */
const NO_BREAK_HYPHEN = '\u2011';

export type DateStyle = 'short' | 'long' | 'full';

const INTL_LOCALE: Record<Exclude<Language, 'ky'>, string> = { ru: 'ru-RU', en: 'en-GB' };

const INTL_DATE: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

/**
 * Formats a calendar date in local time: ky long is "2026-ж., 24-ноябрь". A day never wraps
 * away from its month, nor a year from its "ж." or "г.": ky joins them with a non-breaking
 * hyphen, ru and en with a no-break space.
 */
export function formatDate(date: Date, language: Language, style: DateStyle = 'long'): string {
  if (language !== 'ky') {
    const text = new Intl.DateTimeFormat(INTL_LOCALE[language], INTL_DATE[style]).format(date);
    return style === 'short' ? text : text.replace(/(\d)\s(?=\p{L})/gu, `$1${NBSP}`);
  }
  const day = date.getDate();
  const year = date.getFullYear();
  if (style === 'short') return `${pad2(day)}.${pad2(date.getMonth() + 1)}.${year}`;
  const long = `${year}${NO_BREAK_HYPHEN}ж., ${day}${NO_BREAK_HYPHEN}${KY_MONTHS[date.getMonth()]}`;
  if (style === 'long') return long;
  return `${long}, ${KY_WEEKDAYS[(date.getDay() + 6) % 7]}`;
}

export function formatTime(date: Date, language: Language): string {
  if (language !== 'ky') {
    return new Intl.DateTimeFormat(INTL_LOCALE[language], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  }
  return clockTime(date);
}

export interface NumberOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

/** ky groups thousands with a (non-breaking) space and uses a decimal comma, like ru. */
export function formatNumber(value: number, language: Language, options: NumberOptions = {}) {
  const { maximumFractionDigits = 2, minimumFractionDigits = 0 } = options;
  if (language !== 'ky') {
    return new Intl.NumberFormat(INTL_LOCALE[language], {
      maximumFractionDigits,
      minimumFractionDigits,
    }).format(value);
  }
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(maximumFractionDigits);
  let [whole = '0', fraction = ''] = fixed.split('.');
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minimumFractionDigits)
    fraction = fraction.padEnd(minimumFractionDigits, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** A share 0..1 as a percentage: ky and ru "45 %", en "45%". */
export function formatPercent(share: number, language: Language, fractionDigits = 0): string {
  // 23 of 40 is 0.575, and 0.575 * 100 is 57.49999…: drop the binary noise before rounding.
  const percent = Number((share * 100).toPrecision(12));
  const number = formatNumber(percent, language, { maximumFractionDigits: fractionDigits });
  return language === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

/** Splits a byte count into a number and a unit key for translation ("1,5" + "MB"). */
export function scaleBytes(bytes: number): { value: number; unit: ByteUnit } {
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  return { value, unit: BYTE_UNITS[index] ?? 'B' };
}

/**
 * Typed text shown as it was typed, but with its dates kept whole: "2-ноябрь" or "2024-ж."
 * (a digit, a hyphen, a letter) takes the non-breaking hyphen, and "2 ноября" the no-break
 * space, so a line never ends inside a date.
 */
export function keepDatesWhole(text: string): string {
  return text
    .replace(/(\d)-(?=\p{L})/gu, `$1${NO_BREAK_HYPHEN}`)
    .replace(/(\d) (?=\p{L})/gu, `$1${NBSP}`);
}
