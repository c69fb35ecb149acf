import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { VersionWithChanges } from '../../domain/record-history.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { VersionItem } from './version-item.tsx';

const version: VersionWithChanges = {
  rev: 42,
  kind: 'conflict',
  updatedAt: '2025-11-24T09:05:00.000Z',
  updatedBy: 'bakyt',
  updatedByName: 'Бакыт Асанов',
  deleted: false,
  body: {},
  changes: [
    { path: ['venue'], kind: 'value', before: '', after: 'Маданият үйү' },
    { path: ['attendance', 'tally', 'women'], kind: 'value', before: 3, after: 1200 },
    { path: ['proposals'], kind: 'changed' },
    { path: ['customKey'], kind: 'value', before: true, after: false },
  ],
};

describe('VersionItem', () => {
  it('says who, when and what changed in Kyrgyz, with field names', async () => {
    const onRestore = vi.fn();
    await renderWithApp(
      <ul>
        <VersionItem version={version} current={false} onRestore={onRestore} />
      </ul>,
      { language: 'ky', namespaces: ['history'] },
    );
    expect(await screen.findByText(/Автор: Бакыт Асанов/)).toBeTruthy();
    expect(screen.getByText('Карама-каршылык, колдонулган жок')).toBeTruthy();
    expect(screen.getByText(/2025\u2011ж\., 24\u2011ноябрь/)).toBeTruthy();
    const changes = screen.getByRole('list', { name: 'Эмне өзгөрдү' });
    expect(
      [...changes.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s/g, ' ')),
    ).toEqual([
      'Өткөрүү жери (айыл, имарат): бош → Маданият үйү',
      'Катышуучулар › Эсеп › Аялдар: 3 → 1 200',
      'Сунуштар: өзгөрдү',
      'customKey: ооба → жок',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Бул версияны калыбына келтирүү' }));
    expect(onRestore).toHaveBeenCalledOnce();
  });

  it('offers no restore without the handler, and marks the first version', async () => {
    await renderWithApp(
      <ul>
        <VersionItem version={{ ...version, kind: 'applied', changes: null }} current />
      </ul>,
      { language: 'en', namespaces: ['history'] },
    );
    expect(await screen.findByText('First version.')).toBeTruthy();
    expect(screen.getByText(/Current version/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
