/**
 * The app's one sync engine, wired to the device database, the server over HTTP and the
 * triggers: start, `online`, the tab becoming visible, local writes (debounced), a timer
 * while changes are pending, and the "Sync now" button. Other tabs hear its status.
 */
import { onLocalWrite, prefs, sessionStore, syncStore } from '../db/app-db.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { createSyncEngine, type SyncEngine, type SyncOutcome, type SyncStatus } from './engine.ts';
import { createHttpTransport, request } from './http-transport.ts';
import { createWebLock } from './lock.ts';
import { useSyncStatus } from './sync-status-store.ts';

const CHANNEL = 'sedp-field-sync';
const WRITE_DEBOUNCE_MS = 2_000;

type Message = { type: 'status'; status: SyncStatus } | { type: 'request' };

export interface AppSync {
  engine: SyncEngine;
  syncNow(): Promise<SyncOutcome>;
  /** After signing in again: load the new token and sync. */
  signedIn(): Promise<void>;
  stop(): void;
}

let current: Promise<AppSync> | null = null;
const accountListeners = new Set<(user: SessionUser) => void>();

/** Told when the server reports a change to the signed-in account (role, districts). */
export function onAccountChanged(listener: (user: SessionUser) => void): () => void {
  accountListeners.add(listener);
  return () => accountListeners.delete(listener);
}

const sameDistricts = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Starts sync once per tab; later calls return the same instance. */
export function startAppSync(): Promise<AppSync> {
  current ??= create();
  return current;
}

/** Stops sync (sign-out). */
export async function stopAppSync(): Promise<void> {
  const running = current;
  current = null;
  (await running)?.stop();
}

async function create(): Promise<AppSync> {
  let token = (await sessionStore.load())?.token ?? null;
  const transport = createHttpTransport({ getToken: () => token });
  const engine = createSyncEngine({
    store: syncStore,
    transport,
    blobs: transport,
    lock: createWebLock(),
    deviceId: await prefs.deviceId(),
  });
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const post = (message: Message) => channel?.postMessage(message);

  const unsubscribe = engine.subscribe((status) => {
    useSyncStatus.setState(status);
    post({ type: 'status', status });
  });
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data.type === 'status') useSyncStatus.setState(event.data.status);
      else engine.request(0);
    };
  }

  /**
   * After a sync, asks who this account is now. A district added since the last pull has
   * older records the cursor is already past: pull everything again, once.
   */
  const refreshAccount = async () => {
    const session = await sessionStore.load();
    if (!session) return;
    let me: SessionUser;
    try {
      me = (await (await request({ getToken: () => token }, '/api/me')).json()) as SessionUser;
    } catch {
      return; // offline or signed out: the next sync tries again
    }
    const before = session.user;
    if (
      before.role === me.role &&
      before.displayName === me.displayName &&
      sameDistricts(before.districtIds, me.districtIds)
    ) {
      return;
    }
    const added = me.districtIds.some((id) => !before.districtIds.includes(id));
    // Cursor first: a tab closed between the two steps then sees the change again.
    if (added) await syncStore.resetCursor();
    await sessionStore.save({ ...session, user: me });
    for (const listener of accountListeners) listener(me);
    if (added) engine.request(0);
  };

  const syncNow = async () => {
    const outcome = await engine.syncNow();
    if (outcome.kind === 'done') await refreshAccount();
    // Another tab holds the lock: ask it to run once more for what this tab wrote.
    if (outcome.kind === 'busy') post({ type: 'request' });
    return outcome;
  };
  const onOnline = () => void syncNow();
  const onVisible = () => {
    if (document.visibilityState === 'visible') engine.request(0);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const stopWrites = onLocalWrite(() => engine.request(WRITE_DEBOUNCE_MS));

  await engine.init();
  useSyncStatus.setState(engine.status());
  if (token) void syncNow();

  return {
    engine,
    syncNow,
    async signedIn() {
      token = (await sessionStore.load())?.token ?? null;
      engine.resume();
      await syncNow();
    },
    stop() {
      unsubscribe();
      engine.dispose();
      channel?.close();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      stopWrites();
    },
  };
}
