import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordsOfType } from '../../db/hooks.ts';
import type { Hearing } from '../../domain/hearing.ts';
import type { SyncedRecord } from '../../domain/record.ts';
import { toCsv } from '../../export/csv.ts';
import { useLabels } from '../../export/use-labels.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { FilterBar } from '../../figures/filter-bar.tsx';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { exportTables } from './export-data.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** CSV per table and one XLSX workbook of all, of the records within the filter. */
export function ExportsPage() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  // Exports write every field of a hearing: only this page reads them in full.
  const hearings = useRecordsOfType('hearing');
  const { search } = useDashboardFilter();
  return (
    <article className="page dashboard">
      <h1 className="page__title">{t('exports.title')}</h1>
      <DashboardNav search={search} />
      <p className="lead">{t('exports.intro')}</p>
      {data && hearings ? (
        <ExportsBody data={data} hearings={hearings} />
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
    </article>
  );
}

function ExportsBody({
  data,
  hearings,
}: {
  data: DashboardData;
  hearings: readonly SyncedRecord<Hearing>[];
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { filter, setFilter, scope } = useDashboardFilter();
  const labels = useLabels(data.tree, data.items);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const tables = exportTables(data, hearings, filter, scope, t, labels);

  const xlsx = async () => {
    setBusy(true);
    setError(false);
    try {
      const { toXlsx, XLSX_MIME } = await import('../../export/xlsx.ts');
      downloadFile(
        `sedp-${today()}.xlsx`,
        toXlsx(tables.map((x) => x.table)) as Uint8Array<ArrayBuffer>,
        XLSX_MIME,
      );
    } catch {
      // Offline before the writer was ever loaded: CSV still works.
      setError(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FilterBar tree={data.tree} filter={filter} scope={scope} onChange={setFilter} />
      <section aria-labelledby="exports-xlsx" className="card">
        <h2 id="exports-xlsx">{t('exports.xlsxTitle')}</h2>
        <p className="muted">{t('exports.xlsxIntro')}</p>
        <button type="button" className="button button--primary" disabled={busy} onClick={xlsx}>
          {t('exports.xlsx')}
        </button>
        {error && (
          <p className="form__error" role="alert">
            {t('exports.xlsxFailed')}
          </p>
        )}
      </section>
      <section aria-labelledby="exports-csv">
        <h2 id="exports-csv">{t('exports.csvTitle')}</h2>
        <p className="muted">{t('exports.csvIntro')}</p>
        <ul className="list">
          {tables.map(({ key, table }) => (
            <li key={key} className="list__item">
              <h3 className="list__title">{table.name}</h3>
              <p className="list__meta">
                {t('exports.rows', {
                  count: table.rows.length,
                  n: format.number(table.rows.length),
                })}
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-label={t('exports.csvOf', { table: table.name })}
                  onClick={() =>
                    downloadFile(
                      `sedp-${key}-${today()}.csv`,
                      toCsv(table),
                      'text/csv;charset=utf-8',
                    )
                  }
                >
                  {t('exports.csv')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
