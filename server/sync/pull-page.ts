import type { Store, StoredRecord, UserAccount } from '../store/store.ts';
import { pullScope } from './permissions.ts';

const q = JSON.stringify;

/** A ServerRecord as JSON, with the stored body text spliced in rather than parsed and re-serialised. */
const recordJson = (r: StoredRecord) =>
  `{"id":${q(r.id)},"type":${q(r.type)},"rev":${r.rev},"updatedAt":${q(r.updatedAt)},` +
  `"updatedBy":${q(r.updatedBy)},"deleted":${r.deleted},"schemaVersion":${r.schemaVersion},` +
  `"body":${r.bodyJson}}`;

/**
 * One page of changes after `since` that `user` may read, as PullResponse JSON text. With
 * `count`, it also says how many changes there are from `since` on (`remaining`), for a
 * download's progress; the client asks that on its first page only.
 */
export async function pullPageJson(
  store: Store,
  user: UserAccount,
  since: number,
  limit: number,
  count = false,
): Promise<string> {
  const scope = pullScope(user);
  // One extra row tells whether there is more without a count query.
  const [rows, remaining] = await Promise.all([
    store.pull(since, limit + 1, scope),
    count ? store.countPull(since, scope) : undefined,
  ]);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const cursor = page.at(-1)?.rev ?? since;
  const counted = remaining === undefined ? '' : `,"remaining":${Math.max(remaining, page.length)}`;
  return `{"changes":[${page.map(recordJson).join(',')}],"cursor":${cursor},"hasMore":${hasMore}${counted}}`;
}
