/** Registers the service worker; a waiting update is announced, never applied by itself. */
import { registerSW } from 'virtual:pwa-register';
import { usePwaStore } from './pwa-store.ts';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // Both the plugin and the listener below may ask; a second reload would cut the first short.
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };
  const updateSW = registerSW({
    immediate: true,
    onNeedReload: reloadOnce,
    onNeedRefresh: () => usePwaStore.setState({ updateReady: true }),
    onOfflineReady: () => usePwaStore.setState({ offlineReady: true }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
  // Unsaved forms live in IndexedDB drafts, so the reload that follows loses nothing.
  // The reload is ours: the plugin skips it when this tab was the very first install.
  const applyUpdate = () => {
    navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
    void updateSW(true);
  };
  usePwaStore.setState({ applyUpdate });
}
