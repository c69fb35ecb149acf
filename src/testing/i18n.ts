/** An i18next instance with the real locale files, loaded at once, for component tests. */
import type { BackendModule, i18n } from 'i18next';
import type { Language } from '../i18n/languages.ts';
import { createLocaleBackend, setupI18n } from '../i18n/setup.ts';

const eager = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', {
  eager: true,
});
const loaders = Object.fromEntries(
  Object.entries(eager).map(([file, module]) => [file, () => Promise.resolve(module)]),
);

export async function createTestI18n(
  language: Language = 'en',
  namespaces: string[] = [],
): Promise<i18n> {
  const backend: BackendModule = createLocaleBackend(loaders);
  const instance = await setupI18n(language, backend);
  await instance.loadNamespaces(namespaces);
  return instance;
}
