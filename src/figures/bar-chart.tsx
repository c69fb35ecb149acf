import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

export interface BarChartProps {
  labels: string[];
  series: BarSeries[];
  /** Bars of a category on top of each other (women + men = everyone). */
  stacked?: boolean;
  /** Upper end of the value axis (100 for percentages). */
  max?: number;
  /** How values read on the axis and in tooltips, in the user's language. */
  formatValue?: (value: number) => string;
  /** Taller bars for the presentation. */
  size?: 'normal' | 'large';
  /** What the chart shows, for assistive technology (the figures are in its table). */
  label?: string;
  /** Lines a category name may take before it is cut short (its table has it in full). */
  maxLabelLines?: number;
}

type ChartInstance = { destroy(): void };

/**
 * A long category name over several lines (at spaces), so the axis need not cut it off;
 * beyond `maxLines` it ends in an ellipsis (the table beside the chart has it in full).
 */
export function wrapLabel(text: string, width = 24, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length === 0) return [text];
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

const FONT_SIZE = { normal: 13, large: 18 } as const;
const LABEL_WIDTH = { normal: 22, large: 24 } as const;

/** Room for the axis and legend, and for every category as tall as the tallest label. */
export function chartHeight(
  labels: readonly string[],
  size: 'normal' | 'large',
  maxLines = 3,
): number {
  const lines = Math.max(
    1,
    ...labels.map((label) => wrapLabel(label, LABEL_WIDTH[size], maxLines).length),
  );
  const category = lines * FONT_SIZE[size] * 1.25 + 14;
  return Math.max(size === 'large' ? 240 : 160, Math.ceil(labels.length * category) + 100);
}

/**
 * Horizontal bars (long municipality names stay readable on a phone). Chart.js is loaded
 * on first use; if it cannot be (offline before it was ever cached), the table that goes
 * with every chart still carries the figures, and a short note says so.
 */
export function BarChart({
  labels,
  series,
  stacked = false,
  max,
  formatValue = String,
  size = 'normal',
  label,
  maxLabelLines = 3,
}: BarChartProps) {
  const { t } = useTranslation('dashboard');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const format = useRef(formatValue);
  format.current = formatValue;
  const key = JSON.stringify({ labels, series, stacked, max, size, maxLabelLines });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the chart's inputs.
  useEffect(() => {
    let chart: ChartInstance | undefined;
    let cancelled = false;
    const big = size === 'large';
    const fontSize = FONT_SIZE[size];
    import('./chart-setup.ts').then(
      ({ Chart }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels: labels.map((label) => wrapLabel(label, LABEL_WIDTH[size], maxLabelLines)),
            datasets: series.map((s) => ({
              label: s.label,
              data: s.values,
              backgroundColor: s.color,
              borderWidth: 0,
              maxBarThickness: big ? 40 : 28,
            })),
          },
          options: {
            indexAxis: 'y',
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: {
              x: {
                stacked,
                beginAtZero: true,
                max,
                ticks: {
                  callback: (value) => format.current(Number(value)),
                  precision: 0,
                  font: { size: fontSize },
                },
              },
              y: { stacked, ticks: { autoSkip: false, font: { size: fontSize } } },
            },
            plugins: {
              legend: {
                display: series.length > 1,
                position: 'bottom',
                labels: { font: { size: fontSize } },
              },
              tooltip: {
                callbacks: {
                  label: (item) => `${item.dataset.label}: ${format.current(Number(item.raw))}`,
                },
              },
            },
          },
        });
        setState('ready');
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);

  const height = chartHeight(labels, size, maxLabelLines);
  if (state === 'failed') return <p className="muted no-print">{t('chart.unavailable')}</p>;
  return (
    <div className="bar-chart" style={{ height }} data-state={state}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label ? t('chart.label', { title: label }) : undefined}
      />
    </div>
  );
}
