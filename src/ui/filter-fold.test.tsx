import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../testing/render.tsx';
import { FilterFold } from './filter-fold.tsx';

describe('FilterFold', () => {
  it('folds the filters behind one button that counts those in use', async () => {
    const { rerender, i18n, container } = await renderWithApp(
      <FilterFold active={0} label="Filters">
        <label>
          Status <select />
        </label>
      </FilterFold>,
      { language: 'ru' },
    );
    const button = screen.getByRole('button', { name: 'Фильтр' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // (jsdom does not know the role of <search> yet.)
    const filters = container.querySelector('search') as HTMLElement;
    expect(filters.getAttribute('aria-label')).toBe('Filters');
    expect(filters.hidden).toBe(true);
    expect(button.getAttribute('aria-controls')).toBe(filters.id);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(filters.hidden).toBe(false);

    const { I18nextProvider } = await import('react-i18next');
    const { MemoryRouter } = await import('react-router');
    rerender(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <FilterFold active={2} label="Filters">
            <select aria-label="Status" />
          </FilterFold>
        </MemoryRouter>
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: 'Фильтр (2)' })).toBeTruthy();
  });
});
