import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { records } from '../../db/app-db.ts';
import { type RecordSyncState, useRecordsWithState } from '../../db/hooks.ts';
import {
  REFERENCE_LISTS,
  type ReferenceItem,
  type ReferenceList,
} from '../../domain/reference-list.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FormError } from '../../ui/form-actions.tsx';
import { type FocusRequest, ItemRow } from './item-row.tsx';
import {
  checkNames,
  listItems,
  moveItem,
  type Names,
  newItem,
  newItemCode,
  renamed,
  type StoredItem,
  withRetired,
} from './list-edits.ts';
import { NamesForm } from './names-form.tsx';

const TYPE = 'reference-item';
const EMPTY_NAMES: Names = { ru: '', ky: '', en: '' };

const isList = (value: string | null): value is ReferenceList =>
  (REFERENCE_LISTS as readonly (string | null)[]).includes(value);

/** The admin's editor of the three reference lists; every change is a synced record. */
export function ReferenceListsScreen() {
  const { t } = useTranslation('reference-lists');
  const { language } = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('list');
  // Held here too, so the choice shows at once; the address keeps it for a reload.
  const [list, setList] = useState<ReferenceList>(isList(asked) ? asked : 'participant-group');
  const rows = useRecordsWithState(TYPE);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const all: StoredItem[] = useMemo(
    () => (rows ?? []).map(({ record }) => ({ id: record.id, body: record.body })),
    [rows],
  );
  const states = useMemo(
    () => new Map<string, RecordSyncState>((rows ?? []).map((r) => [r.record.id, r.state])),
    [rows],
  );
  const shown = useMemo(() => listItems(list, all), [list, all]);
  const bodies = useMemo(() => all.map((item) => item.body), [all]);

  const choose = (next: ReferenceList) => {
    setEditing(null);
    setDone(null);
    setFailed(false);
    setList(next);
    setParams({ list: next }, { replace: true });
  };

  const save = (id: string | undefined, body: ReferenceItem) =>
    records.put({ type: TYPE, id, body });

  /** Quick actions (move, retire) write at once; one at a time. */
  const act = async (changes: StoredItem[], message: string, request: FocusRequest) => {
    if (busy || changes.length === 0) return;
    setBusy(true);
    setFailed(false);
    try {
      for (const change of changes) await save(change.id, change.body);
      setDone(message);
      setFocus(request);
    } catch {
      setDone(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const focusOn = (id: string, control: FocusRequest['control']): FocusRequest => ({
    id,
    control,
    serial: (focus?.serial ?? 0) + 1,
  });

  return (
    <article className="page lists">
      <h1 className="page__title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <fieldset className="choices lists__choice">
        <legend>{t('choose')}</legend>
        {REFERENCE_LISTS.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="reference-list"
              value={option}
              checked={list === option}
              onChange={() => choose(option)}
            />
            {t(`lists.${option}`)}
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="lists-current">
        <h2 id="lists-current">{t(`lists.${list}`)}</h2>
        <p className="muted">{t('retiredHint')}</p>
        <div aria-live="polite">{done && <p className="form__ok">{done}</p>}</div>
        <FormError message={failed ? t('error.save') : null} />
        {rows === undefined && <p className="muted">{t('loading')}</p>}
        {rows !== undefined && shown.length === 0 && <p className="notice">{t('empty')}</p>}
        <ol className="list lists__items">
          {shown.map((item, index) => {
            const name = item.body.names[language];
            return (
              <ItemRow
                key={item.id}
                item={item}
                state={states.get(item.id)}
                language={language}
                first={index === 0}
                last={index === shown.length - 1}
                editing={editing === item.id}
                focus={focus}
                check={(names) => checkNames(names, list, all, item.id)}
                onEdit={() => {
                  setDone(null);
                  setEditing(item.id);
                }}
                onCancelEdit={() => {
                  setEditing(null);
                  setFocus(focusOn(item.id, 'edit'));
                }}
                onRename={async (names) => {
                  await save(item.id, renamed(item.body, names));
                  setEditing(null);
                  setDone(t('done.saved', { name: names[language] }));
                  setFocus(focusOn(item.id, 'edit'));
                }}
                onMove={(direction) =>
                  void act(
                    moveItem(list, all, item.id, direction),
                    t('done.moved', { name }),
                    focusOn(item.id, direction),
                  )
                }
                onRetire={(retired) =>
                  void act(
                    [{ id: item.id, body: withRetired(item.body, retired) }],
                    t(retired ? 'done.retired' : 'done.restored', { name }),
                    focusOn(item.id, 'retire'),
                  )
                }
              />
            );
          })}
        </ol>
        {editing === 'new' ? (
          <div className="card">
            <NamesForm
              title={t('form.add')}
              initial={EMPTY_NAMES}
              check={(names) => checkNames(names, list, all)}
              note={(names) => t('newCode', { code: newItemCode(names.en, list, bodies) })}
              onSave={async (names) => {
                const body = newItem(list, names, bodies);
                await save(undefined, body);
                setEditing(null);
                setDone(t('done.added', { name: names[language] }));
              }}
              onCancel={() => setEditing(null)}
            />
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setDone(null);
                setEditing('new');
              }}
            >
              {t('action.add')}
            </button>
          </div>
        )}
      </section>
    </article>
  );
}
