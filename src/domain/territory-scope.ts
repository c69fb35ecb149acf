/**
 * Every territory a district record names exists and lies inside the record's district
 * (DESIGN.md, "Server rules"). The server checks it in the push transaction over its
 * stored territories; the device checks it before saving, over its own copy, so a record
 * the server would refuse is kept as a draft with the reason instead of being queued.
 *
 * Only the record's own place counts: a participant's `municipalityId` (where a person
 * lives) is not a reference the record is filed under, so people from another district may
 * attend. Merged or retired territories (validity dates, successor) still count: records
 * made before the reform name them.
 */

/** What the rule needs to know of a territory: its level and parent (a retired one keeps its parent). */
export interface TerritoryLink {
  /** `region`, `district` or `municipality` (see `territorySchema`). */
  kind: string;
  parentId?: string | undefined;
}

/** A stored, not deleted territory by id, or undefined. */
export type TerritoryLookup = (id: string) => TerritoryLink | undefined;

/**
 * `missing`: no such territory (the record's own `districtId` included); `outside`: not in
 * the record's district; `notDistrict`: the record's `districtId` names a region or a
 * municipality.
 */
export type TerritoryProblemReason = 'missing' | 'outside' | 'notDistrict';

export interface TerritoryProblem {
  /** The field, as a JSON path into the body: `['municipalityIds', 1]`. */
  path: (string | number)[];
  territoryId: string;
  reason: TerritoryProblemReason;
}

/** Top-level body fields that name the territory a district record is filed under. */
const SINGLE_FIELDS = ['municipalityId', 'territoryId'] as const;
const LIST_FIELDS = ['municipalityIds'] as const;

/** A parent chain longer than this is taken as broken (no real tree is this deep). */
const MAX_DEPTH = 16;

/** The territory references a record body makes, with their paths. */
export function territoryReferences(
  body: Record<string, unknown>,
): { path: (string | number)[]; territoryId: string }[] {
  const found: { path: (string | number)[]; territoryId: string }[] = [];
  for (const field of SINGLE_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') found.push({ path: [field], territoryId: value });
  }
  for (const field of LIST_FIELDS) {
    const value = body[field];
    if (!Array.isArray(value)) continue;
    value.forEach((item, index) => {
      if (typeof item === 'string') found.push({ path: [field, index], territoryId: item });
    });
  }
  return found;
}

/** Whether `territoryId` is `districtId` or lies under it (following parents); the district exists. */
export function liesWithin(
  territoryId: string,
  districtId: string,
  lookup: TerritoryLookup,
): boolean {
  let id: string | undefined = territoryId;
  for (let depth = 0; id !== undefined && depth < MAX_DEPTH; depth += 1) {
    if (id === districtId) return lookup(id) !== undefined;
    id = lookup(id)?.parentId;
  }
  return false;
}

/**
 * The problems with the territories a district record names: its `districtId` must name
 * an existing district, and every other territory must exist and lie inside it. A body
 * without `districtId` names no district to check against (a project-wide report) and has
 * none. While the district itself is wrong, only unknown territories are named besides.
 */
export function territoryProblems(
  body: Record<string, unknown>,
  lookup: TerritoryLookup,
): TerritoryProblem[] {
  const districtId = body.districtId;
  if (typeof districtId !== 'string') return [];
  const problems: TerritoryProblem[] = [];
  const district = lookup(districtId);
  if (!district) {
    problems.push({ path: ['districtId'], territoryId: districtId, reason: 'missing' });
  } else if (district.kind !== 'district') {
    problems.push({ path: ['districtId'], territoryId: districtId, reason: 'notDistrict' });
  }
  const districtOk = problems.length === 0;
  for (const reference of territoryReferences(body)) {
    if (!lookup(reference.territoryId)) {
      problems.push({ ...reference, reason: 'missing' });
    } else if (districtOk && !liesWithin(reference.territoryId, districtId, lookup)) {
      problems.push({ ...reference, reason: 'outside' });
    }
  }
  return problems;
}

/** A sentence for a problem, for the server's reply (the app says it in the user's language). */
export function territoryProblemMessage(problem: TerritoryProblem): string {
  switch (problem.reason) {
    case 'missing':
      return `no territory ${problem.territoryId} exists`;
    case 'notDistrict':
      return `territory ${problem.territoryId} is not a district`;
    case 'outside':
      return `territory ${problem.territoryId} does not lie inside the record's district`;
  }
}
