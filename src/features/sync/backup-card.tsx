import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makeBackupFile, needsPassphrase, restoreBackupFile } from '../../db/app-backup.ts';
import { BackupFormatError } from '../../db/backup.ts';
import { WrongPassphraseError } from '../../db/backup-crypto.ts';
import { BackupOwnerError, type Refusal } from '../../db/backup-validation.ts';
import type { SessionUser } from '../../domain/sync-protocol.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { PassphraseForm } from '../../ui/passphrase-form.tsx';

type Message =
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; records: number; changes: number; refused: Refusal[] }
  | { kind: 'invalid' }
  | { kind: 'wrong-passphrase' }
  | { kind: 'other-account'; owner: string | null };

type Step = { kind: 'idle' } | { kind: 'export' } | { kind: 'import'; text: string };

/** Backups of this device: encrypted with a passphrase; imports keep to the account's own work. */
export function BackupCard({ account }: { account: SessionUser | null }) {
  const { t } = useTranslation('sync');
  const [message, setMessage] = useState<Message | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const exportNow = async (passphrase: string) => {
    const file = await makeBackupFile(account, passphrase);
    downloadFile(file.fileName, file.text, 'application/octet-stream;charset=utf-8');
    setStep({ kind: 'idle' });
    setMessage({ kind: 'exported', file: file.fileName });
  };

  const restore = async (text: string, passphrase?: string) => {
    if (!account) return;
    try {
      setMessage({ kind: 'imported', ...(await restoreBackupFile(text, account, passphrase)) });
      setStep({ kind: 'idle' });
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        setMessage({ kind: 'wrong-passphrase' });
        return; // the passphrase form stays for another try
      }
      setStep({ kind: 'idle' });
      if (error instanceof BackupOwnerError)
        setMessage({ kind: 'other-account', owner: error.owner });
      else if (error instanceof BackupFormatError) setMessage({ kind: 'invalid' });
      else throw error;
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    setMessage(null);
    if (needsPassphrase(text)) setStep({ kind: 'import', text });
    else await restore(text);
  };

  const refusedLine = (r: Refusal) =>
    t('backup.refusedItem', {
      what:
        r.kind === 'photo'
          ? t('backup.photo', { mime: r.type })
          : t(`backup.recordType.${r.type}`, { defaultValue: r.type }),
      name: r.title ?? r.id,
      reason: t(`backup.reason.${r.reason}`),
    });

  const failed = message && message.kind !== 'exported' && message.kind !== 'imported';
  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      {step.kind === 'idle' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => setStep({ kind: 'export' })}>
            {t('backup.export')}
          </button>
          <label className="button">
            {t('backup.import')}
            <input
              type="file"
              accept=".sedp,application/json,.json,application/octet-stream"
              className="visually-hidden"
              onChange={(e) => void importFile(e)}
            />
          </label>
        </div>
      )}
      {step.kind === 'export' && (
        <PassphraseForm
          twice
          submitLabel={t('backup.saveFile')}
          onSubmit={exportNow}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'import' && (
        <>
          <p>{t('backup.askPassphrase')}</p>
          <PassphraseForm
            twice={false}
            submitLabel={t('backup.open')}
            onSubmit={(passphrase) => restore(step.text, passphrase)}
            onCancel={() => {
              setStep({ kind: 'idle' });
              setMessage(null);
            }}
          />
        </>
      )}
      {message && (
        <div role={failed ? 'alert' : 'status'} className={failed ? 'form__error' : ''}>
          {message.kind === 'exported' && <p>{t('backup.exported', { file: message.file })}</p>}
          {message.kind === 'imported' && (
            <p>{t('backup.imported', { records: message.records, changes: message.changes })}</p>
          )}
          {message.kind === 'invalid' && <p>{t('backup.invalid')}</p>}
          {message.kind === 'wrong-passphrase' && <p>{t('backup.wrongPassphrase')}</p>}
          {message.kind === 'other-account' && (
            <p>{t('backup.otherAccount', { name: message.owner ?? '?' })}</p>
          )}
        </div>
      )}
      {message?.kind === 'imported' && message.refused.length > 0 && (
        <div className="notice" role="alert">
          <p className="notice__title">{t('backup.refused', { count: message.refused.length })}</p>
          <ul>
            {message.refused.map((r) => (
              <li key={`${r.kind}-${r.id}`}>{refusedLine(r)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
