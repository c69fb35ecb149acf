import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { makeUnsyncedBackupFile } from '../../db/app-backup.ts';
import { countUnsynced } from '../../db/local-data.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { signOut as leaveDevice } from '../../session/sign-out.ts';
import { stopAppSync } from '../../sync/app-sync.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { PassphraseForm } from '../../ui/passphrase-form.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm'; unsynced: number; exported: boolean; askPassphrase?: boolean };

/** Who is signed in, and signing out: never deletes unsynced work without a backup first. */
export function AccountPanel() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const account = useAccount();
  const tree = useTerritoryTree();
  const { language } = useFormat();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  if (!account) return null;

  const begin = async () =>
    setStep({ kind: 'confirm', unsynced: await countUnsynced(), exported: false });

  /** Only the unsynced changes and their photos, encrypted: the file stays on a shared phone. */
  const exportFirst = async (passphrase: string) => {
    const file = await makeUnsyncedBackupFile(account, passphrase);
    downloadFile(file.fileName, file.text, 'application/octet-stream;charset=utf-8');
    setStep({ kind: 'confirm', unsynced: await countUnsynced(), exported: true });
  };

  const signOut = async () => {
    await leaveDevice({ stopSync: stopAppSync });
    navigate('/login', { replace: true });
  };

  const blocked = step.kind === 'confirm' && step.unsynced > 0 && !step.exported;
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('panel.title')}</h2>
      <p>
        {t('panel.signedInAs', {
          name: account.displayName || account.username,
          role: t(`role.${account.role}`),
        })}
      </p>
      <p className="muted">
        {account.districtIds.length > 0
          ? t('panel.districts', {
              list: account.districtIds
                .map((id) => territoryName(tree, id, language) ?? id)
                .join(', '),
            })
          : t('panel.allDistricts')}
      </p>
      {step.kind === 'idle' ? (
        <button type="button" className="button" onClick={() => void begin()}>
          {t('panel.signOut')}
        </button>
      ) : (
        <div className="notice" role="alertdialog" aria-labelledby="sign-out-title">
          <h3 id="sign-out-title" className="notice__title">
            {t('panel.confirmTitle')}
          </h3>
          <p>
            {step.unsynced > 0
              ? t('panel.unsynced', { count: step.unsynced })
              : t('panel.confirmBody')}
          </p>
          {step.exported && <p role="status">{t('panel.exported')}</p>}
          {step.askPassphrase && (
            <PassphraseForm
              twice
              submitLabel={t('panel.saveFile')}
              onSubmit={exportFirst}
              onCancel={() => setStep({ ...step, askPassphrase: false })}
            />
          )}
          <div className="notice__actions">
            {step.unsynced > 0 && !step.askPassphrase && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setStep({ ...step, askPassphrase: true })}
              >
                {t('panel.exportFirst')}
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={blocked}
              onClick={() => void signOut()}
            >
              {t('panel.signOutDelete')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('panel.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
