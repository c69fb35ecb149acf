import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface FilterFoldProps {
  /** How many filters narrow the list now (a search typed counts as one). */
  active: number;
  /** The filters' accessible name ("Filters"). */
  label: string;
  /** Things shown beside the button (the list's "New …" action). */
  actions?: ReactNode;
  children: ReactNode;
}

const wide = () => window.matchMedia?.('(min-width: 900px)').matches === true;

/**
 * A list's filters folded behind one "Filter (n)" button on a phone, so the first record is
 * on the first screen; open from the start on a laptop, where there is room.
 */
export function FilterFold({ active, label, actions, children }: FilterFoldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(wide);
  return (
    <>
      <div className="list-actions">
        {actions}
        <button
          type="button"
          className={`button filter-fold__toggle${active > 0 ? ' filter-fold__toggle--active' : ''}`}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {active > 0 ? t('filter.active', { count: active }) : t('filter.none')}
        </button>
      </div>
      <search id={id} className="card filters" aria-label={label} hidden={!open}>
        {children}
      </search>
    </>
  );
}
