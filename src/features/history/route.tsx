import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAnyRecord } from '../../db/hooks.ts';
import { withChanges } from '../../domain/record-history.ts';
import { useOnline } from '../../ui/use-online.ts';
import './history.css';
import { useAccount } from '../../session/account.ts';
import { editorPath } from './editor-path.ts';
import { restoreVersion } from './restore-version.ts';
import { useRecordHistory } from './use-record-history.ts';
import { VersionItem } from './version-item.tsx';

/** A record's versions as the server keeps them, newest first; online only. */
export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation('history');
  const navigate = useNavigate();
  const online = useOnline();
  const local = useAnyRecord(id);
  const account = useAccount();
  const { state, reload } = useRecordHistory(id, online);
  const [problem, setProblem] = useState<'invalid' | 'failed' | null>(null);

  const history = state.kind === 'ready' ? state.history : null;
  const back = editorPath(local?.type ?? history?.type, id);
  const versions = useMemo(
    () => (history ? withChanges(history.versions).reverse() : []),
    [history],
  );
  const currentRev = versions.find((version) => version.kind === 'applied')?.rev;
  // Restoring edits this device's copy (its rev is the base the server checks), so the
  // record must be here; only its author or an admin may do it.
  const mayRestore =
    account !== null &&
    history !== null &&
    Boolean(local) &&
    (account.role === 'admin' || account.username === history.createdBy);

  const restore = async (body: Record<string, unknown>) => {
    if (!history || !account || !window.confirm(t('restore.confirm'))) return;
    setProblem(null);
    try {
      const result = await restoreVersion({ type: history.type, id, body });
      if (result === 'invalid') setProblem('invalid');
      else navigate(back);
    } catch {
      setProblem('failed');
    }
  };

  return (
    <article className="page history">
      <p>
        <Link className="back-link" to={back}>
          {t('back')}
        </Link>
      </p>
      <h1 className="page__title">{t('title')}</h1>
      {state.kind === 'loading' && <p className="muted">{t('loading')}</p>}
      {state.kind === 'failed' && (
        <div className="notice" role="alert">
          <p>{state.problem === 'offline' ? t('offline') : t(`problem.${state.problem}`)}</p>
          {online && (
            <div className="notice__actions">
              <button type="button" className="button" onClick={reload}>
                {t('retry')}
              </button>
            </div>
          )}
        </div>
      )}
      {history && (
        <>
          <p className="muted">{t('intro')}</p>
          {problem && (
            <p className="form__error" role="alert">
              {t(`restore.${problem}`)}
            </p>
          )}
          <ol className="list history__versions" aria-label={t('versions')}>
            {versions.map((version) => (
              <VersionItem
                key={version.rev}
                version={version}
                current={version.rev === currentRev}
                onRestore={
                  mayRestore && !version.deleted && version.rev !== currentRev
                    ? () => void restore(version.body)
                    : undefined
                }
              />
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
