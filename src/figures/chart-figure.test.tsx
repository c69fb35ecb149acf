import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../testing/render.tsx';
import { wrapLabel } from './bar-chart.tsx';
import { ChartFigure } from './chart-figure.tsx';

const made: { labels: unknown; datasets: { label: string; data: number[] }[] }[] = [];

// jsdom draws nothing: a stand-in records what Chart.js would be asked to draw.
vi.mock('./chart-setup.ts', () => ({
  Chart: class {
    constructor(_canvas: unknown, config: { data: (typeof made)[number] }) {
      made.push(config.data);
    }
    destroy() {}
  },
}));

describe('ChartFigure', () => {
  it('draws the chart in the user language and keeps its figures in a table', async () => {
    await renderWithApp(
      <ChartFigure
        title="Аялдар жана эркектер"
        chart={{
          labels: ['Кочкор-Ата', 'Шамалды-Сай'],
          series: [
            { label: 'Аялдар', values: [14, 5], color: '#000' },
            { label: 'Эркектер', values: [6, 15], color: '#111' },
          ],
          stacked: true,
        }}
        table={{
          head: ['Жер', 'Аялдар', 'Эркектер'],
          rows: [
            { key: 'k', cells: ['Кочкор-Ата', '14', '6'] },
            { key: 's', cells: ['Шамалды-Сай', '5', '15'] },
          ],
        }}
      />,
      { language: 'ky', namespaces: ['dashboard'] },
    );
    // The table is there for screen readers before anyone asks to see it.
    const table = screen.getByRole('table', { name: 'Аялдар жана эркектер' });
    expect(table.textContent).toContain('Шамалды-Сай515');
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]?.labels).toEqual([['Кочкор-Ата'], ['Шамалды-Сай']]);
    expect(made[0]?.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Аялдар', [14, 5]],
      ['Эркектер', [6, 15]],
    ]);
    expect(screen.getByRole('img', { name: /^Диаграмма: Аялдар жана эркектер/ })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Маанилерди таблица менен көрсөтүү' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Таблицаны жашыруу' })).toBeTruthy();
  });

  it('says so when there is nothing to draw', async () => {
    await renderWithApp(
      <ChartFigure
        title="Empty"
        chart={{ labels: [], series: [] }}
        table={{ head: ['Place'], rows: [] }}
      />,
      { namespaces: ['dashboard'] },
    );
    expect(screen.getByText('No figures for this selection yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('wraps long names over lines at spaces', () => {
    expect(
      wrapLabel('Representatives of Kochkor-Ata, Shamaldy-Say and Kerben trained', 24, 4),
    ).toEqual(['Representatives of', 'Kochkor-Ata,', 'Shamaldy-Say and Kerben', 'trained']);
    expect(wrapLabel('Кербен')).toEqual(['Кербен']);
    expect(wrapLabel('a b c d e f', 1, 3)).toEqual(['a', 'b', 'c…']);
  });
});
