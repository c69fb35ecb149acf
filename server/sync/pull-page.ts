import type { Store, StoredRecord, UserAccount } from '../store/store.ts';
import { pullScope } from './permissions.ts';

const q = JSON.stringify;

/** A ServerRecord as JSON, with the stored body text spliced in rather than parsed and re-serialised. */
const recordJson = (r: StoredRecord) =>
  `{"id":${q(r.id)},"type":${q(r.type)},"rev":${r.rev},"updatedAt":${q(r.updatedAt)},` +
  `"updatedBy":${q(r.updatedBy)},"deleted":${r.deleted},"schemaVersion":${r.schemaVersion},` +
  `"body":${r.bodyJson}}`;

/** One page of changes after `since` that `user` may read, as PullResponse JSON text. */
export async function pullPageJson(
  store: Store,
  user: UserAccount,
  since: number,
  limit: number,
): Promise<string> {
  // One extra row tells whether there is more without a count query.
  const rows = await store.pull(since, limit + 1, pullScope(user));
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const cursor = page.at(-1)?.rev ?? since;
  return `{"changes":[${page.map(recordJson).join(',')}],"cursor":${cursor},"hasMore":${hasMore}}`;
}
