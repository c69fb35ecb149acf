import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../testing/render.tsx';
import { LoginForm } from './login-form.tsx';

describe('LoginForm', () => {
  it('tells how to create the first admin when the server has no account', async () => {
    await renderWithApp(<LoginForm onSubmit={vi.fn()} problem={null} serverHasUsers={false} />, {
      namespaces: ['account'],
    });
    expect(screen.getByText(/An administrator must create your account/)).toBeTruthy();
    // The shell command is for the administrator only, folded away.
    const command = screen.getByText('npm run users -- add admin --role admin');
    const folded = command.closest('details');
    expect(folded?.open).toBe(false);
    expect(folded?.querySelector('summary')?.textContent).toBe('For the administrator');
  });

  it('loads what signing in needs when the user starts typing', async () => {
    const onStart = vi.fn();
    await renderWithApp(
      <LoginForm onSubmit={vi.fn()} onStart={onStart} problem={null} serverHasUsers />,
      { namespaces: ['account'] },
    );
    fireEvent.focus(screen.getByLabelText('Username'));
    expect(onStart).toHaveBeenCalled();
  });

  it.each([
    ['en', 'Too many attempts: try again in 8 s.'],
    ['ru', 'Слишком много попыток: повторите через 8 с.'],
    ['ky', 'Аракет өтө көп болду: 8 секунддан кийин кайталаңыз.'],
  ] as const)('shows how long to wait after too many attempts in %s', async (language, text) => {
    await renderWithApp(
      <LoginForm
        onSubmit={vi.fn()}
        problem={{ kind: 'rate-limited', seconds: 8 }}
        serverHasUsers
      />,
      { language, namespaces: ['account'] },
    );
    expect(screen.getByRole('alert').textContent).toBe(text);
  });

  it('submits trimmed username and the password', async () => {
    const onSubmit = vi.fn(async () => {});
    await renderWithApp(<LoginForm onSubmit={onSubmit} problem={null} serverHasUsers />, {
      namespaces: ['account'],
    });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' aida ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-pass' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith('aida', 'secret-pass');
  });
});

describe('LoginForm on a server with a full disk', () => {
  it.each([
    ['en', 'The server cannot store data now: its disk is full.'],
    ['ru', 'Сервер сейчас не может сохранять данные'],
    ['ky', 'Сервер азыр маалыматты сактай албайт'],
  ] as const)('says so in %s', async (language, text) => {
    await renderWithApp(
      <LoginForm onSubmit={vi.fn()} problem={{ kind: 'storageFull' }} serverHasUsers />,
      { language, namespaces: ['account'] },
    );
    expect(screen.getByRole('alert').textContent).toContain(text);
  });
});
