import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AdminApiError } from '../../session/admin-api.ts';
import { renderWithApp } from '../../testing/render.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { NewUserForm } from './new-user-form.tsx';

const GROUPS: DistrictGroup[] = [
  {
    id: 'jalal-abad',
    name: 'Jalal-Abad Region',
    districts: [
      { id: 'd-aksy', name: 'Aksy District' },
      { id: 'd-nooken', name: 'Nooken District' },
    ],
  },
];

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('NewUserForm', () => {
  it('refuses a short password before sending and keeps everything typed', async () => {
    const onCreate = vi.fn(async () => {});
    await renderWithApp(<NewUserForm groups={GROUPS} onCreate={onCreate} onCancel={vi.fn()} />, {
      namespaces: ['users'],
    });
    type('Username', 'Nurlan');
    type('Full name', 'Нурлан Исаев');
    type(/^Password$/, 'short');
    fireEvent.click(screen.getByLabelText('Nooken District'));
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));

    const password = screen.getByLabelText(/^Password$/) as HTMLInputElement;
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.getByText('A password has at least 8 characters.')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);
    expect(password.value).toBe('short');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('Nurlan');
    expect((screen.getByLabelText('Nooken District') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('1 chosen')).toBeTruthy();

    type(/^Password$/, 'long-enough-1');
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({
        username: 'nurlan',
        displayName: 'Нурлан Исаев',
        role: 'consultant',
        password: 'long-enough-1',
        districtIds: ['d-nooken'],
      }),
    );
  });

  it('gives districts only to consultants and leaves out an empty name', async () => {
    const onCreate = vi.fn(async () => {});
    await renderWithApp(<NewUserForm groups={GROUPS} onCreate={onCreate} onCancel={vi.fn()} />, {
      namespaces: ['users'],
    });
    type('Username', 'gulnara');
    type(/^Password$/, 'long-enough-1');
    fireEvent.click(screen.getByLabelText('Aksy District'));
    fireEvent.click(screen.getByLabelText(/^Coordinator/));
    expect(screen.queryByLabelText('Aksy District')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({
        username: 'gulnara',
        role: 'coordinator',
        password: 'long-enough-1',
        districtIds: [],
      }),
    );
  });

  it('shows a taken username beside the field, in Kyrgyz', async () => {
    const onCreate = vi.fn(async () => {
      throw new AdminApiError({ kind: 'username-taken' });
    });
    await renderWithApp(<NewUserForm groups={GROUPS} onCreate={onCreate} onCancel={vi.fn()} />, {
      language: 'ky',
      namespaces: ['users'],
    });
    type('Колдонуучунун аты', 'aida');
    type(/^Сырсөз$/, 'long-enough-1');
    fireEvent.click(screen.getByRole('button', { name: 'Колдонуучуну түзүү' }));
    const message = await screen.findByText(
      'Бул колдонуучунун аты мурунтан эле бар. Башкасын тандаңыз.',
    );
    const username = screen.getByLabelText('Колдонуучунун аты') as HTMLInputElement;
    expect(username.getAttribute('aria-describedby')).toContain(message.id);
    expect(username.value).toBe('aida');
    expect((screen.getByLabelText(/^Сырсөз$/) as HTMLInputElement).value).toBe('long-enough-1');
  });

  it('says when the network is missing, in Russian, and keeps the form', async () => {
    const onCreate = vi.fn(async () => {
      throw new AdminApiError({ kind: 'offline' });
    });
    await renderWithApp(<NewUserForm groups={GROUPS} onCreate={onCreate} onCancel={vi.fn()} />, {
      language: 'ru',
      namespaces: ['users'],
    });
    type('Имя пользователя', 'aibek');
    type(/^Пароль$/, 'long-enough-1');
    fireEvent.click(screen.getByRole('button', { name: 'Создать пользователя' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Нет связи. Для управления пользователями нужна сеть; всё введённое сохранено.',
    );
    expect((screen.getByLabelText('Имя пользователя') as HTMLInputElement).value).toBe('aibek');
  });
});
