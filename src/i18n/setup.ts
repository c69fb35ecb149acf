/** i18next set-up: one JSON file per language and namespace, loaded on demand (and precached). */
import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from './languages.ts';

type Resource = Record<string, unknown>;
type Loader = () => Promise<{ default: Resource }>;

const bundledLoaders = import.meta.glob<{ default: Resource }>('../../locales/*/*.json');

/** Reads `locales/<language>/<namespace>.json` through the bundler's lazy chunks. */
export function createLocaleBackend(
  loaders: Record<string, Loader> = bundledLoaders,
): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language, namespace, callback) {
      const load = loaders[`../../locales/${language}/${namespace}.json`];
      if (!load) {
        callback(new Error(`No locale file ${language}/${namespace}`), false);
        return;
      }
      load().then(
        (module) => callback(null, module.default),
        (error: unknown) => callback(error as Error, true),
      );
    },
  };
}

/** `namespaces`: loaded before the first render, all at once (`common` always). */
export async function setupI18n(
  language: Language,
  backend: BackendModule = createLocaleBackend(),
  namespaces: readonly string[] = [],
): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: false,
      load: 'currentOnly',
      ns: ['common', ...namespaces.filter((ns) => ns !== 'common')],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}
