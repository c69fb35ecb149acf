import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ITEM_SEED } from '../../server/seed/reference-list-seed.ts';
import { EMPTY_TALLY, type Tally } from '../domain/attendance.ts';
import { itemsOf } from '../domain/reference-list.ts';
import { renderWithApp } from '../testing/render.tsx';
import { TallyPanel } from './tally-panel.tsx';

const groups = itemsOf(REFERENCE_ITEM_SEED, 'participant-group');

function Harness({ seen }: { seen: Tally[] }) {
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY);
  return (
    <TallyPanel
      tally={tally}
      groups={groups}
      onChange={(next) => {
        seen.push(next);
        setTally(next);
      }}
    />
  );
}

describe('TallyPanel', () => {
  it('counts taps, shows the total and share live, and undoes the last tap', async () => {
    const seen: Tally[] = [];
    await renderWithApp(<Harness seen={seen} />, { language: 'en', namespaces: ['attendance'] });
    const plus = (label: string) =>
      fireEvent.click(screen.getByRole('button', { name: `${label}: plus one` }));
    for (let i = 0; i < 3; i += 1) plus('Women');
    plus('Men');
    plus('Youth');
    expect(screen.getByText('4 participants')).toBeTruthy();
    expect(screen.getByText('Women: 75%')).toBeTruthy();
    expect(seen.at(-1)).toEqual({ women: 3, men: 1, groups: { youth: 1 } });

    fireEvent.click(screen.getByRole('button', { name: /^Undo last change/ }));
    expect(seen.at(-1)).toEqual({ women: 3, men: 1, groups: {} });
    expect(screen.getByRole('button', { name: 'Men: minus one' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('takes a typed number and refuses one that is not a count', async () => {
    const seen: Tally[] = [];
    await renderWithApp(<Harness seen={seen} />, { language: 'en', namespaces: ['attendance'] });
    const women = screen.getByRole('textbox', { name: 'Women' });
    fireEvent.focus(women);
    fireEvent.change(women, { target: { value: '-2' } });
    expect(screen.getByText('Type a whole number, 0 or more.')).toBeTruthy();
    fireEvent.blur(women);
    expect(seen).toHaveLength(0);
    expect((women as HTMLInputElement).value).toBe('0');
    fireEvent.focus(women);
    fireEvent.change(women, { target: { value: '23' } });
    fireEvent.blur(women);
    expect(seen.at(-1)).toEqual({ women: 23, men: 0, groups: {} });
  });

  it('warns when a group outnumbers everyone counted', async () => {
    await renderWithApp(<Harness seen={[]} />, { language: 'ru', namespaces: ['attendance'] });
    fireEvent.click(screen.getByRole('button', { name: 'Молодежь: плюс один' }));
    expect(screen.getByRole('status').textContent).toContain('Молодежь');
  });
});
