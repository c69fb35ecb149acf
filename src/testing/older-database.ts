import { Dexie } from 'dexie';

/**
 * The device database as an older app version left it: the schema versions 1 to `version`
 * exactly as they shipped (no upgrade functions: a test puts in what that version held).
 * Close it before opening the current one on the same name.
 */
export function olderDatabase(name: string, version: 2 | 3 | 4 | 5): Dexie {
  const old = new Dexie(name);
  old.version(1).stores({
    records: 'id, type, [type+updatedAt], updatedAt',
    outbox: '++seq, &mutationId, id, state',
    drafts: 'key, updatedAt',
    prefs: 'key',
  });
  old.version(2).stores({ conflicts: 'id, type', syncMeta: 'key', blobs: 'sha256, uploaded' });
  if (version >= 3) {
    old
      .version(3)
      .stores({ listPages: 'key, type', listRows: 'id, type', listFigures: 'key, type' });
  }
  if (version >= 4) old.version(4).stores({ revs: 'id' });
  if (version >= 5) old.version(5).stores({});
  return old;
}
