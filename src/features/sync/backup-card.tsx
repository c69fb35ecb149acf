import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makeBackupFile, restoreBackupFile } from '../../db/app-backup.ts';
import { BackupFormatError } from '../../db/backup.ts';
import { downloadText } from '../../ui/download.ts';

type Message =
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; records: number; changes: number }
  | { kind: 'invalid' };

export function BackupCard({ username }: { username: string | null }) {
  const { t } = useTranslation('sync');
  const [message, setMessage] = useState<Message | null>(null);

  const exportNow = async () => {
    const file = await makeBackupFile(username);
    downloadText(file.fileName, file.text);
    setMessage({ kind: 'exported', file: file.fileName });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setMessage({ kind: 'imported', ...(await restoreBackupFile(await file.text())) });
    } catch (error) {
      if (!(error instanceof BackupFormatError)) throw error;
      setMessage({ kind: 'invalid' });
    }
  };

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportNow()}>
          {t('backup.export')}
        </button>
        <label className="button">
          {t('backup.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => void importFile(e)}
          />
        </label>
      </div>
      {message && (
        <p
          role={message.kind === 'invalid' ? 'alert' : 'status'}
          className={message.kind === 'invalid' ? 'form__error' : ''}
        >
          {message.kind === 'exported' && t('backup.exported', { file: message.file })}
          {message.kind === 'imported' &&
            t('backup.imported', { records: message.records, changes: message.changes })}
          {message.kind === 'invalid' && t('backup.invalid')}
        </p>
      )}
    </section>
  );
}
