import type { ReactNode } from 'react';

export interface FigureTableData {
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  /** A totals row. */
  foot?: ReactNode[];
}

/** A table of figures: the first cell of each row is its header (the place or period). */
export function FigureTable({
  caption,
  data,
  className = 'table',
}: {
  caption: string;
  data: FigureTableData;
  className?: string;
}) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {data.head.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: headers are fixed per table.
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <td key={i} className="num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {data.foot && (
        <tfoot>
          <tr>
            {data.foot.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <td key={i} className="num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
