import { useTranslation } from 'react-i18next';
import {
  type DateStyle,
  formatDate,
  formatNumber,
  formatPercent,
  formatTime,
  type NumberOptions,
} from './format.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

/** Formatting bound to the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return {
    language,
    date: (date: Date, style?: DateStyle) => formatDate(date, language, style),
    time: (date: Date) => formatTime(date, language),
    number: (value: number, options?: NumberOptions) => formatNumber(value, language, options),
    percent: (share: number, digits?: number) => formatPercent(share, language, digits),
  };
}
