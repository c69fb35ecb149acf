/** Territories: regions, districts and municipalities, with names in the three languages. */
import * as z from 'zod/mini';
import { isoDate, key, texts } from './schema-parts.ts';

export const territorySchema = z.strictObject({
  kind: z.enum(['region', 'district', 'municipality']),
  /** Stable, readable key: `nooken`, `kerben`. */
  code: key,
  names: texts(120),
  /** Region of a district, district of a municipality. */
  parentId: z.optional(z.string().check(z.minLength(1))),
  municipalityType: z.optional(z.enum(['town', 'aiyl-aimak'])),
  /** The territorial reform merges units: validity ends and the successor is named. */
  validFrom: z.optional(isoDate),
  validTo: z.optional(isoDate),
  successorId: z.optional(z.string().check(z.minLength(1))),
  target: z.optional(z.boolean()),
});
export type Territory = z.infer<typeof territorySchema>;
export type TerritoryKind = Territory['kind'];

export interface TerritorySeed extends Territory {
  id: string;
}

/** Lower-case, without dashes and spaces, for search in any of the three languages. */
export function searchKey(text: string): string {
  return text
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[\s\-–—'’ʼ.,]+/g, '');
}

/** Whether a territory's name in any language contains the query. */
export function matchesTerritory(territory: Pick<Territory, 'names' | 'code'>, query: string) {
  const needle = searchKey(query);
  if (!needle) return true;
  return [territory.names.ru, territory.names.ky, territory.names.en, territory.code].some((n) =>
    searchKey(n).includes(needle),
  );
}

/** The three languages territory names are kept in. */
export type NameLanguage = keyof Territory['names'];
