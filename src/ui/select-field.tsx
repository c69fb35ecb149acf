import { useId } from 'react';

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
}

/** A labelled select of a few fixed choices (a list's status or sync filter). */
export function SelectField<V extends string>({
  label,
  value,
  onChange,
  options,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled search box. */
export function SearchField({ label, value, onChange }: SearchFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const SYNC_STATES = ['pending', 'synced', 'parked', 'conflict'] as const;
export type SyncFilter = 'all' | (typeof SYNC_STATES)[number];

export interface SyncFilterFieldProps {
  label: string;
  allLabel: string;
  value: SyncFilter;
  onChange: (value: SyncFilter) => void;
  stateName: (state: (typeof SYNC_STATES)[number]) => string;
}

/** A list's filter by sync state: all, waiting, synced, refused, in conflict. */
export function SyncFilterField({
  label,
  allLabel,
  value,
  onChange,
  stateName,
}: SyncFilterFieldProps) {
  return (
    <SelectField<SyncFilter>
      label={label}
      value={value}
      onChange={onChange}
      options={[
        { value: 'all', label: allLabel },
        ...SYNC_STATES.map((state) => ({ value: state, label: stateName(state) })),
      ]}
    />
  );
}
