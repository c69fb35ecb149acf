import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../testing/render.tsx';
import { usePwaStore } from './pwa-store.ts';
import { UpdatePrompt } from './update-prompt.tsx';

beforeEach(() => {
  usePwaStore.setState({ updateReady: false, offlineReady: false, applyUpdate: () => {} });
});

describe('UpdatePrompt', () => {
  it('shows nothing while there is no news', async () => {
    const { container } = await renderWithApp(<UpdatePrompt />);
    expect(container.textContent).toBe('');
  });

  it('announces an update and applies it only when the user accepts', async () => {
    const applyUpdate = vi.fn();
    usePwaStore.setState({ updateReady: true, applyUpdate });
    await renderWithApp(<UpdatePrompt />);
    expect(screen.getByRole('alertdialog', { name: 'Update available' })).toBeTruthy();
    expect(applyUpdate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('lets the user put the update off', async () => {
    const applyUpdate = vi.fn();
    usePwaStore.setState({ updateReady: true, applyUpdate });
    await renderWithApp(<UpdatePrompt />, { language: 'ky' });
    fireEvent.click(screen.getByRole('button', { name: 'Кийинчерээк' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(applyUpdate).not.toHaveBeenCalled();
  });

  it('says when the app works offline', async () => {
    usePwaStore.setState({ offlineReady: true });
    await renderWithApp(<UpdatePrompt />, { language: 'ru' });
    expect(
      screen.getByText('Теперь SEDP Field работает на этом устройстве без интернета.'),
    ).toBeTruthy();
  });

  it('keeps the offline notice for a screen with room for it (Home)', async () => {
    usePwaStore.setState({ offlineReady: true });
    const { container } = await renderWithApp(<UpdatePrompt offlineNotice={false} />);
    expect(container.textContent).toBe('');
  });
});
