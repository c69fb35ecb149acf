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

/** What the rule needs to know of a territory: its parent (a retired one keeps its parent). */
export interface TerritoryLink {
  parentId?: string | undefined;
}

/** A stored, not deleted territory by id, or undefined. */
export type TerritoryLookup = (id: string) => TerritoryLink | undefined;

export type TerritoryProblemReason = 'missing' | 'outside';

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
 * The problems with the territories a district record names: each must exist and lie
 * inside `body.districtId`. A body without `districtId` names no district to check against
 * (a project-wide report) and has none.
 */
export function territoryProblems(
  body: Record<string, unknown>,
  lookup: TerritoryLookup,
): TerritoryProblem[] {
  const districtId = body.districtId;
  if (typeof districtId !== 'string') return [];
  const problems: TerritoryProblem[] = [];
  for (const reference of territoryReferences(body)) {
    if (!lookup(reference.territoryId)) {
      problems.push({ ...reference, reason: 'missing' });
    } else if (!liesWithin(reference.territoryId, districtId, lookup)) {
      problems.push({ ...reference, reason: 'outside' });
    }
  }
  return problems;
}

/** A sentence for a problem, for the server's reply (the app says it in the user's language). */
export function territoryProblemMessage(problem: TerritoryProblem): string {
  return problem.reason === 'missing'
    ? `no territory ${problem.territoryId} exists`
    : `territory ${problem.territoryId} does not lie inside the record's district`;
}
