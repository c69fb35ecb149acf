import type { RecordScope } from '../../src/domain/record-types.ts';
import { RECORD_TYPES } from '../../src/domain/record-types.ts';
import type { PullScope, RecordHead, UserAccount } from '../store/store.ts';

/**
 * Who may write: reference data only admins; district records admins and coordinators
 * anywhere, a consultant only in their districts, and only records already in them (so a
 * record cannot be moved out of, or into, someone else's district).
 */
export function canWrite(
  user: UserAccount,
  scope: RecordScope,
  districtId: string | null,
  existing: RecordHead | undefined,
): boolean {
  if (user.role === 'admin') return true;
  if (scope === 'reference') return false;
  if (user.role === 'coordinator') return true;
  const mine = (id: string | null) => id !== null && user.districtIds.includes(id);
  return mine(districtId) && (existing === undefined || mine(existing.districtId));
}

const REFERENCE_TYPES = Object.values(RECORD_TYPES)
  .filter((definition) => definition.scope === 'reference')
  .map((definition) => definition.type);

/** Who may read: consultants get reference data and their districts' records; others all. */
export function pullScope(user: UserAccount): PullScope {
  if (user.role !== 'consultant') return { all: true };
  return { all: false, referenceTypes: REFERENCE_TYPES, districtIds: user.districtIds };
}
