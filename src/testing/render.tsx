import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Language } from '../i18n/languages.ts';
import { createTestI18n } from './i18n.ts';

/** Renders a component with real translations and a router, as the app would. */
export async function renderWithApp(
  ui: ReactElement,
  { language = 'en', namespaces = [] }: { language?: Language; namespaces?: string[] } = {},
) {
  const i18n = await createTestI18n(language, namespaces);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, i18n };
}
