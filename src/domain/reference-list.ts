/**
 * Short reference lists that admins maintain and every device pulls: the participant
 * groups counted at hearings and trainings, the positions of training participants, and
 * the SEDP methodology modules trainings cover. One record per item (`reference-item`).
 */
import * as z from 'zod/mini';
import { count, key, texts } from './schema-parts.ts';
import type { NameLanguage } from './territory.ts';

export const REFERENCE_LISTS = [
  'participant-group',
  'training-position',
  'training-module',
] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

export const referenceItemSchema = z.strictObject({
  list: z.enum(REFERENCE_LISTS),
  /** Stable key that records store: `youth`, `council-deputy`. */
  code: key,
  names: texts(200),
  order: count(10_000),
  /** No longer offered for new entries; records that use it still show its name. */
  retired: z.optional(z.boolean()),
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export interface ReferenceItemSeed extends ReferenceItem {
  id: string;
}

/** The items of one list in their order; retired ones only when asked for. */
export function itemsOf(
  items: readonly ReferenceItem[],
  list: ReferenceList,
  { withRetired = false } = {},
): ReferenceItem[] {
  return items
    .filter((item) => item.list === list && (withRetired || !item.retired))
    .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/** An item's name in a language, falling back to its code for an item this device lacks. */
export function itemName(
  items: readonly ReferenceItem[],
  list: ReferenceList,
  code: string,
  language: NameLanguage,
): string {
  return items.find((item) => item.list === list && item.code === code)?.names[language] ?? code;
}
