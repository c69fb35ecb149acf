import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { makeUnsyncedBackupFile } from '../db/app-backup.ts';
import { countUnsynced } from '../db/local-data.ts';
import { useAccount } from '../session/account.ts';
import { leaveDisabledAccount } from '../session/sign-out.ts';
import { stopAppSync } from '../sync/app-sync.ts';
import { downloadFile } from '../ui/download-file.ts';
import { PassphraseForm } from '../ui/passphrase-form.tsx';

/**
 * The server says this account is disabled: the device says why, offers the unsynced
 * changes as an encrypted file, then deletes its data once the user confirms (at once
 * when nothing is unsynced). People's names and phones do not stay on a shared phone.
 */
export function AccountDisabled() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const account = useAccount();
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [exported, setExported] = useState(false);
  const [wiping, setWiping] = useState(false);

  useEffect(() => {
    void countUnsynced().then(setUnsynced);
  }, []);

  const wipe = async () => {
    setWiping(true);
    await leaveDisabledAccount({ stopSync: stopAppSync });
    navigate('/login', { replace: true });
  };

  // Nothing here but copies of what the server has: no reason to keep them a moment longer.
  useEffect(() => {
    if (unsynced === 0 && !wiping) void wipe();
  });

  const save = async (passphrase: string) => {
    if (!account) return;
    const file = await makeUnsyncedBackupFile(account, passphrase);
    downloadFile(file.fileName, file.text, 'application/octet-stream;charset=utf-8');
    setAskPassphrase(false);
    setExported(true);
  };

  return (
    <div className="notice" role="alertdialog" aria-labelledby="account-disabled-title">
      <h2 id="account-disabled-title" className="notice__title">
        {t('disabled.title')}
      </h2>
      <p>{t('disabled.body')}</p>
      {unsynced !== null && unsynced > 0 && (
        <>
          <p>{t('disabled.unsynced', { count: unsynced })}</p>
          {exported && <p role="status">{t('panel.exported')}</p>}
          {askPassphrase ? (
            <PassphraseForm
              twice
              submitLabel={t('panel.saveFile')}
              onSubmit={save}
              onCancel={() => setAskPassphrase(false)}
            />
          ) : (
            <div className="notice__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => setAskPassphrase(true)}
              >
                {t('disabled.export')}
              </button>
              <button
                type="button"
                className="button"
                disabled={wiping}
                onClick={() => void wipe()}
              >
                {wiping ? t('disabled.wiping') : t('disabled.wipe')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
