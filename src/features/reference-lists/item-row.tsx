import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSyncState } from '../../db/hooks.ts';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import type { Names, NamesProblem, StoredItem } from './list-edits.ts';
import { NamesForm } from './names-form.tsx';

export type RowControl = 'edit' | 'up' | 'down' | 'retire';

/** Asks a row to take the focus back after its change (a move re-orders the list). */
export interface FocusRequest {
  id: string;
  control: RowControl;
  /** Changes with every request, so the same control can be asked for twice. */
  serial: number;
}

export interface ItemRowProps {
  item: StoredItem;
  state: RecordSyncState | undefined;
  language: Language;
  first: boolean;
  last: boolean;
  editing: boolean;
  focus: FocusRequest | null;
  check: (names: Names) => { names: Names } | { problem: NamesProblem };
  onEdit: () => void;
  onCancelEdit: () => void;
  onRename: (names: Names) => Promise<void>;
  onMove: (direction: 'up' | 'down') => void;
  onRetire: (retired: boolean) => void;
}

/** One item of a list: its names, and the admin's actions on it. */
export function ItemRow({
  item,
  state,
  language,
  first,
  last,
  editing,
  focus,
  check,
  onEdit,
  onCancelEdit,
  onRename,
  onMove,
  onRetire,
}: ItemRowProps) {
  const { t } = useTranslation('reference-lists');
  const refs = useRef<Partial<Record<RowControl, HTMLButtonElement | null>>>({});
  const { body } = item;
  const name = body.names[language];

  useEffect(() => {
    if (!focus || focus.id !== item.id) return;
    const wanted = refs.current[focus.control];
    // At the top (or bottom) the arrow is disabled: the other one takes the focus.
    const fallback = focus.control === 'up' ? refs.current.down : refs.current.up;
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  }, [focus, item.id]);

  if (editing) {
    return (
      <li className="list__item lists-item">
        <NamesForm
          title={t('form.edit', { name })}
          initial={body.names}
          check={check}
          note={() => t('code', { code: body.code })}
          onSave={onRename}
          onCancel={onCancelEdit}
        />
      </li>
    );
  }

  const others = LANGUAGES.filter((l) => l !== language);
  return (
    <li
      className={
        body.retired ? 'list__item lists-item lists-item--retired' : 'list__item lists-item'
      }
    >
      <h3 className="list__title" lang={language}>
        {name}
      </h3>
      {body.retired && <p className="badge">{t('retiredBadge')}</p>}
      <p className="list__meta">
        {others.map((l) => (
          <span key={l} lang={l} className="lists-item__name">
            {body.names[l]}
          </span>
        ))}
        <span className="lists-item__name">{t('code', { code: body.code })}</span>
      </p>
      {(state === 'pending' || state === 'parked') && (
        <p className="sync-state sync-state--pending">{t('pending')}</p>
      )}
      <div className="lists-item__actions">
        <button
          type="button"
          className="button"
          ref={(el) => {
            refs.current.edit = el;
          }}
          aria-label={t('action.editNamed', { name })}
          onClick={onEdit}
        >
          {t('action.edit')}
        </button>
        <button
          type="button"
          className="button"
          ref={(el) => {
            refs.current.up = el;
          }}
          aria-label={t('action.upNamed', { name })}
          disabled={first}
          onClick={() => onMove('up')}
        >
          <span aria-hidden="true">↑</span>
          {t('action.up')}
        </button>
        <button
          type="button"
          className="button"
          ref={(el) => {
            refs.current.down = el;
          }}
          aria-label={t('action.downNamed', { name })}
          disabled={last}
          onClick={() => onMove('down')}
        >
          <span aria-hidden="true">↓</span>
          {t('action.down')}
        </button>
        <button
          type="button"
          className="button"
          ref={(el) => {
            refs.current.retire = el;
          }}
          aria-label={t(body.retired ? 'action.restoreNamed' : 'action.retireNamed', { name })}
          onClick={() => onRetire(!body.retired)}
        >
          {t(body.retired ? 'action.restore' : 'action.retire')}
        </button>
      </div>
    </li>
  );
}
