import { useTranslation } from 'react-i18next';
import { outboxActions } from '../../db/app-db.ts';
import { useConflicts, useDeviceId, useOutboxSummary, useRefusedBlobs } from '../../db/hooks.ts';
import { useAccount } from '../../session/account.ts';
import { startAppSync } from '../../sync/app-sync.ts';
import { useOtherTabSync, useSyncStatus } from '../../sync/sync-status-store.ts';
import { useOnline } from '../../ui/use-online.ts';
import { BackupCard } from './backup-card.tsx';
import { ConflictList } from './conflict-list.tsx';
import { ParkedList } from './parked-list.tsx';
import { RefusedPhotos } from './refused-photos.tsx';
import { StatusCard } from './status-card.tsx';

export function Component() {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const otherTabSyncing = useOtherTabSync((s) => s.syncing);
  const online = useOnline();
  const outbox = useOutboxSummary();
  const conflicts = useConflicts();
  const refusedPhotos = useRefusedBlobs();
  const deviceId = useDeviceId();
  const account = useAccount();
  const syncNow = () => void startAppSync().then((sync) => sync.syncNow());

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <StatusCard
        status={status}
        online={online}
        pending={outbox?.pending}
        otherTabSyncing={otherTabSyncing}
        onSyncNow={syncNow}
      />
      <ConflictList
        conflicts={conflicts ?? []}
        onKeepMine={(id) => void outboxActions.keepMine(id).then(syncNow)}
        onKeepTheirs={(id) => void outboxActions.keepTheirs(id)}
      />
      <ParkedList
        entries={outbox?.parked ?? []}
        onRetry={(seq) => void outboxActions.retry(seq).then(syncNow)}
        onDiscard={(seq) => void outboxActions.discard(seq)}
      />
      <RefusedPhotos
        photos={refusedPhotos ?? []}
        onRetry={(sha256) => void outboxActions.retryBlob(sha256).then(syncNow)}
      />
      <BackupCard account={account} />
      {deviceId && <p className="muted">{t('device', { id: deviceId })}</p>}
    </article>
  );
}
