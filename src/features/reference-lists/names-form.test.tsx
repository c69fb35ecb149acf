import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { checkNames, type StoredItem } from './list-edits.ts';
import { NamesForm } from './names-form.tsx';

const items: StoredItem[] = [
  {
    id: 'a',
    body: {
      list: 'training-module',
      code: 'methodology',
      order: 10,
      names: { ru: 'Методика', ky: 'Методика', en: 'Methodology' },
    },
  },
];

const form = (onSave: (names: unknown) => Promise<void>) => (
  <NamesForm
    title="New item"
    initial={{ ru: '', ky: '', en: '' }}
    check={(names) => checkNames(names, 'training-module', items)}
    onSave={onSave}
    onCancel={() => {}}
  />
);

describe('NamesForm', () => {
  it('asks for all three names in Russian and keeps what was typed', async () => {
    const onSave = vi.fn(async () => {});
    await renderWithApp(form(onSave), { language: 'ru', namespaces: ['reference-lists'] });
    fireEvent.change(screen.getByLabelText('Название на английском'), {
      target: { value: 'Gender budgeting' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Введите название на всех трёх языках.',
    );
    expect(screen.getByLabelText('Название на английском')).toHaveProperty(
      'value',
      'Gender budgeting',
    );
    expect(screen.getByLabelText('Название на русском').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a name the list already has, in Kyrgyz', async () => {
    const onSave = vi.fn(async () => {});
    await renderWithApp(form(onSave), { language: 'ky', namespaces: ['reference-lists'] });
    fireEvent.change(screen.getByLabelText('Орусча аталышы'), { target: { value: 'Другое' } });
    fireEvent.change(screen.getByLabelText('Кыргызча аталышы'), { target: { value: 'Башка' } });
    fireEvent.change(screen.getByLabelText('Англисче аталышы'), {
      target: { value: ' methodology ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Сактоо' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Маалымдамада «methodology» деген жазуу мурунтан эле бар.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves trimmed names, and keeps them when the device cannot save', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('QuotaExceededError');
    });
    await renderWithApp(form(onSave), { namespaces: ['reference-lists'] });
    fireEvent.change(screen.getByLabelText('Name in Russian'), { target: { value: ' Гендер ' } });
    fireEvent.change(screen.getByLabelText('Name in Kyrgyz'), { target: { value: 'Гендер' } });
    fireEvent.change(screen.getByLabelText('Name in English'), { target: { value: 'Gender' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save on this device. Nothing you typed is lost; try again.',
    );
    expect(onSave).toHaveBeenCalledWith({ ru: 'Гендер', ky: 'Гендер', en: 'Gender' });
    expect(screen.getByLabelText('Name in Russian')).toHaveProperty('value', ' Гендер ');
  });
});
