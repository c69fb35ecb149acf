/** Keeps the browser's install prompt for later: it is offered once there is work to keep. */
import { type InstallPromptEvent, usePwaStore } from './pwa-store.ts';

const runsInstalled = () =>
  window.matchMedia?.('(display-mode: standalone)').matches === true ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true;

/** Listens (from the start, the event may come early) for `beforeinstallprompt` once. */
export function listenForInstallPrompt(): void {
  if (runsInstalled()) usePwaStore.setState({ installed: true });
  window.addEventListener(
    'beforeinstallprompt',
    (event) => {
      // Keep the browser's own banner away: the app offers it when the time is right.
      event.preventDefault();
      usePwaStore.setState({ installPrompt: event as InstallPromptEvent });
    },
    { once: true },
  );
  window.addEventListener('appinstalled', () =>
    usePwaStore.setState({ installed: true, installPrompt: null }),
  );
}

/** Shows the browser's install dialog; false when the browser offers none. */
export async function promptInstall(): Promise<boolean> {
  const event = usePwaStore.getState().installPrompt;
  if (!event) return false;
  // The event can be used once only.
  usePwaStore.setState({ installPrompt: null });
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') usePwaStore.setState({ installed: true });
  return true;
}

export type InstallPlatform = 'ios' | 'other';

/** Which written instructions fit a browser that has no install prompt. */
export function installPlatform(userAgent: string = navigator.userAgent): InstallPlatform {
  return /iPhone|iPad|iPod/.test(userAgent) ? 'ios' : 'other';
}
