import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProgrammeRow } from '../../domain/checklist-score.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { ProgrammeTable } from './programme-table.tsx';

const row = (territoryId: string, gender: number | null, overall: number | null): ProgrammeRow => ({
  territoryId,
  districtId: 'nooken',
  evaluationId: `e-${territoryId}`,
  draftLabel: 'Draft',
  date: '2024-11-20',
  evaluations: 1,
  scored: gender !== null,
  dimensions: {
    inclusivity: 50,
    'gender-equity': gender,
    methodology: 50,
    'data-completeness': 50,
  },
  overall,
});

const NAMES: Record<string, string> = { a: 'Kerben', b: 'Kochkor-Ata', c: 'Shamaldy-Say' };
const rows = [row('a', 90, 80), row('b', null, null), row('c', 25, 40)];
const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('link')[0]?.textContent);

describe('ProgrammeTable', () => {
  it('sorts by name, then by a dimension either way, programmes without a score last', async () => {
    await renderWithApp(<ProgrammeTable rows={rows} nameOf={(id) => NAMES[id] ?? id} />, {
      namespaces: ['checklists'],
    });
    expect(firstColumn()).toEqual(['Kerben', 'Kochkor-Ata', 'Shamaldy-Say']);
    expect(screen.getByRole('columnheader', { name: 'Programme' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Gender equity' }));
    expect(firstColumn()).toEqual(['Shamaldy-Say', 'Kerben', 'Kochkor-Ata']);
    fireEvent.click(screen.getByRole('button', { name: 'Gender equity' }));
    expect(firstColumn()).toEqual(['Kerben', 'Shamaldy-Say', 'Kochkor-Ata']);
    expect(
      screen.getByRole('columnheader', { name: 'Gender equity' }).getAttribute('aria-sort'),
    ).toBe('descending');
    expect(within(screen.getAllByRole('row')[1] as HTMLElement).getByText('90%')).toBeTruthy();
  });

  it('says so when nothing is evaluated yet', async () => {
    await renderWithApp(<ProgrammeTable rows={[]} nameOf={(id) => id} />, {
      namespaces: ['checklists'],
    });
    expect(screen.getByText('No finished evaluation yet.')).toBeTruthy();
  });
});
