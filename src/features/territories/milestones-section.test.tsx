import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TERRITORY_SEED } from '../../../server/seed/territory-seed.ts';
import { appDb, records } from '../../db/app-db.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { useUiPrefs } from '../../ui/ui-prefs.ts';
import { MilestonesSection } from './milestones-section.tsx';

const seed = (code: string) => {
  const found = TERRITORY_SEED.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const milestones = () => appDb.records.where('type').equals('milestone').count();

async function recordApproval(districtId: string) {
  await renderWithApp(
    <MilestonesSection node={seed('kochkor-ata')} districtId={districtId} mergedIds={new Set()} />,
    { language: 'ru', namespaces: ['territories'] },
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Отметить этап' }));
  fireEvent.change(await screen.findByLabelText('Дата'), { target: { value: '2025-04-14' } });
  // The device's territories arrive from IndexedDB.
  await act(() => pause(50));
  fireEvent.click(screen.getByRole('button', { name: 'Сохранить этап' }));
}

describe('MilestonesSection', () => {
  beforeEach(async () => {
    await Promise.all(appDb.tables.map((table) => table.clear()));
    for (const code of ['jalal-abad', 'nooken', 'kochkor-ata']) {
      const { id, ...body } = seed(code);
      await records.put({ type: 'territory', id, body });
    }
    useUiPrefs.setState({
      account: {
        id: 'u1',
        username: 'aida',
        displayName: 'Aida',
        role: 'coordinator',
        districtIds: [],
      },
    });
  });

  afterEach(() => useUiPrefs.setState({ account: null }));

  it('refuses, in Russian, a milestone filed under a region, and saves nothing', async () => {
    await recordApproval(seed('jalal-abad').id);
    expect(
      await screen.findByText('Район записи указан неверно: это не район. Выберите район.'),
    ).toBeTruthy();
    expect(await milestones()).toBe(0);
  });

  it('refuses a milestone filed under a district this device does not know', async () => {
    await recordApproval('district-a');
    expect(
      await screen.findByText(
        'Территории, указанной в записи, нет в списке территорий на этом устройстве.',
      ),
    ).toBeTruthy();
    expect(await milestones()).toBe(0);
  });

  it('saves a milestone of a municipality in its district', async () => {
    await recordApproval(seed('nooken').id);
    await waitFor(async () => expect(await milestones()).toBe(1));
  });
});
