import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages.ts';

/**
 * Translation in a language other than the interface's (a printed protocol in Kyrgyz
 * while the app speaks Russian): loads that language's namespaces, then gives its `t`.
 */
/** `namespace:key` lookups; keys are checked by the locale parity test, not the compiler. */
export type DocumentT = (key: string, options?: Record<string, unknown>) => string;

export function useFixedLanguage(
  language: Language,
  namespaces: readonly string[],
): DocumentT | undefined {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState<string | null>(null);
  const key = `${language}:${namespaces.join(',')}`;
  useEffect(() => {
    let cancelled = false;
    setReady(null);
    const [lng = '', list = ''] = key.split(':');
    i18n
      .loadLanguages(lng)
      .then(() => i18n.loadNamespaces(list.split(',')))
      .then(
        () => !cancelled && setReady(key),
        (error: unknown) => console.error(error),
      );
    return () => {
      cancelled = true;
    };
  }, [i18n, key]);
  if (ready !== key) return undefined;
  const fixed = i18n.getFixedT(language);
  return (key, options) => String(fixed(key as never, options as never));
}
