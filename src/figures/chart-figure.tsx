import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../ui/table-scroll.tsx';
import { BarChart, type BarChartProps } from './bar-chart.tsx';
import { FigureTable, type FigureTableData } from './figure-table.tsx';

export interface ChartFigureProps {
  title: string;
  chart: BarChartProps;
  table: FigureTableData;
  /** What the figures count, under the chart. */
  note?: string;
  /** Shown as a slide: bigger type, the table always visible. */
  slide?: boolean;
}

/**
 * A chart and its table: the table is always there for screen readers and printing, and
 * shown on screen on request (the chart itself is hidden from assistive technology).
 */
export function ChartFigure({ title, chart, table, note, slide = false }: ChartFigureProps) {
  const { t } = useTranslation('dashboard');
  const [showTable, setShowTable] = useState(slide);
  const id = useId();
  const empty = table.rows.length === 0;
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-figure__title">
        {title}
      </figcaption>
      {empty ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <>
          <BarChart {...chart} size={slide ? 'large' : 'normal'} label={title} />
          {note && <p className="muted chart-figure__note">{note}</p>}
          <button
            type="button"
            className="button no-print"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((shown) => !shown)}
          >
            {showTable ? t('chart.hideTable') : t('chart.showTable')}
          </button>
          <TableScroll
            id={`${id}-table`}
            label={title}
            focusable={showTable}
            className={showTable ? undefined : 'chart-figure__table--screen-hidden'}
          >
            <FigureTable caption={title} data={table} />
          </TableScroll>
        </>
      )}
    </figure>
  );
}
