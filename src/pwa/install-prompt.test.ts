import { afterEach, describe, expect, it, vi } from 'vitest';
import { installPlatform, listenForInstallPrompt, promptInstall } from './install-prompt.ts';
import { usePwaStore } from './pwa-store.ts';

afterEach(() => usePwaStore.setState({ installPrompt: null, installed: false }));

describe('install prompt', () => {
  it('keeps the browser prompt for later, and uses it once', async () => {
    listenForInstallPrompt();
    const prompt = vi.fn(async () => {});
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(usePwaStore.getState().installPrompt).toBe(event);

    expect(await promptInstall()).toBe(true);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(usePwaStore.getState()).toMatchObject({ installPrompt: null, installed: true });
    expect(await promptInstall()).toBe(false);
  });

  it('tells iPhones (no prompt there) from the rest', () => {
    expect(
      installPlatform(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('ios');
    expect(
      installPlatform('Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/131.0'),
    ).toBe('other');
  });
});
