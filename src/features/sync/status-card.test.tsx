import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../sync/engine.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { StatusCard } from './status-card.tsx';

const idle: SyncStatus = INITIAL_SYNC_STATUS;

describe('StatusCard', () => {
  it('says a full server disk in Russian, not "server unreachable"', async () => {
    await renderWithApp(
      <StatusCard
        status={{
          ...idle,
          phase: 'retrying',
          failures: 1,
          lastError: 'storage_full: The server cannot store data',
          lastFailure: { kind: 'server', status: 503, code: 'storage_full', requestId: 'r-1' },
          nextAttemptAt: Date.UTC(2026, 0, 5, 9, 30),
        }}
        online
        pending={4}
        onSyncNow={vi.fn()}
      />,
      { language: 'ru', namespaces: ['sync'] },
    );
    const status = screen.getByRole('status').textContent ?? '';
    expect(status).toContain('Диск сервера заполнен');
    expect(status).toContain('Следующая попытка в');
    expect(status).not.toContain('Не удалось связаться');
  });

  it('tells that another tab syncs, and leaves "Sync now" enabled', async () => {
    const onSyncNow = vi.fn();
    await renderWithApp(
      <StatusCard status={idle} online pending={2} otherTabSyncing onSyncNow={onSyncNow} />,
      { namespaces: ['sync'] },
    );
    expect(screen.getByText(/Another tab is syncing now/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Up to date');
    const button = screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    button.click();
    expect(onSyncNow).toHaveBeenCalledOnce();
  });
});
