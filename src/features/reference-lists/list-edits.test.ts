import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../domain/reference-list.ts';
import {
  checkNames,
  listItems,
  moveItem,
  newItem,
  newItemCode,
  nextOrder,
  renamed,
  type StoredItem,
  withRetired,
} from './list-edits.ts';

const item = (
  id: string,
  code: string,
  order: number,
  list: ReferenceItem['list'] = 'training-module',
  extra: Partial<ReferenceItem> = {},
): StoredItem => ({
  id,
  body: {
    list,
    code,
    order,
    names: { ru: `ru ${code}`, ky: `ky ${code}`, en: `en ${code}` },
    ...extra,
  },
});

const items: StoredItem[] = [
  item('a', 'methodology', 10),
  item('b', 'budget', 20),
  item('c', 'old', 30, 'training-module', { retired: true }),
  item('d', 'youth', 10, 'participant-group'),
];
const bodies = items.map((i) => i.body);

describe('newItemCode', () => {
  it('derives a slug from the English name', () => {
    expect(newItemCode('E2E Module 7: Gender!', 'training-module', bodies)).toBe(
      'e2e-module-7-gender',
    );
  });

  it('keeps codes unique within the list, retired items included', () => {
    expect(newItemCode('Budget', 'training-module', bodies)).toBe('budget-2');
    expect(newItemCode('Old', 'training-module', bodies)).toBe('old-2');
    expect(newItemCode('Youth', 'training-module', bodies)).toBe('youth');
  });

  it('falls back to a plain code when the name has no letters it can use', () => {
    expect(newItemCode('!!!', 'training-module', bodies)).toBe('item');
  });

  it('stays within the length a code may have', () => {
    const code = newItemCode('x'.repeat(100), 'training-module', [
      ...bodies,
      item('e', 'x'.repeat(56), 40).body,
    ]);
    expect(code).toBe(`${'x'.repeat(56)}-2`);
    expect(code.length).toBeLessThanOrEqual(63);
  });
});

describe('order', () => {
  it('puts a new item after the last one of its list', () => {
    expect(nextOrder('training-module', bodies)).toBe(40);
    expect(nextOrder('training-position', bodies)).toBe(10);
  });

  it('lists one list in order with retired items', () => {
    expect(listItems('training-module', items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('swaps the numbers of neighbours', () => {
    expect(moveItem('training-module', items, 'b', 'up')).toEqual([
      { id: 'b', body: { ...items[1]?.body, order: 10 } },
      { id: 'a', body: { ...items[0]?.body, order: 20 } },
    ]);
    expect(
      moveItem('training-module', items, 'b', 'down').map((i) => [i.id, i.body.order]),
    ).toEqual([
      ['b', 30],
      ['c', 20],
    ]);
  });

  it('does nothing at the ends of the list', () => {
    expect(moveItem('training-module', items, 'a', 'up')).toEqual([]);
    expect(moveItem('training-module', items, 'c', 'down')).toEqual([]);
    expect(moveItem('training-module', items, 'missing', 'up')).toEqual([]);
  });

  it('numbers the list anew when neighbours share a number', () => {
    const tied = [item('a', 'a', 10), item('b', 'b', 10), item('c', 'c', 10)];
    const changes = moveItem('training-module', tied, 'c', 'up');
    // a stays 10; c and b take 20 and 30.
    expect(changes.map((i) => [i.id, i.body.order])).toEqual([
      ['c', 20],
      ['b', 30],
    ]);
  });
});

describe('checkNames', () => {
  it('trims the names', () => {
    expect(
      checkNames({ ru: ' Бюджет2 ', ky: 'Бюджет2', en: 'Budget 2 ' }, 'training-module', items),
    ).toEqual({
      names: { ru: 'Бюджет2', ky: 'Бюджет2', en: 'Budget 2' },
    });
  });

  it('asks for every language', () => {
    expect(checkNames({ ru: 'x', ky: '  ', en: '' }, 'training-module', items)).toEqual({
      problem: { kind: 'missing', languages: ['ky', 'en'] },
    });
  });

  it('refuses names that are too long', () => {
    expect(checkNames({ ru: 'x'.repeat(201), ky: 'y', en: 'z' }, 'training-module', items)).toEqual(
      { problem: { kind: 'tooLong', languages: ['ru'] } },
    );
  });

  it('refuses a name another item of the list has, but not the item itself', () => {
    const names = { ru: 'новое', ky: 'жаңы', en: 'EN BUDGET' };
    expect(checkNames(names, 'training-module', items)).toEqual({
      problem: { kind: 'duplicate', language: 'en', name: 'EN BUDGET' },
    });
    expect(checkNames(names, 'training-module', items, 'b')).toEqual({ names });
    expect(checkNames(names, 'participant-group', items)).toEqual({ names });
  });
});

describe('records', () => {
  it('makes a new item at the end of its list', () => {
    expect(
      newItem('training-module', { ru: 'Модуль', ky: 'Модуль', en: 'Gender module' }, bodies),
    ).toEqual({
      list: 'training-module',
      code: 'gender-module',
      names: { ru: 'Модуль', ky: 'Модуль', en: 'Gender module' },
      order: 40,
    });
  });

  it('renames without touching the code', () => {
    const body = items[0]?.body as ReferenceItem;
    const names = { ru: 'Р', ky: 'К', en: 'Something else' };
    expect(renamed(body, names)).toEqual({ ...body, names });
  });

  it('retires and restores', () => {
    const body = items[0]?.body as ReferenceItem;
    expect(withRetired(body, true)).toEqual({ ...body, retired: true });
    expect(withRetired(withRetired(body, true), false)).toEqual(body);
  });
});
