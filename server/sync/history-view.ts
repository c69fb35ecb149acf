import type { RecordHistory, RecordVersion } from '../../src/domain/record-history.ts';
import { districtOf, recordTypeDefinition } from '../../src/domain/record-types.ts';
import type { Revision, Store, UserAccount } from '../store/store.ts';

/** The district a stored version belongs to; null for reference data (everyone reads it). */
function versionDistrict(revision: Revision): string | null {
  const definition = recordTypeDefinition(revision.type);
  if (definition?.scope === 'reference') return null;
  return districtOf(revision.body) ?? '';
}

/**
 * The history of a record as `user` may see it, or undefined when they may not read the
 * record or it does not exist (the two look the same, so existence is not revealed).
 *
 * Scoped like pull: admins and coordinators see every version; a consultant sees the
 * record only while its current version lies in one of their districts, and of its
 * versions only those whose own district is theirs. A record moved from another district
 * does not show its body from before the move (it was never theirs to pull); conflict
 * versions are judged the same way.
 */
export async function historyFor(
  store: Store,
  user: UserAccount,
  recordId: string,
): Promise<RecordHistory | undefined> {
  const revisions = await store.history(recordId);
  const applied = revisions.filter((revision) => revision.kind === 'applied');
  const first = applied[0];
  const current = applied.at(-1);
  if (!first || !current) return undefined;
  const mayRead = (revision: Revision) => {
    if (user.role !== 'consultant') return true;
    const district = versionDistrict(revision);
    return district === null || user.districtIds.includes(district);
  };
  if (!mayRead(current)) return undefined;
  const names = new Map<string, string | null>();
  const nameOf = async (revision: Revision) => {
    const key = revision.userId ?? `@${revision.updatedBy}`;
    if (!names.has(key)) {
      const account = revision.userId
        ? await store.findUser(revision.userId)
        : await store.findUserByUsername(revision.updatedBy);
      names.set(key, account?.displayName ?? null);
    }
    return names.get(key) ?? null;
  };
  const versions: RecordVersion[] = [];
  for (const revision of revisions.filter(mayRead)) {
    versions.push({
      rev: revision.rev,
      kind: revision.kind,
      updatedAt: revision.updatedAt,
      updatedBy: revision.updatedBy,
      updatedByName: await nameOf(revision),
      deleted: revision.deleted,
      body: revision.body,
    });
  }
  return { id: recordId, type: current.type, createdBy: first.updatedBy, versions };
}
