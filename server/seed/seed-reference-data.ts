/**
 * Reference data every server starts with (territories, the work plan, reference lists), written as ordinary record
 * versions so devices pull it like any other change. Idempotent: a seed record whose id
 * already has a record is left alone, since an admin may have changed (or deleted) it.
 */
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import { SCHEMA_VERSION } from '../../src/domain/record.ts';
import { recordTypeDefinition } from '../../src/domain/record-types.ts';
import type { Store } from '../store/store.ts';
import { CHECKLIST_TEMPLATE_SEED } from './checklist-seed.ts';
import { REFERENCE_ITEM_SEED } from './reference-list-seed.ts';
import { TERRITORY_SEED } from './territory-seed.ts';
import { WORK_PLAN_SEED } from './work-plan-seed.ts';

/** Who seeded versions are `updatedBy`. */
export const SEED_AUTHOR = 'system';

interface SeedRecord {
  id: string;
  type: string;
  bodyJson: string;
}

/** The seed as records, parents before children; a body its schema refuses is a bug here. */
function seedRecords(): SeedRecord[] {
  const sets: { type: string; entries: readonly { id: string }[] }[] = [
    { type: 'territory', entries: TERRITORY_SEED },
    { type: 'work-plan-activity', entries: WORK_PLAN_SEED },
    { type: 'reference-item', entries: REFERENCE_ITEM_SEED },
    { type: 'checklist-template', entries: CHECKLIST_TEMPLATE_SEED },
  ];
  return sets.flatMap(({ type, entries }) => {
    const definition = recordTypeDefinition(type);
    if (!definition) throw new Error(`Seed of unknown record type ${type}`);
    return entries.map(({ id, ...body }) => {
      const parsed = definition.schema.safeParse(body);
      if (!parsed.success) {
        throw new Error(`Seed ${type} ${id} is invalid: ${parsed.error.issues[0]?.message}`);
      }
      return { id, type, bodyJson: canonicalJson(body) };
    });
  });
}

/**
 * Inserts, in one transaction, the seed records that have no record yet; one query finds
 * which exist, so a start with everything seeded costs next to nothing. Returns how many
 * were inserted.
 */
export function seedReferenceData(store: Store, now: Date = store.now()): Promise<number> {
  const records = seedRecords();
  const updatedAt = now.toISOString();
  return store.syncTransaction(async (tx) => {
    const existing = await tx.existingIds(records.map((record) => record.id));
    let inserted = 0;
    for (const record of records) {
      if (existing.has(record.id)) continue;
      const version = {
        recordId: record.id,
        type: record.type,
        bodyJson: record.bodyJson,
        deleted: false,
        updatedAt,
        updatedBy: SEED_AUTHOR,
        schemaVersion: SCHEMA_VERSION,
        // Reference data belongs to no district.
        districtId: null,
      };
      const rev = await tx.appendRevision({
        ...version,
        kind: 'applied',
        mutationId: null,
        userId: null,
        deviceId: null,
      });
      await tx.putRecord({ ...version, rev });
      inserted += 1;
    }
    return inserted;
  });
}
