import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../db/database.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

export interface ConflictListProps {
  conflicts: Conflict[];
  onKeepMine: (id: string) => void;
  onKeepTheirs: (id: string) => void;
}

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** Both versions side by side, field by field; the user decides, nothing is overwritten silently. */
export function ConflictList({ conflicts, onKeepMine, onKeepTheirs }: ConflictListProps) {
  const { t } = useTranslation('sync');
  return (
    <section className="card" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts.title')}</h2>
      {conflicts.length === 0 ? (
        <p className="muted">{t('conflicts.none')}</p>
      ) : (
        <p>{t('conflicts.intro')}</p>
      )}
      {conflicts.map((conflict) => {
        const mine = conflict.local.body;
        const theirs = conflict.remote.body;
        const fields = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
          (key) => show(mine[key]) !== show(theirs[key]),
        );
        const title = show(mine.title ?? theirs.title ?? conflict.id);
        return (
          <div key={conflict.id} className="conflict">
            <h3 className="list__title">
              {t(`type.${conflict.type}` as 'type.lessons-note', { defaultValue: conflict.type })}:{' '}
              {title}
            </h3>
            <TableScroll label={title}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('conflicts.field')}</th>
                    <th scope="col">{t('conflicts.mine')}</th>
                    <th scope="col">
                      {t('conflicts.theirs', { user: conflict.remote.updatedBy })}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.local.deleted !== conflict.remote.deleted && (
                    <tr>
                      <th scope="row">—</th>
                      <td>{conflict.local.deleted ? t('conflicts.deleted') : ''}</td>
                      <td>{conflict.remote.deleted ? t('conflicts.deleted') : ''}</td>
                    </tr>
                  )}
                  {fields.map((key) => (
                    <tr key={key}>
                      <th scope="row">{key}</th>
                      <td>{show(mine[key])}</td>
                      <td>{show(theirs[key])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => onKeepMine(conflict.id)}
              >
                {t('conflicts.keepMine')}
              </button>
              <button type="button" className="button" onClick={() => onKeepTheirs(conflict.id)}>
                {t('conflicts.keepTheirs')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
