import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status.ts';
import { useSyncStatus } from '../sync/sync-status-store.ts';
import { renderWithApp } from '../testing/render.tsx';
import { SignInAgain } from './sign-in-again.tsx';

describe('SignInAgain', () => {
  afterEach(() => {
    useSyncStatus.setState(INITIAL_SYNC_STATUS);
  });

  it('asks to sign in again, in Kyrgyz, while the server refuses this sign-in', async () => {
    await renderWithApp(<SignInAgain />, { language: 'ky' });
    expect(screen.queryByRole('link', { name: 'Кайра кирүү' })).toBeNull();
    act(() => useSyncStatus.setState({ phase: 'needs-login' }));
    expect(screen.getByRole('link', { name: 'Кайра кирүү' }).getAttribute('href')).toBe('/login');
    expect(screen.getByText(/телефондо сакталат/)).toBeTruthy();
    act(() => useSyncStatus.setState({ phase: 'idle' }));
    expect(screen.queryByRole('link', { name: 'Кайра кирүү' })).toBeNull();
  });
});
