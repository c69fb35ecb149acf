import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ITEM_SEED } from '../../server/seed/reference-list-seed.ts';
import type { Participant } from '../domain/attendance.ts';
import { itemsOf } from '../domain/reference-list.ts';
import { renderWithApp } from '../testing/render.tsx';
import { participantOf } from './participant-form.tsx';
import { ParticipantRoster } from './participant-roster.tsx';

const groups = itemsOf(REFERENCE_ITEM_SEED, 'participant-group');
const positions = itemsOf(REFERENCE_ITEM_SEED, 'training-position');

function Harness({ seen }: { seen: Participant[][] }) {
  const [participants, setParticipants] = useState<Participant[]>([]);
  return (
    <ParticipantRoster
      participants={participants}
      draftKey={`test-roster:${Math.random()}`}
      groups={groups}
      positions={positions}
      onChange={(next) => {
        seen.push(next);
        setParticipants(next);
      }}
    />
  );
}

describe('participantOf', () => {
  it('tidies the name and leaves empty optional fields out', () => {
    expect(
      participantOf('p1', {
        name: '  Асанова   Гульнара ',
        sex: 'female',
        position: '',
        organisation: ' Мэрия ',
        municipalityId: '',
        phone: '',
        groups: ['youth'],
        days: ['2025-04-15', '2025-04-14'],
      }),
    ).toEqual({
      id: 'p1',
      name: 'Асанова Гульнара',
      sex: 'female',
      groups: ['youth'],
      organisation: 'Мэрия',
      days: ['2025-04-14', '2025-04-15'],
    });
  });
});

describe('ParticipantRoster', () => {
  it('asks for a name and a sex, adds with Enter, keeps the organisation for the next person', async () => {
    const seen: Participant[][] = [];
    await renderWithApp(<Harness seen={seen} />, { language: 'en', namespaces: ['attendance'] });
    const name = await screen.findByRole('textbox', { name: 'Full name' });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect(screen.getByText("Enter the participant's name.")).toBeTruthy();
    expect(screen.getByText('Choose woman or man.')).toBeTruthy();
    expect(seen).toHaveLength(0);

    fireEvent.change(name, { target: { value: 'Aigul Toktosunova' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Woman' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Organisation' }), {
      target: { value: 'Kerben town hall' },
    });
    fireEvent.submit(name.closest('form') as HTMLFormElement);
    expect(seen.at(-1)).toEqual([
      expect.objectContaining({
        name: 'Aigul Toktosunova',
        sex: 'female',
        organisation: 'Kerben town hall',
      }),
    ]);
    await waitFor(() => expect((name as HTMLInputElement).value).toBe(''));
    expect((screen.getByRole('textbox', { name: 'Organisation' }) as HTMLInputElement).value).toBe(
      'Kerben town hall',
    );
    expect(screen.getByRole('button', { name: 'Kerben town hall' })).toBeTruthy();

    // The same name again is warned about, not refused.
    fireEvent.change(name, { target: { value: 'aigul  toktosunova' } });
    expect(screen.getByRole('alert').textContent).toContain(
      'Already on this list: Aigul Toktosunova',
    );
  });

  it('adds with Enter on the position picker or a sex choice (Enter never opens the picker)', async () => {
    const seen: Participant[][] = [];
    await renderWithApp(<Harness seen={seen} />, { language: 'en', namespaces: ['attendance'] });
    const name = await screen.findByRole('textbox', { name: 'Full name' });
    fireEvent.change(name, { target: { value: 'Talant Osmonov' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Man' }));
    const position = screen.getByRole('combobox', { name: 'Position' });
    fireEvent.change(position, { target: { value: positions[0]?.code } });
    const enter = fireEvent.keyDown(position, { key: 'Enter' });
    expect(enter).toBe(false);
    expect(seen.at(-1)).toEqual([expect.objectContaining({ name: 'Talant Osmonov', sex: 'male' })]);
    await waitFor(() => expect(document.activeElement).toBe(name));

    fireEvent.change(name, { target: { value: 'Nurgul Sadykova' } });
    const woman = screen.getByRole('radio', { name: 'Woman' });
    fireEvent.click(woman);
    fireEvent.keyDown(woman, { key: 'Enter' });
    expect(seen.at(-1)).toHaveLength(2);
    // Enter on a button keeps its own meaning.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Add participant' }), { key: 'Enter' });
    expect(seen).toHaveLength(2);
  });
});
