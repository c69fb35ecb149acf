import { useTranslation } from 'react-i18next';
import type { RecordSyncState } from '../domain/list-facts.ts';

/** How a record stands in sync, said in the interface language: one set of names for every list. */
export function useSyncStateName(): (state: RecordSyncState) => string {
  const { t } = useTranslation();
  return (state) => t(`syncState.${state}`);
}
