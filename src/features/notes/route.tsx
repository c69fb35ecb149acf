import { useTranslation } from 'react-i18next';
import { records } from '../../db/app-db.ts';
import { useRecordsWithState } from '../../db/hooks.ts';
import { useTerritoryLookup } from '../../db/territory-lookup.ts';
import { useDraft } from '../../db/use-draft.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { useSyncStateName } from '../../records/use-sync-state-name.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { useUiPrefs } from '../../ui/ui-prefs.ts';
import { type NoteDraft, NoteForm } from './note-form.tsx';

const EMPTY: NoteDraft = { title: '', text: '', districtId: '' };

export function Component() {
  const { t } = useTranslation('notes');
  const syncStateName = useSyncStateName();
  const format = useFormat();
  const account = useAccount();
  // Only consultants are limited to their districts; coordinators and admins record anywhere.
  const districtIds = account?.role === 'consultant' ? account.districtIds : [];
  const last = useUiPrefs((s) => s.lastTerritory);
  const initial: NoteDraft =
    last && (districtIds.length === 0 || districtIds.includes(last.districtId))
      ? { ...EMPTY, ...last }
      : districtIds.length === 1
        ? { ...EMPTY, districtId: districtIds[0] ?? '' }
        : EMPTY;
  const draft = useDraft('notes:new', initial);
  const notes = useRecordsWithState('lessons-note');
  const tree = useTerritoryTree();
  const territoryLookup = useTerritoryLookup();
  const districtName = (id: string) => territoryName(tree, id, format.language);

  const save = async (note: NoteDraft) => {
    const place = {
      districtId: note.districtId,
      ...(note.municipalityId ? { municipalityId: note.municipalityId } : {}),
    };
    await records.put({
      type: 'lessons-note',
      body: { ...place, title: note.title.trim(), text: note.text },
    });
    useUiPrefs.getState().setLastTerritory(place);
    await draft.discard();
  };

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {draft.ready && (
        <NoteForm
          value={draft.value}
          onChange={draft.update}
          onSave={save}
          districtIds={districtIds}
          districtName={districtName}
          tree={tree}
          territoryLookup={territoryLookup}
        />
      )}
      {notes && notes.length === 0 && <p className="muted">{t('empty')}</p>}
      <ul className="list">
        {notes?.map(({ record, state }) => (
          <li key={record.id} className="list__item">
            <h2 className="list__title">{record.body.title}</h2>
            <p className="list__meta">
              {districtName(record.body.districtId) ??
                t('district', { id: record.body.districtId })}{' '}
              · {format.date(new Date(record.updatedAt), 'short')}{' '}
              {format.time(new Date(record.updatedAt))}
            </p>
            {record.body.text && <p className="list__text">{record.body.text}</p>}
            <p className={`sync-state sync-state--${state}`}>{syncStateName(state)}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
