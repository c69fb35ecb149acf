import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { itemName, itemsOf, type ReferenceItem } from '../../domain/reference-list.ts';
import type { SexCounts, TrainingTotals } from '../../domain/training.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

/** Position codes in the list's order, then any the device does not know, then none. */
export function positionRows(
  byPosition: Record<string, SexCounts>,
  items: readonly ReferenceItem[],
): string[] {
  const ordered = itemsOf(items, 'training-position', { withRetired: true }).map((p) => p.code);
  const codes = Object.keys(byPosition);
  return [
    ...ordered.filter((code) => codes.includes(code)),
    ...codes.filter((code) => code !== '' && !ordered.includes(code)).sort(),
    ...(codes.includes('') ? [''] : []),
  ];
}

export interface SessionTotalsProps {
  totals: TrainingTotals;
  items: readonly ReferenceItem[];
}

/** The totals of one session: people, women, men, the share of women, and by position. */
export function SessionTotals({ totals, items }: SessionTotalsProps) {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const id = useId();
  const rows = positionRows(totals.byPosition, items);
  return (
    <section className="card" aria-labelledby={`${id}-title`} id="totals">
      <h2 id={`${id}-title`}>{t('totals.title')}</h2>
      <dl className="key-numbers" aria-label={t('totals.title')}>
        <div>
          <dt>{t('totals.total')}</dt>
          <dd>{format.number(totals.total)}</dd>
        </div>
        <div>
          <dt>{t('totals.women')}</dt>
          <dd>{format.number(totals.women)}</dd>
        </div>
        <div>
          <dt>{t('totals.men')}</dt>
          <dd>{format.number(totals.men)}</dd>
        </div>
        <div>
          <dt>{t('totals.share')}</dt>
          <dd>{totals.womenShare === null ? '—' : format.percent(totals.womenShare)}</dd>
        </div>
      </dl>
      <p className="muted">{t(`totals.source.${totals.source}`)}</p>
      {rows.length > 0 && (
        <TableScroll label={t('totals.byPosition')}>
          <table className="table">
            <caption>{t('totals.byPosition')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('totals.position')}</th>
                <th scope="col">{t('totals.women')}</th>
                <th scope="col">{t('totals.men')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((code) => (
                <tr key={code || 'none'}>
                  <th scope="row">
                    {code
                      ? itemName(items, 'training-position', code, format.language)
                      : t('totals.noPosition')}
                  </th>
                  <td>{format.number(totals.byPosition[code]?.women ?? 0)}</td>
                  <td>{format.number(totals.byPosition[code]?.men ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
