/**
 * When an account loses districts (or a coordinator becomes a consultant), the records of
 * the districts it no longer has leave this device at the next sync: people's names and
 * phones must not stay on a phone whose user may no longer see them. Reference data stays;
 * so does every record with a change that has not reached the server (queued, parked or in
 * conflict): it stays until sent or backed up.
 */
import { districtOf, recordTypeDefinition } from '../domain/record-types.ts';
import { blobNamesIn } from './blob-names.ts';
import type { SedpDatabase } from './database.ts';
import { listTables, updateListIndex } from './list-index.ts';
import { dropSideRevs } from './side-revs.ts';

export interface RemovedOutsideScope {
  records: number;
  drafts: number;
  blobs: number;
}

const recordIdOfDraft = (key: string) => key.split(':')[1];

/** Deletes local records of districts not in `districtIds`, and their drafts and photos. */
export function removeOutsideDistricts(
  db: SedpDatabase,
  districtIds: readonly string[],
): Promise<RemovedOutsideScope> {
  const keep = new Set(districtIds);
  return db.transaction(
    'rw',
    [db.records, db.outbox, db.conflicts, db.drafts, db.blobs, db.revBatches, ...listTables(db)],
    async () => {
      const busy = new Set<string>([
        ...((await db.outbox.orderBy('id').uniqueKeys()) as string[]),
        ...(await db.conflicts.toCollection().primaryKeys()),
      ]);
      const remove = new Set<string>();
      const named = new Set<string>();
      const stays = new Set<string>();
      await db.records.each((record) => {
        const definition = recordTypeDefinition(record.type);
        const district = districtOf(record.body);
        const outside =
          definition?.scope === 'district' && district !== undefined && !keep.has(district);
        if (outside && !busy.has(record.id)) {
          remove.add(record.id);
          blobNamesIn([record.body], named);
        } else {
          blobNamesIn([record.body], stays);
        }
      });
      const drafts = (await db.drafts.toArray()).filter((d) => {
        const id = recordIdOfDraft(d.key);
        return id !== undefined && remove.has(id);
      });
      blobNamesIn(
        drafts.map((d) => d.value),
        named,
      );
      // What is still named by a record, a queued change, a conflict or another draft stays.
      blobNamesIn(
        (await db.outbox.toArray()).map((e) => e.body),
        stays,
      );
      blobNamesIn(
        (await db.conflicts.toArray()).map((c) => c.local.body),
        stays,
      );
      const removedDrafts = new Set(drafts.map((d) => d.key));
      blobNamesIn(
        (await db.drafts.toArray()).filter((d) => !removedDrafts.has(d.key)).map((d) => d.value),
        stays,
      );
      const blobs = [...named].filter((sha) => !stays.has(sha));
      const existing = (await db.blobs.bulkGet(blobs)).filter(Boolean).length;
      await db.records.bulkDelete([...remove]);
      await updateListIndex(
        db,
        [...remove].map((id) => ({ id, sync: 'synced' as const })),
      );
      await dropSideRevs(db, [...remove]);
      await db.drafts.bulkDelete([...removedDrafts]);
      await db.blobs.bulkDelete(blobs);
      return { records: remove.size, drafts: removedDrafts.size, blobs: existing };
    },
  );
}
