/** Why the last sync failed, in the user's language: by error kind, status and server code. */
import type { TFunction } from 'i18next';
import type { SyncFailure } from './transport.ts';

export function failureMessage(t: TFunction<'sync'>, failure: SyncFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('failure.network');
    case 'timeout':
      return t('failure.timeout');
    case 'auth':
      return t('phase.needsLogin');
    case 'client':
      return t('failure.refused', { code: failure.code ?? String(failure.status ?? '') });
    case 'server':
      // A code the server sends with a 5xx says what is wrong better than the status.
      if (failure.code === 'storage_full') return t('failure.storageFull');
      if (failure.code === 'database_unavailable') return t('failure.databaseUnavailable');
      if (failure.status === 429) return t('failure.busy');
      return failure.requestId
        ? t('failure.server', { requestId: failure.requestId })
        : t('failure.serverNoId');
  }
}
