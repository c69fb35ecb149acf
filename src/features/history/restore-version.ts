import { drafts, records } from '../../db/app-db.ts';
import { RecordValidationError } from '../../db/record-repository.ts';
import { type BodyOf, isRecordTypeName, type RecordTypeName } from '../../domain/record-types.ts';
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
}): Promise<RestoreResult> {
  const { type, id } = input;
  if (!isRecordTypeName(type)) return 'invalid';
  try {
    // The repository checks the body against the type's schema as it is now.
    await records.put({ type, id, body: input.body as BodyOf<RecordTypeName> });
  } catch (error) {
    if (error instanceof RecordValidationError) return 'invalid';
    throw error;
  }
  await drafts.discard(draftKeyOf(type, id));
  return 'restored';
}
