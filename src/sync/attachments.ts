/** An attachment's bytes: from this device, or fetched once from the server and kept. */
import { appDb, blobStore, sessionStore } from '../db/app-db.ts';
import { request } from './http-transport.ts';

export async function loadAttachment(sha256: string): Promise<Blob | undefined> {
  const local = await blobStore.load(sha256);
  if (local) return local;
  try {
    const token = (await sessionStore.load())?.token;
    const response = await request({ getToken: () => token }, `/api/blobs/${sha256}`);
    const blob = await response.blob();
    const bytes = await blob.arrayBuffer();
    await appDb.blobs.put({
      sha256,
      bytes,
      mime: blob.type || 'application/octet-stream',
      size: bytes.byteLength,
      createdAt: new Date().toISOString(),
      uploaded: 1,
    });
    return blob;
  } catch {
    return undefined;
  }
}
