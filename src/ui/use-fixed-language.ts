import type { FlatNamespace, TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages.ts';

/**
 * Translation in a document's own language, which may differ from the interface's (minutes
 * or a report written in Kyrgyz while the app speaks Russian): loads that language's
 * namespaces, then gives its `t`, undefined until they have loaded. Keys of the first
 * namespace need no prefix; the others' are written `namespace:key`. Keys are typed as
 * `useTranslation`'s are.
 */
export function useFixedLanguage<const Ns extends readonly [FlatNamespace, ...FlatNamespace[]]>(
  language: Language,
  namespaces: Ns,
): TFunction<Ns> | undefined {
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
  return i18n.getFixedT(language, namespaces);
}
