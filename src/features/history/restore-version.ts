import { drafts, records } from '../../db/app-db.ts';
import { recordTypeDefinition } from '../../domain/record-types.ts';
import { draftKeyOf } from '../../records/use-record-editor.ts';

export type RestoreResult = 'restored' | 'invalid';

/**
 * Writes an old version's body as a NEW local change of the record: through the
 * repository (record and outbox entry in one transaction), so it syncs like any edit and
 * the server's history only grows. A draft half typed over the record is dropped, so the
 * editor opens on the restored content. A body the current schema refuses (an older form)
 * is not written.
 */
export async function restoreVersion(input: {
  type: string;
  id: string;
  body: Record<string, unknown>;
  updatedBy: string;
}): Promise<RestoreResult> {
  const schema = recordTypeDefinition(input.type)?.schema;
  if (!schema?.safeParse(input.body).success) return 'invalid';
  await records.put({
    type: input.type,
    id: input.id,
    body: input.body,
    updatedBy: input.updatedBy,
  });
  await drafts.discard(draftKeyOf(input.type, input.id));
  return 'restored';
}
