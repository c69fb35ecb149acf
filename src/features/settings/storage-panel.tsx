import { useTranslation } from 'react-i18next';
import type { StorageState } from '../../db/storage.ts';
import { scaleBytes } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/use-format.ts';

export interface StoragePanelProps {
  state: StorageState | undefined;
  onRefresh: () => void;
}

export function StoragePanel({ state, onRefresh }: StoragePanelProps) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const bytes = (value: number) => {
    const { value: scaled, unit } = scaleBytes(value);
    return `${format.number(scaled, { maximumFractionDigits: 1 })}\u00a0${t(`storage.unit.${unit}`)}`;
  };
  let persistence = t('storage.unknown');
  if (state?.persisted === true) persistence = t('storage.persisted');
  if (state?.persisted === false) persistence = t('storage.notPersisted');
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {state === undefined ? (
        <p className="muted">{t('storage.checking')}</p>
      ) : (
        <>
          <p data-testid="storage-persistence">{persistence}</p>
          {state.usage !== null && (
            <p>
              {state.quota !== null
                ? t('storage.used', { used: bytes(state.usage), available: bytes(state.quota) })
                : t('storage.usedOnly', { used: bytes(state.usage) })}
            </p>
          )}
        </>
      )}
      <button type="button" className="button" onClick={onRefresh}>
        {t('storage.refresh')}
      </button>
    </section>
  );
}
