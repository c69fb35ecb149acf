import { useTranslation } from 'react-i18next';
import { useOnline } from './use-online.ts';

/** A visible online/offline pill, announced to screen readers when it changes. */
export function NetworkStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <output
      className={`network network--${online ? 'online' : 'offline'}`}
      title={t(online ? 'network.onlineHint' : 'network.offlineHint')}
      aria-live="polite"
    >
      <span className="network__dot" aria-hidden="true" />
      {t(online ? 'network.online' : 'network.offline')}
    </output>
  );
}
