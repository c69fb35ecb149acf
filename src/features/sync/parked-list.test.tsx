import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StoredOutboxEntry } from '../../domain/outbox-entry.ts';
import { renderWithApp } from '../../testing/render.tsx';
import { ParkedList } from './parked-list.tsx';

const refused: StoredOutboxEntry = {
  seq: 7,
  mutationId: '0190a0a0-0000-7000-8000-000000000007',
  type: 'training',
  id: '0190a0a0-0000-7000-8000-000000000008',
  op: 'put',
  baseRev: 0,
  body: { title: 'Бюджет семинары' },
  hash: 'a'.repeat(64),
  createdAt: '2026-11-02T08:00:00.000Z',
  attempts: 1,
  lastError: 'territory: municipality is not in the district (municipalityIds.1)',
  refusal: { code: 'territory', path: ['municipalityIds', 1] },
  state: 'parked',
};

describe('ParkedList', () => {
  it('says why the server refused a change, and which field, in Kyrgyz', async () => {
    await renderWithApp(
      <ParkedList entries={[refused]} onRetry={() => {}} onDiscard={() => {}} />,
      {
        language: 'ky',
        namespaces: ['sync', 'history'],
      },
    );
    expect(
      screen.getByText(
        'Көрсөтүлгөн муниципалитет же район жазуунун районуна кирбейт же мындан ары жок.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Талаа: Муниципалитеттер, 2')).toBeTruthy();
    // The server's own words stay folded away for an administrator.
    expect(screen.getByText(refused.lastError as string).closest('details')).toBeTruthy();
  });

  it('falls back to a plain refusal for a code it does not know, in Russian', async () => {
    const other = { ...refused, refusal: { code: 'new_rule' }, lastError: 'new_rule: no' };
    await renderWithApp(<ParkedList entries={[other]} onRetry={() => {}} onDiscard={() => {}} />, {
      language: 'ru',
      namespaces: ['sync', 'history'],
    });
    expect(screen.getByText('Сервер не принял это изменение.')).toBeTruthy();
    expect(screen.queryByText(/^Поле:/)).toBeNull();
  });
});
