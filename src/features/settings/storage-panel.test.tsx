import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { StoragePanel } from './storage-panel.tsx';

describe('StoragePanel', () => {
  it('shows protection and usage in Kyrgyz number format', async () => {
    await renderWithApp(
      <StoragePanel
        state={{ persisted: true, usage: 1.5 * 1024 * 1024, quota: 2048 * 1024 * 1024 }}
        onRefresh={() => {}}
      />,
      { language: 'ky', namespaces: ['settings'] },
    );
    expect(screen.getByText(/^Корголгон/)).toBeTruthy();
    // Testing Library folds the non-breaking spaces into plain ones.
    expect(screen.getByText('Колдонулду: 1,5 МБ, жеткиликтүү: 2 ГБ')).toBeTruthy();
  });

  it('says when protection is not granted yet, and can check again', async () => {
    const onRefresh = vi.fn();
    await renderWithApp(
      <StoragePanel state={{ persisted: false, usage: null, quota: null }} onRefresh={onRefresh} />,
      { namespaces: ['settings'] },
    );
    expect(screen.getByText(/^Not protected yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onRefresh).toHaveBeenCalled();
  });
});
