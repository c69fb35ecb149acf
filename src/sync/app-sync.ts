/**
 * The app's one sync engine, wired to the device database, the server over HTTP and the
 * triggers: start, `online`, the tab becoming visible, local writes (debounced), a timer
 * while changes are pending, and the "Sync now" button. Other tabs hear its status as
 * information ("another tab is syncing"); each tab's own status is its engine's alone. A tab
 * that finds another syncing runs when that one lets go of the lock (see the engine).
 */
import { appDb, onLocalWrite, prefs, syncStore } from '../db/app-db.ts';
import { removeOutsideDistricts } from '../db/district-scope.ts';
import type { PullScope } from '../db/sync-store.ts';
import type { SessionUser } from '../domain/sync-protocol.ts';
import { accountChanged, loadSession, sameDistricts } from '../session/stored-session.ts';
import { createSyncEngine, type SyncEngine, type SyncOutcome, type SyncStatus } from './engine.ts';
import { createHttpTransport, request } from './http-transport.ts';
import { createWebLock } from './lock.ts';
import { useOtherTabSync, useSyncStatus } from './sync-status-store.ts';

const CHANNEL = 'sedp-field-sync';
const WRITE_DEBOUNCE_MS = 2_000;

type Message = { type: 'status'; status: SyncStatus };

export interface AppSync {
  engine: SyncEngine;
  syncNow(): Promise<SyncOutcome>;
  /** After signing in again: load the new token and sync. */
  signedIn(): Promise<void>;
  stop(): void;
}

let current: Promise<AppSync> | null = null;

/** Whether `after` sees records `before` did not. */
const widened = (before: PullScope, after: PullScope) =>
  (before.role === 'consultant' && after.role !== 'consultant') ||
  (after.role === 'consultant' && after.districtIds.some((id) => !before.districtIds.includes(id)));

/** Whether `after` no longer sees records `before` did (a district taken away, coordinator to consultant). */
const narrowed = (before: PullScope, after: PullScope) =>
  after.role === 'consultant' &&
  (before.role !== 'consultant' ||
    before.districtIds.some((id) => !after.districtIds.includes(id)));

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
  let token = (await loadSession())?.token ?? null;
  const transport = createHttpTransport({ getToken: () => token });
  const lock = createWebLock();
  const engine = createSyncEngine({
    store: syncStore,
    transport,
    blobs: transport,
    lock,
    deviceId: await prefs.deviceId(),
    online: () => globalThis.navigator?.onLine !== false,
  });
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const post = (message: Message) => channel?.postMessage(message);

  const unsubscribe = engine.subscribe((status) => {
    useSyncStatus.setState(status);
    post({ type: 'status', status });
  });
  /** Another tab is syncing: shown until it says otherwise or lets go of the lock. */
  let watchingOther = false;
  const otherTabSyncing = () => {
    useOtherTabSync.setState({ syncing: true });
    // A tab closed mid-sync never says it stopped: the lock's release does.
    if (watchingOther) return;
    watchingOther = true;
    void lock.whenReleased().then(() => {
      watchingOther = false;
      useOtherTabSync.setState({ syncing: false });
    });
  };
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.type !== 'status') return;
      if (event.data.status.phase === 'syncing') otherTabSyncing();
      else useOtherTabSync.setState({ syncing: false });
    };
  }

  /**
   * The pull cursor only covers what this account could see when it advanced. When the
   * access widens (a district added, consultant to coordinator), the records it could not
   * see before are older than the cursor: pull everything again, once. Cursor first, then
   * the scope, so a tab closed in between does it again rather than never.
   */
  const alignPullScope = async (user: SessionUser) => {
    const before = await syncStore.pullScope();
    const after = { role: user.role, districtIds: [...user.districtIds].sort() };
    // Records of districts no longer assigned leave the device (unsynced ones stay until sent).
    if (before && narrowed(before, after)) await removeOutsideDistricts(appDb, after.districtIds);
    if (before && !widened(before, after)) {
      if (!sameDistricts(before.districtIds, after.districtIds) || before.role !== after.role) {
        await syncStore.setPullScope(after);
      }
      return false;
    }
    if (before) await syncStore.resetCursor();
    await syncStore.setPullScope(after);
    return Boolean(before);
  };

  /**
   * After a sync, asks who this account is now (role and districts change on the server):
   * the pull scope follows here, the stored account in src/session.
   */
  const refreshAccount = async () => {
    if (!(await loadSession())) return;
    let me: SessionUser;
    try {
      me = (await (await request({ getToken: () => token }, '/api/me')).json()) as SessionUser;
    } catch {
      return; // offline or signed out: the next sync tries again
    }
    // The account first: a tab closed (or a page left) after this still shows the new
    // districts and role, and the pull scope, kept apart, is aligned on the next run if not now.
    await accountChanged(me);
    const repull = await alignPullScope(me);
    if (repull) engine.request(0);
  };

  const syncNow = async () => {
    const outcome = await engine.syncNow();
    if (outcome.kind === 'done') await refreshAccount();
    // Another tab holds the lock: the engine runs again when it lets go.
    if (outcome.kind === 'busy') otherTabSyncing();
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
  const session = await loadSession();
  if (session) await alignPullScope(session.user);
  if (token) void syncNow();

  return {
    engine,
    syncNow,
    async signedIn() {
      const session = await loadSession();
      token = session?.token ?? null;
      if (session) await alignPullScope(session.user);
      engine.resume();
      await syncNow();
    },
    stop() {
      unsubscribe();
      engine.dispose();
      useOtherTabSync.setState({ syncing: false });
      channel?.close();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      stopWrites();
    },
  };
}
