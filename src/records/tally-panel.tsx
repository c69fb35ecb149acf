import { useEffect, useId, useState } from 'react';
import './tally-panel.css';
import { useTranslation } from 'react-i18next';
import {
  countOf,
  groupKey,
  groupsAboveTotal,
  MAX_COUNT,
  remember,
  setCount,
  type Tally,
  type TallyHistory,
  type TallyKey,
  tap,
  totalOf,
  undo,
  womenShare,
} from '../domain/attendance.ts';
import { itemName, type ReferenceItem } from '../domain/reference-list.ts';
import { useFormat } from '../i18n/use-format.ts';

export interface TallyPanelProps {
  tally: Tally;
  /** Called with the new tally on every tap, typed number and undo. */
  onChange: (next: Tally) => void;
  /** The `participant-group` reference items offered as counters, in order. */
  groups: readonly ReferenceItem[];
  /** Heading of the panel; defaults to "Attendance". */
  title?: string;
}

/**
 * Live attendance: big - / + counters for women and men, smaller ones for each group,
 * numbers that can be typed (counting from the sheet afterwards), totals and the share of
 * women as they change, and an undo for the last taps.
 */
export function TallyPanel({ tally, onChange, groups, title }: TallyPanelProps) {
  const { t } = useTranslation('attendance');
  const format = useFormat();
  const [history, setHistory] = useState<TallyHistory>({ past: [] });
  const headingId = useId();

  const change = (next: Tally) => {
    if (JSON.stringify(next) === JSON.stringify(tally)) return;
    setHistory((h) => remember(h, tally));
    onChange(next);
  };
  const back = () => {
    const previous = undo(history);
    if (!previous) return;
    setHistory(previous.history);
    onChange(previous.tally);
  };

  const total = totalOf(tally);
  const share = womenShare(tally);
  const tooMany = groupsAboveTotal(tally);
  const groupName = (code: string) => itemName(groups, 'participant-group', code, format.language);
  // Groups counted before and since retired still show, after the current list.
  const shownGroups = [
    ...groups.map((g) => g.code),
    ...Object.keys(tally.groups).filter((code) => !groups.some((g) => g.code === code)),
  ];

  const counter = (key: TallyKey, label: string, big: boolean) => (
    <Counter
      key={key}
      label={label}
      value={countOf(tally, key)}
      big={big}
      onTap={(delta) => change(tap(tally, key, delta))}
      onType={(value) => change(setCount(tally, key, value))}
    />
  );

  return (
    <section className="card tally" aria-labelledby={headingId}>
      <div className="tally__head">
        <h2 id={headingId}>{title ?? t('tally.title')}</h2>
        <p className="tally__summary" aria-live="polite">
          <span>{t('tally.total', { count: total, total: format.number(total) })}</span>
          <span>
            {share === null
              ? t('tally.noShare')
              : t('tally.womenShare', { share: format.percent(share) })}
          </span>
        </p>
      </div>
      <div className="tally__main">
        {counter('women', t('tally.women'), true)}
        {counter('men', t('tally.men'), true)}
      </div>
      {shownGroups.length > 0 && (
        <fieldset className="tally__groups">
          <legend>{t('tally.groups')}</legend>
          {shownGroups.map((code) => counter(groupKey(code), groupName(code), false))}
        </fieldset>
      )}
      {tooMany.length > 0 && (
        <p className="notice" role="status">
          {t('tally.groupAboveTotal', { groups: tooMany.map(groupName).join(', ') })}
        </p>
      )}
      <button
        type="button"
        className="button tally__undo"
        onClick={back}
        disabled={history.past.length === 0}
      >
        {t('tally.undo', { count: history.past.length })}
      </button>
    </section>
  );
}

interface CounterProps {
  label: string;
  value: number;
  big: boolean;
  onTap: (delta: 1 | -1) => void;
  onType: (value: number) => void;
}

/** One counter: -, the number (type it), +. A typed number that is not a count is refused. */
function Counter({ label, value, big, onTap, onType }: CounterProps) {
  const { t } = useTranslation('attendance');
  const inputId = useId();
  const [text, setText] = useState(String(value));
  const [editing, setEditing] = useState(false);
  const invalid = editing && !/^\d{1,6}$/.test(text.trim());

  useEffect(() => {
    if (!editing) setText(String(value));
  }, [value, editing]);

  const commit = () => {
    setEditing(false);
    if (/^\d{1,6}$/.test(text.trim())) onType(Math.min(MAX_COUNT, Number(text.trim())));
    else setText(String(value));
  };

  return (
    <div className={big ? 'counter counter--big' : 'counter'}>
      <label className="counter__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="counter__row">
        <button
          type="button"
          className="counter__button"
          aria-label={t('tally.minus', { label })}
          onClick={() => onTap(-1)}
          disabled={value === 0}
        >
          −
        </button>
        <input
          id={inputId}
          className="counter__value"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          onFocus={(e) => {
            setEditing(true);
            e.target.select();
          }}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
        />
        <button
          type="button"
          className="counter__button counter__button--plus"
          aria-label={t('tally.plus', { label })}
          onClick={() => onTap(1)}
        >
          +
        </button>
      </div>
      {invalid && (
        <p id={`${inputId}-error`} className="form__error">
          {t('tally.notACount')}
        </p>
      )}
    </div>
  );
}
