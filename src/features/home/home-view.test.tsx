import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { HomeView } from './home-view.tsx';

const today = new Date(2026, 10, 24);

describe('HomeView', () => {
  it('shows the date in Kyrgyz, formatted without Intl', async () => {
    await renderWithApp(<HomeView today={today} pending={0} />, {
      language: 'ky',
      namespaces: ['home'],
    });
    expect(screen.getByRole('heading', { name: 'Бүгүн' })).toBeTruthy();
    expect(screen.getByText('Бүгүн: 2026\u2011ж., 24\u2011ноябрь, шейшемби')).toBeTruthy();
    expect(screen.getByText('Синхрондоштурууну күткөн өзгөртүү жок')).toBeTruthy();
  });

  it('uses Russian plural forms for the pending count', async () => {
    const { rerender, i18n } = await renderWithApp(<HomeView today={today} pending={1} />, {
      language: 'ru',
      namespaces: ['home'],
    });
    expect(screen.getByText('1 изменение ожидает синхронизации')).toBeTruthy();
    const { I18nextProvider } = await import('react-i18next');
    const { MemoryRouter } = await import('react-router');
    for (const [count, text] of [
      [3, '3 изменения ожидают синхронизации'],
      [5, '5 изменений ожидают синхронизации'],
      [21, '21 изменение ожидает синхронизации'],
    ] as const) {
      rerender(
        <I18nextProvider i18n={i18n}>
          <MemoryRouter>
            <HomeView today={today} pending={count} />
          </MemoryRouter>
        </I18nextProvider>,
      );
      expect(screen.getByText(text)).toBeTruthy();
    }
  });

  it('links to every section by name', async () => {
    await renderWithApp(<HomeView today={today} pending={undefined} />, { namespaces: ['home'] });
    for (const name of [
      'Hearings',
      'Trainings',
      'Checklists',
      'Municipalities',
      'Dashboard',
      'Sync',
      'Settings',
    ]) {
      expect(screen.getByRole('link', { name })).toBeTruthy();
    }
    expect(screen.queryByText(/waiting to be synced/)).toBeNull();
  });

  it('starts a hearing, or opens the unfinished ones, in one tap', async () => {
    await renderWithApp(<HomeView today={today} pending={0} />, {
      language: 'ru',
      namespaces: ['home'],
    });
    expect(screen.getByRole('link', { name: 'Новые слушания' }).getAttribute('href')).toBe(
      '/hearings/new',
    );
    expect(screen.getByRole('link', { name: 'Незавершённые черновики' }).getAttribute('href')).toBe(
      '/hearings?status=draft',
    );
  });

  it('links to draft evaluations and trainings still to mark as held, only when there are some', async () => {
    const { unmount } = await renderWithApp(
      <HomeView today={today} pending={0} unfinished={{ evaluations: 0, trainings: 0 }} />,
      { namespaces: ['home'] },
    );
    expect(screen.queryByRole('list', { name: 'Other unfinished work' })).toBeNull();
    unmount();
    await renderWithApp(
      <HomeView today={today} pending={0} unfinished={{ evaluations: 2, trainings: 1 }} />,
      { language: 'ky', namespaces: ['home'] },
    );
    expect(
      screen.getByRole('link', { name: 'Баалоонун караламалары:\u00a02' }).getAttribute('href'),
    ).toBe('/checklists?status=draft');
    expect(
      screen
        .getByRole('link', { name: 'Өткөрүлдү деп белгилене элек окутуулар:\u00a01' })
        .getAttribute('href'),
    ).toBe('/trainings?status=planned');
  });
});
