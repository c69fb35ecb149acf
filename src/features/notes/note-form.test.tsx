import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TERRITORY_SEED } from '../../../server/seed/territory-seed.ts';
import type { TerritoryLink } from '../../domain/territory-scope.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { type NoteDraft, NoteForm } from './note-form.tsx';

const seeded = new Map<string, TerritoryLink>(TERRITORY_SEED.map((t) => [t.id, t]));
const lookup = (id: string) => seeded.get(id);
const seedId = (code: string) => TERRITORY_SEED.find((t) => t.code === code)?.id ?? code;

function Harness({
  onSave,
  districtIds,
  initial = { title: '', text: '', districtId: '' },
}: {
  onSave: (n: NoteDraft) => Promise<void>;
  districtIds: string[];
  initial?: NoteDraft;
}) {
  const [value, setValue] = useState<NoteDraft>(initial);
  return (
    <NoteForm
      value={value}
      onChange={setValue}
      onSave={onSave}
      districtIds={districtIds}
      territoryLookup={lookup}
    />
  );
}

describe('NoteForm', () => {
  it('explains what is missing in Kyrgyz and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    await renderWithApp(
      <Harness onSave={onSave} districtIds={[seedId('nooken'), seedId('aksy')]} />,
      {
        language: 'ky',
        namespaces: ['notes'],
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Байкоону сактоо' }));
    expect(await screen.findByText('Аталышын жазыңыз.')).toBeTruthy();
    expect(screen.getByText('Районду тандаңыз.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps the text when saving fails, and says so', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('QuotaExceededError');
    });
    await renderWithApp(<Harness onSave={onSave} districtIds={[seedId('nooken')]} />, {
      namespaces: ['notes'],
    });
    fireEvent.change(screen.getByLabelText('District'), {
      target: { value: seedId('nooken') },
    });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Hall too small' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Hall too small');
    expect(onSave).toHaveBeenCalledWith({
      title: 'Hall too small',
      text: '',
      districtId: seedId('nooken'),
    });
  });

  it('refuses, in Russian, a note filed under a district that does not exist', async () => {
    const onSave = vi.fn(async () => {});
    await renderWithApp(<Harness onSave={onSave} districtIds={[]} />, {
      language: 'ru',
      namespaces: ['notes'],
    });
    fireEvent.change(screen.getByLabelText('Район'), { target: { value: 'district-a' } });
    fireEvent.change(screen.getByLabelText('Заголовок'), { target: { value: 'Зал мал' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить заметку' }));
    expect(await screen.findByText(/нет в списке территорий на этом устройстве/)).toBeTruthy();
    expect(screen.getByLabelText('Район').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Район'), { target: { value: seedId('nooken') } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить заметку' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  });

  it('refuses, in Kyrgyz, a note naming a municipality outside its district', async () => {
    const onSave = vi.fn(async () => {});
    const initial = {
      title: 'Зал кичине',
      text: '',
      districtId: seedId('nooken'),
      municipalityId: seedId('kerben'),
    };
    await renderWithApp(<Harness onSave={onSave} districtIds={[]} initial={initial} />, {
      language: 'ky',
      namespaces: ['notes'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Байкоону сактоо' }));
    expect(
      await screen.findByText('Жазуудагы муниципалитет бул жазуунун районуна кирбейт.'),
    ).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});
