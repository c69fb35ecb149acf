import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status.ts';
import { useSyncStatus } from '../sync/sync-status-store.ts';
import { renderWithApp } from '../testing/render.tsx';
import { DownloadProgress } from './download-progress.tsx';

describe('DownloadProgress', () => {
  afterEach(() => {
    useSyncStatus.setState(INITIAL_SYNC_STATUS);
  });

  it('shows records and data received while a download runs, and goes when it ends', async () => {
    await renderWithApp(<DownloadProgress />, { language: 'en' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() =>
      useSyncStatus.setState({
        phase: 'syncing',
        download: { received: 12_500, total: 50_000, bytes: 15 * 1024 * 1024 },
      }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Downloading records to this device' });
    expect(bar.getAttribute('value')).toBe('12500');
    expect(bar.getAttribute('max')).toBe('50000');
    expect(screen.getByText('12,500 of 50,000 records · 15 MB received')).toBeTruthy();
    act(() => useSyncStatus.setState({ phase: 'idle', download: null }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('speaks Russian', async () => {
    useSyncStatus.setState({ download: { received: 500, total: 1_021, bytes: 2048 } });
    await renderWithApp(<DownloadProgress />, { language: 'ru' });
    expect(screen.getByText('500 из 1 021 записи · получено 2 КБ')).toBeTruthy();
  });
});
