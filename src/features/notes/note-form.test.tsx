import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { type NoteDraft, NoteForm } from './note-form.tsx';

function Harness({
  onSave,
  districtIds,
}: {
  onSave: (n: NoteDraft) => Promise<void>;
  districtIds: string[];
}) {
  const [value, setValue] = useState<NoteDraft>({ title: '', text: '', districtId: '' });
  return <NoteForm value={value} onChange={setValue} onSave={onSave} districtIds={districtIds} />;
}

describe('NoteForm', () => {
  it('explains what is missing in Kyrgyz and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    await renderWithApp(<Harness onSave={onSave} districtIds={['nooken', 'aksy']} />, {
      language: 'ky',
      namespaces: ['notes'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Эскертмени сактоо' }));
    expect(await screen.findByText('Аталышын жазыңыз.')).toBeTruthy();
    expect(screen.getByText('Районду тандаңыз.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps the text when saving fails, and says so', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('QuotaExceededError');
    });
    await renderWithApp(<Harness onSave={onSave} districtIds={['nooken']} />, {
      namespaces: ['notes'],
    });
    fireEvent.change(screen.getByLabelText('District'), { target: { value: 'nooken' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Hall too small' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Hall too small');
    expect(onSave).toHaveBeenCalledWith({
      title: 'Hall too small',
      text: '',
      districtId: 'nooken',
    });
  });
});
