import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { RefusedPhotos } from './refused-photos.tsx';

describe('RefusedPhotos', () => {
  it('lists a refused photo in Russian and offers to send it again', async () => {
    const onRetry = vi.fn();
    const sha256 = 'ab12cd34'.repeat(8);
    await renderWithApp(
      <RefusedPhotos
        photos={[{ sha256, size: 2_400_000, refusal: 'too_large' }]}
        onRetry={onRetry}
      />,
      { language: 'ru', namespaces: ['sync'] },
    );
    expect(screen.getByRole('heading', { name: 'Фото, которые сервер не принял' })).toBeTruthy();
    expect(screen.getByText(/^Фото ab12cd34, 2\s344 КБ$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Отправить это фото снова' }));
    expect(onRetry).toHaveBeenCalledWith(sha256);
  });

  it('shows nothing when every photo was taken', async () => {
    const { container } = await renderWithApp(<RefusedPhotos photos={[]} onRetry={() => {}} />, {
      namespaces: ['sync'],
    });
    expect(container.querySelector('section')).toBeNull();
  });
});
