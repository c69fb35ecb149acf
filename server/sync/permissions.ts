import { RECORD_TYPES } from '../../src/domain/record-types.ts';
import type { PullScope, UserAccount } from '../store/store.ts';

/** Who may write: decided with the rest of a push, in src/domain/push-decision.ts. */
export { canWrite } from '../../src/domain/push-decision.ts';

const REFERENCE_TYPES = Object.values(RECORD_TYPES)
  .filter((definition) => definition.scope === 'reference')
  .map((definition) => definition.type);

/** Who may read: consultants get reference data and their districts' records; others all. */
export function pullScope(user: UserAccount): PullScope {
  if (user.role !== 'consultant') return { all: true };
  return { all: false, referenceTypes: REFERENCE_TYPES, districtIds: user.districtIds };
}
