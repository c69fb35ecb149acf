/** Entry point: pick the language, load its strings, render the shell, then register the service worker. */
import './ui/fonts.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { AppErrorBoundary } from './app/error-boundary.tsx';
import { createAppRouter, needsAccount } from './app/router.tsx';
import { isLanguage } from './i18n/languages.ts';
import { createLocaleBackend, setupI18n } from './i18n/setup.ts';
import { resolveStartLanguage } from './i18n/start-language.ts';
import { listenForInstallPrompt } from './pwa/install-prompt.ts';
import { getAccount } from './session/account.ts';
import { useUiPrefs } from './ui/ui-prefs.ts';

// The browser may offer installing before anything else has loaded.
listenForInstallPrompt();

const prefs = useUiPrefs.getState();
const language = resolveStartLanguage(
  window.location.search,
  { remembered: () => prefs.language, remember: prefs.setLanguage },
  navigator.languages,
);
document.documentElement.lang = language;

const { pathname, search } = window.location;
if (!getAccount() && needsAccount(pathname)) {
  // Nobody is signed in on this device: go straight to the sign-in screen, as RequireAccount
  // would, without first loading the section asked for (and the database it reads). The
  // state is what React Router keeps in history entries: `usr` is the location's state.
  window.history.replaceState(
    { usr: { from: pathname + search }, key: 'default', idx: 0 },
    '',
    '/login',
  );
}
const signingIn = window.location.pathname === '/login';

// The router starts loading the first screen's code now, alongside its strings.
const router = createAppRouter();
const i18n = await setupI18n(language, createLocaleBackend(), signingIn ? ['account'] : []);
i18n.on('languageChanged', (next) => {
  document.documentElement.lang = next;
  if (isLanguage(next)) useUiPrefs.getState().setLanguage(next);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <AppErrorBoundary>
        <RouterProvider router={router} />
      </AppErrorBoundary>
    </I18nextProvider>
  </StrictMode>,
);

// Not needed for the first paint: loaded once the shell is up.
void import('./pwa/register.ts').then(({ registerServiceWorker }) => registerServiceWorker());
