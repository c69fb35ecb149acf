import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../domain/sync-protocol.ts';
import { AdminApiError, type AdminUser } from '../../session/admin-api.ts';
import { renderWithApp } from '../../testing/render.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { UserItem } from './user-item.tsx';

const GROUPS: DistrictGroup[] = [
  {
    id: 'jalal-abad',
    name: 'Жалал-Абад облусу',
    districts: [
      { id: 'd-aksy', name: 'Аксы району' },
      { id: 'd-nooken', name: 'Ноокен району' },
    ],
  },
];
const NAMES: Record<string, string> = { 'd-aksy': 'Аксы району', 'd-nooken': 'Ноокен району' };

const aida: AdminUser = {
  id: 'u1',
  username: 'aida',
  displayName: 'Аида Осмонова',
  role: 'consultant',
  districtIds: ['d-nooken', 'd-aksy'],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function renderItem(
  user: AdminUser,
  handlers: Partial<Parameters<typeof UserItem>[0]> = {},
  language: 'en' | 'ru' | 'ky' = 'en',
) {
  return renderWithApp(
    <ul>
      <UserItem
        user={user}
        self={false}
        groups={GROUPS}
        districtName={(id) => NAMES[id] ?? id}
        onSetDisabled={vi.fn(async () => {})}
        onResetPassword={vi.fn(async () => {})}
        onSetDistricts={vi.fn(async () => {})}
        onSetRole={vi.fn(async () => {})}
        {...handlers}
      />
    </ul>,
    { language, namespaces: ['users'] },
  );
}

describe('UserItem', () => {
  it('shows role and district names in Kyrgyz, and a disabled account', async () => {
    await renderItem({ ...aida, disabled: true }, {}, 'ky');
    expect(screen.getByText('aida · Консультант')).toBeTruthy();
    expect(screen.getByText('Райондор: Аксы району, Ноокен району')).toBeTruthy();
    expect(screen.getByText('Бөгөттөлгөн')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Бөгөттөн чыгаруу' })).toBeTruthy();
  });

  it('disables only after confirmation', async () => {
    const onSetDisabled = vi.fn(async () => {});
    await renderItem(aida, { onSetDisabled });
    fireEvent.click(screen.getByRole('button', { name: 'Disable' }));
    expect(onSetDisabled).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Disable Аида Осмонова?');
    fireEvent.click(screen.getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(onSetDisabled).toHaveBeenCalledWith(true));
    expect(
      await screen.findByText('Аида Осмонова is disabled and signed out everywhere.'),
    ).toBeTruthy();
  });

  it('resets a password of at least 8 characters and keeps it when offline', async () => {
    const onResetPassword = vi
      .fn(async (_password: string) => {})
      .mockRejectedValueOnce(new AdminApiError({ kind: 'offline' }));
    await renderItem(aida, { onResetPassword });
    fireEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    const field = screen.getByLabelText('New password') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(screen.getByText('A password has at least 8 characters.')).toBeTruthy();
    expect(onResetPassword).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: 'new-secret-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^No connection\./);
    expect(field.value).toBe('new-secret-1');

    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByText(/^Password changed\./)).toBeTruthy();
    expect(onResetPassword).toHaveBeenLastCalledWith('new-secret-1');
  });

  it('assigns districts by ticking them', async () => {
    const onSetDistricts = vi.fn(async (_ids: string[]) => {});
    await renderItem({ ...aida, districtIds: ['d-nooken'] }, { onSetDistricts }, 'ru');
    fireEvent.click(screen.getByRole('button', { name: 'Районы' }));
    expect((screen.getByLabelText('Ноокен району') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Аксы району'));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить районы' }));
    await waitFor(() => expect(onSetDistricts).toHaveBeenCalledWith(['d-nooken', 'd-aksy']));
  });

  it('changes the role with radio buttons and says why the server refused', async () => {
    const onSetRole = vi
      .fn(async (_role: Role) => {})
      .mockRejectedValueOnce(new AdminApiError({ kind: 'cannot-change-own-role' }));
    await renderItem({ ...aida, role: 'coordinator', districtIds: [] }, { onSetRole });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    const form = screen.getByRole('form', { name: 'Role of Аида Осмонова' });
    const radios = within(form).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['consultant', 'coordinator', 'admin']);
    const coordinator = within(form).getByRole('radio', { name: /^Coordinator/ });
    expect((coordinator as HTMLInputElement).checked).toBe(true);

    // The same role again: nothing is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Save role' }));
    expect(onSetRole).not.toHaveBeenCalled();
    expect(screen.queryByRole('form')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    const consultant = screen.getByRole('radio', { name: /^Consultant/ }) as HTMLInputElement;
    fireEvent.click(consultant);
    expect(screen.getByText(/^A consultant works only in the districts assigned\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot change your own role.');
    expect(onSetRole).toHaveBeenLastCalledWith('consultant');
    expect(consultant.checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    expect(await screen.findByText(/^Role changed\./)).toBeTruthy();
    expect(onSetRole).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('offers the roles in Kyrgyz', async () => {
    await renderItem(aida, {}, 'ky');
    fireEvent.click(screen.getByRole('button', { name: 'Ролду өзгөртүү' }));
    expect(screen.getByRole('radio', { name: /^Координатор/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ролду сактоо' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Жокко чыгаруу' }));
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('offers no way to disable oneself or change one’s own role', async () => {
    await renderWithApp(
      <ul>
        <UserItem
          user={{ ...aida, role: 'admin', districtIds: [] }}
          self
          groups={GROUPS}
          districtName={(id) => id}
          onSetDisabled={vi.fn()}
          onResetPassword={vi.fn()}
          onSetDistricts={vi.fn()}
          onSetRole={vi.fn()}
        />
      </ul>,
      { namespaces: ['users'] },
    );
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Districts' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change role' })).toBeNull();
    expect(screen.getByText('All districts')).toBeTruthy();
  });
});
