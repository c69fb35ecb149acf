/**
 * A record's version history as the server lists it (`GET /api/records/:id/history`), and
 * what changed from one version to the next, worked out generically over the JSON body.
 */

/** One stored version: applied (it was the current one) or a conflict kept for the record. */
export interface RecordVersion {
  rev: number;
  kind: 'applied' | 'conflict';
  updatedAt: string;
  /** Username of who wrote it. */
  updatedBy: string;
  /** Their display name, when the account is known. */
  updatedByName: string | null;
  deleted: boolean;
  body: Record<string, unknown>;
}

export interface RecordHistory {
  id: string;
  type: string;
  /** Username of whoever wrote the first applied version. */
  createdBy: string;
  /** Oldest first. */
  versions: RecordVersion[];
}

export type Scalar = string | number | boolean | null;

/** A changed field: old → new for short plain values, else just that it changed. */
export type FieldChange =
  | { path: string[]; kind: 'value'; before: Scalar | undefined; after: Scalar | undefined }
  | { path: string[]; kind: 'changed' };

/** Strings longer than this are said to have changed rather than quoted in full. */
export const LONG_TEXT = 60;
/** Objects nested deeper than this are compared as a whole. */
const MAX_DEPTH = 3;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isShortScalar = (value: unknown): value is Scalar | undefined =>
  value === undefined ||
  value === null ||
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  (typeof value === 'string' && value.length <= LONG_TEXT);

/** Structural equality of JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * The fields that differ between two bodies, in the order of the newer body's keys (then
 * removed ones). Nested objects are followed a few levels down; lists and long texts
 * are reported as changed.
 */
export function bodyChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string[] = [],
): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const old = before[key];
    const next = after[key];
    if (sameJson(old, next)) continue;
    const path = [...prefix, key];
    if (isPlainObject(old) && isPlainObject(next) && path.length < MAX_DEPTH) {
      changes.push(...bodyChanges(old, next, path));
    } else if (isShortScalar(old) && isShortScalar(next)) {
      changes.push({ path, kind: 'value', before: old, after: next });
    } else {
      changes.push({ path, kind: 'changed' });
    }
  }
  return changes;
}

export interface VersionWithChanges extends RecordVersion {
  /** Against the applied version before it; null for the first one (nothing to compare). */
  changes: FieldChange[] | null;
}

/**
 * Each version with what it changed. An applied version is compared with the applied
 * one before it; a conflict with the version that was current when it arrived (it never
 * became current itself, so the next applied version is not compared with it).
 */
export function withChanges(versions: readonly RecordVersion[]): VersionWithChanges[] {
  let current: RecordVersion | undefined;
  return versions.map((version) => {
    const changes = current ? bodyChanges(current.body, version.body) : null;
    if (version.kind === 'applied') current = version;
    return { ...version, changes };
  });
}
