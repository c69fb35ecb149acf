/** Pure rules of the reference-list editor: new codes, order, names. */
import {
  itemsOf,
  type ReferenceItem,
  type ReferenceList,
  referenceItemSchema,
} from '../../domain/reference-list.ts';
import { slugify, uniqueCode } from '../../domain/slug.ts';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';

export type Names = ReferenceItem['names'];

/** An item as the editor holds it: the record id beside its body. */
export interface StoredItem {
  id: string;
  body: ReferenceItem;
}

const STEP = 10;
const MAX_NAME = 200;

/** The code a new item gets: its English name as a slug, unique within its list. */
export function newItemCode(
  englishName: string,
  list: ReferenceList,
  items: readonly ReferenceItem[],
): string {
  const taken = new Set(items.filter((item) => item.list === list).map((item) => item.code));
  return uniqueCode(slugify(englishName).slice(0, 56).replace(/-+$/, '') || 'item', taken);
}

/** The order of an item added at the end of its list. */
export function nextOrder(list: ReferenceList, items: readonly ReferenceItem[]): number {
  const orders = items.filter((item) => item.list === list).map((item) => item.order);
  return orders.length === 0 ? STEP : Math.max(...orders) + STEP;
}

/** One list's items, retired ones included, in their order. */
export function listItems(list: ReferenceList, items: readonly StoredItem[]): StoredItem[] {
  const ordered = itemsOf(
    items.map((item) => item.body),
    list,
    { withRetired: true },
  );
  const byBody = new Map(items.map((item) => [item.body, item]));
  return ordered.flatMap((body) => byBody.get(body) ?? []);
}

/**
 * The items whose order changes when one moves a place up or down within its list:
 * the two swap their numbers, or, when those are equal, the whole list is numbered anew.
 * Empty when the item is already first (or last).
 */
export function moveItem(
  list: ReferenceList,
  items: readonly StoredItem[],
  id: string,
  direction: 'up' | 'down',
): StoredItem[] {
  const ordered = listItems(list, items);
  const at = ordered.findIndex((item) => item.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  const moving = ordered[at];
  const other = ordered[to];
  if (!moving || !other) return [];
  if (moving.body.order !== other.body.order) {
    return [
      { id: moving.id, body: { ...moving.body, order: other.body.order } },
      { id: other.id, body: { ...other.body, order: moving.body.order } },
    ];
  }
  const swapped = [...ordered];
  swapped[at] = other;
  swapped[to] = moving;
  return swapped.flatMap((item, index) => {
    const order = (index + 1) * STEP;
    return item.body.order === order ? [] : [{ id: item.id, body: { ...item.body, order } }];
  });
}

export type NamesProblem =
  | { kind: 'missing'; languages: Language[] }
  | { kind: 'tooLong'; languages: Language[] }
  | { kind: 'duplicate'; language: Language; name: string };

/**
 * Trimmed names, or what is wrong with them: each of the three languages is required,
 * and no other item of the list may already carry the same name in a language.
 */
export function checkNames(
  names: Names,
  list: ReferenceList,
  items: readonly StoredItem[],
  selfId?: string,
): { names: Names } | { problem: NamesProblem } {
  const trimmed: Names = { ru: names.ru.trim(), ky: names.ky.trim(), en: names.en.trim() };
  const missing = LANGUAGES.filter((language) => !trimmed[language]);
  if (missing.length > 0) return { problem: { kind: 'missing', languages: missing } };
  const tooLong = LANGUAGES.filter((language) => trimmed[language].length > MAX_NAME);
  if (tooLong.length > 0) return { problem: { kind: 'tooLong', languages: tooLong } };
  const others = items.filter((item) => item.body.list === list && item.id !== selfId);
  for (const language of LANGUAGES) {
    const key = trimmed[language].toLocaleLowerCase(language);
    const clash = others.find(
      (item) => item.body.names[language].trim().toLocaleLowerCase(language) === key,
    );
    if (clash) return { problem: { kind: 'duplicate', language, name: trimmed[language] } };
  }
  return { names: trimmed };
}

/** A new item at the end of its list. */
export function newItem(
  list: ReferenceList,
  names: Names,
  items: readonly ReferenceItem[],
): ReferenceItem {
  return referenceItemSchema.parse({
    list,
    code: newItemCode(names.en, list, items),
    names,
    order: nextOrder(list, items),
  });
}

/** The item with other names; its code never changes. */
export function renamed(item: ReferenceItem, names: Names): ReferenceItem {
  return referenceItemSchema.parse({ ...item, names });
}

/** Retired items stay for old records but are no longer offered; restoring offers them again. */
export function withRetired(item: ReferenceItem, retired: boolean): ReferenceItem {
  const { retired: _old, ...rest } = item;
  return referenceItemSchema.parse(retired ? { ...rest, retired: true } : rest);
}
