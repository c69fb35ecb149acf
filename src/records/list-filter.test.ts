import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/list-facts.ts';
import { buildTerritoryTree } from '../domain/territory-tree.ts';
import { filterEntries } from './list-filter.ts';

const tree = buildTerritoryTree(
  [
    {
      id: 'd1',
      kind: 'district',
      code: 'nooken',
      names: { ru: 'Ноокенский', ky: 'Ноокен', en: 'Nooken' },
    },
    {
      id: 'm1',
      kind: 'municipality',
      code: 'kochkor-ata',
      parentId: 'd1',
      names: { ru: 'Кочкор-Ата', ky: 'Кочкор-Ата', en: 'Kochkor-Ata' },
    },
    {
      id: 'm2',
      kind: 'municipality',
      code: 'masy',
      parentId: 'd1',
      names: { ru: 'Массы', ky: 'Массы', en: 'Massy' },
    },
  ],
  'ru',
);

const entry = (id: string, over: Partial<ListEntry>): ListEntry => ({
  id,
  sort: id,
  status: 'draft',
  place: 'm1',
  text: '',
  sync: 'synced',
  ...over,
});

const entries = [
  entry('a', { status: 'final', place: 'm1', text: 'школа' }),
  entry('b', { status: 'draft', place: 'm2', sync: 'pending' }),
  entry('c', { status: 'draft', place: 'm1 m2', text: 'дорога' }),
];
const none = { query: '', status: 'all', sync: 'all', place: '' };
const ids = (list: ListEntry[]) => list.map((e) => e.id);

describe('filterEntries', () => {
  it('keeps every entry, in order, when nothing is set', () => {
    expect(ids(filterEntries(entries, none, tree))).toEqual(['a', 'b', 'c']);
  });

  it('filters by status, by sync state and by one of the places of an entry', () => {
    expect(ids(filterEntries(entries, { ...none, status: 'draft' }, tree))).toEqual(['b', 'c']);
    expect(ids(filterEntries(entries, { ...none, sync: 'pending' }, tree))).toEqual(['b']);
    expect(ids(filterEntries(entries, { ...none, place: 'm2' }, tree))).toEqual(['b', 'c']);
  });

  it("searches a record's own text, and the names of its places in any language", () => {
    expect(ids(filterEntries(entries, { ...none, query: 'Школа' }, tree))).toEqual(['a']);
    expect(ids(filterEntries(entries, { ...none, query: 'massy' }, tree))).toEqual(['b', 'c']);
    expect(ids(filterEntries(entries, { ...none, query: 'massy' }, undefined))).toEqual([]);
  });
});
