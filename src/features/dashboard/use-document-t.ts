import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/languages.ts';

/**
 * The dashboard's translations in a document's own language (a report written in Kyrgyz
 * while the interface speaks Russian); undefined until that language has loaded.
 */
export function useDocumentT(language: Language): TFunction<'dashboard'> | undefined {
  const { i18n } = useTranslation('dashboard');
  const [ready, setReady] = useState<Language | null>(null);
  useEffect(() => {
    let cancelled = false;
    setReady(null);
    i18n
      .loadLanguages(language)
      .then(() => i18n.loadNamespaces(['dashboard']))
      .then(
        () => !cancelled && setReady(language),
        (error: unknown) => console.error(error),
      );
    return () => {
      cancelled = true;
    };
  }, [i18n, language]);
  return ready === language ? i18n.getFixedT(language, 'dashboard') : undefined;
}
