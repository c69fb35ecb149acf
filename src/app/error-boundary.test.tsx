import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../testing/render.tsx';
import { AppErrorBoundary } from './error-boundary.tsx';

function Broken(): never {
  throw new Error('broken component');
}

afterEach(() => vi.restoreAllMocks());

describe('AppErrorBoundary', () => {
  it('replaces a crash with a friendly message in the current language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderWithApp(
      <AppErrorBoundary>
        <Broken />
      </AppErrorBoundary>,
      { language: 'ky' },
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ката кетти' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Кайра жүктөө' })).toBeTruthy();
  });

  it('renders its children when nothing fails', async () => {
    await renderWithApp(
      <AppErrorBoundary>
        <p>fine</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });
});
