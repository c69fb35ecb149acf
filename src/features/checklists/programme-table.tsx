import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIMENSION_CODES, type DimensionCode } from '../../domain/checklist.ts';
import type { ProgrammeRow } from '../../domain/checklist-score.ts';
import { keepDatesWhole } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { band } from './score-words.ts';

type Column = 'name' | DimensionCode | 'overall' | 'date';
type Direction = 'ascending' | 'descending';

export interface ProgrammeTableProps {
  rows: readonly ProgrammeRow[];
  nameOf: (territoryId: string) => string;
}

/** Every evaluated programme by its latest final evaluation; each column sorts. */
export function ProgrammeTable({ rows, nameOf }: ProgrammeTableProps) {
  const { t } = useTranslation('checklists');
  const format = useFormat();
  const [sort, setSort] = useState<{ column: Column; direction: Direction }>({
    column: 'name',
    direction: 'ascending',
  });
  const collator = useMemo(
    () => new Intl.Collator(format.language === 'en' ? 'en' : 'ru'),
    [format.language],
  );

  const sorted = useMemo(() => {
    const value = (row: ProgrammeRow): string | number | null => {
      if (sort.column === 'name') return nameOf(row.territoryId);
      if (sort.column === 'date') return row.date;
      if (sort.column === 'overall') return row.overall;
      return row.dimensions[sort.column];
    };
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      // Programmes without a score stay at the bottom either way.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      return sign * order || collator.compare(nameOf(a.territoryId), nameOf(b.territoryId));
    });
  }, [rows, sort, nameOf, collator]);

  /** `full`: the name a short header (a dimension) is read out with. */
  const header = (column: Column, label: string, full?: string) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? sort.direction : undefined}>
        <button
          type="button"
          className="sort-button"
          title={full}
          onClick={() =>
            setSort({
              column,
              direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending',
            })
          }
        >
          {full ? (
            <>
              <span aria-hidden="true">{label}</span>
              <span className="visually-hidden">{full}</span>
            </>
          ) : (
            label
          )}
          <span aria-hidden="true" className="sort-button__mark">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  const cell = (percent: number | null, key?: string) => (
    <td key={key} className={`score-cell score-cell--${band(percent)}`}>
      {percent === null ? '—' : format.percent(percent / 100)}
    </td>
  );

  if (rows.length === 0) return <p className="muted">{t('table.empty')}</p>;
  return (
    <TableScroll label={t('table.caption')}>
      <table className="table programme-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            {header('name', t('table.programme'))}
            {DIMENSION_CODES.map((code) =>
              header(code, t(`dimensionShort.${code}`), t(`dimension.${code}`)),
            )}
            {header('overall', t('table.overall'))}
            {header('date', t('table.date'))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.territoryId}>
              <th scope="row">
                <Link to={`/checklists/${row.evaluationId}`}>{nameOf(row.territoryId)}</Link>
                <span className="programme-table__draft">{keepDatesWhole(row.draftLabel)}</span>
              </th>
              {DIMENSION_CODES.map((code) => cell(row.dimensions[code], code))}
              {cell(row.overall)}
              <td>{format.date(new Date(`${row.date}T12:00:00`), 'short')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
