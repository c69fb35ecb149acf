/**
 * Districts as the users CLI and the admin API name them: a district's `code` (`nooken`) or
 * its territory id. Users' `districtIds` are always territory ids.
 */
import { TERRITORY_SEED } from '../seed/territory-seed.ts';
import type { Store } from '../store/store.ts';

/** Some entries name no known district; nothing was changed. */
export class UnknownDistrictsError extends Error {
  override name = 'UnknownDistrictsError';
  readonly unknown: string[];
  /** The codes that would have been understood, for the message to list. */
  readonly knownCodes: string[];

  constructor(unknown: string[], knownCodes: string[]) {
    super(
      `Unknown district${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')} ` +
        '(give district codes or ids)',
    );
    this.unknown = unknown;
    this.knownCodes = knownCodes;
  }
}

export interface DistrictDirectory {
  /** The id of the district an entry (code or id) names, if it names one. */
  resolve(entry: string): string | undefined;
  /** The code of a district id, where known. */
  codeOf(id: string): string | undefined;
  /** Every known district code, sorted. */
  codes(): string[];
}

const isDistrict = (body: unknown): body is { kind: 'district'; code: string } =>
  typeof body === 'object' &&
  body !== null &&
  (body as { kind?: unknown }).kind === 'district' &&
  typeof (body as { code?: unknown }).code === 'string';

/**
 * The districts known now: the territory records in the database, and the seed's districts
 * not stored yet (the CLI may run before the server first seeded the data directory). A
 * stored record wins over its seed entry: an admin may have changed or deleted it.
 */
export async function districtDirectory(store: Store): Promise<DistrictDirectory> {
  const codeById = new Map<string, string>();
  for (const seed of TERRITORY_SEED) {
    if (seed.kind === 'district') codeById.set(seed.id, seed.code);
  }
  for (const record of await store.recordsOfType('territory')) {
    // Deleted again and re-set, so stored districts come last and win a shared code.
    codeById.delete(record.id);
    const body: unknown = JSON.parse(record.bodyJson);
    if (!record.deleted && isDistrict(body)) codeById.set(record.id, body.code);
  }
  const idByCode = new Map<string, string>();
  for (const [id, code] of codeById) idByCode.set(code, id);

  return {
    resolve(entry) {
      const text = entry.trim();
      if (codeById.has(text)) return text;
      const lower = text.toLowerCase();
      return codeById.has(lower) ? lower : idByCode.get(lower);
    },
    codeOf: (id) => codeById.get(id),
    codes: () => [...idByCode.keys()].sort(),
  };
}

/** District ids, sorted and without repeats, for codes and ids; throws UnknownDistrictsError. */
export function resolveDistricts(
  directory: DistrictDirectory,
  entries: readonly string[],
): string[] {
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const entry of entries) {
    const id = directory.resolve(entry);
    if (id === undefined) unknown.push(entry);
    else ids.add(id);
  }
  if (unknown.length > 0) throw new UnknownDistrictsError(unknown, directory.codes());
  return [...ids].sort();
}

/** How to show a user's districts: codes where known (else the id), sorted. */
export const districtLabels = (directory: DistrictDirectory, ids: readonly string[]) =>
  ids.map((id) => directory.codeOf(id) ?? id).sort();
