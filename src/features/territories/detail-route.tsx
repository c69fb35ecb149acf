import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRecordsWithState } from '../../db/hooks.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { MilestonesSection } from './milestones-section.tsx';
import { TerritoryLink } from './territory-link.tsx';

// Only admins need it: its own chunk, outside the precache.
const TerritoryAdmin = lazy(() =>
  import('./territory-admin.tsx').then((m) => ({ default: m.TerritoryAdmin })),
);

export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation('territories');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const tree = useTerritoryTree();
  const notes = useRecordsWithState('lessons-note');
  const account = useAccount();
  if (!tree) return null;
  const node = tree.byId.get(id);
  if (!node) {
    return <NotOnDevice message={t('notFound')} back="/municipalities" backLabel={t('back')} />;
  }
  const path = tree.path(id).slice(0, -1);
  const children = tree.childrenOf(id);
  const successor = node.successorId ? tree.byId.get(node.successorId) : undefined;
  const mergedIn = new Set(
    [...tree.byId.values()].filter((t) => tree.successor(t.id)?.id === id).map((t) => t.id),
  );
  const ownNotes = (notes ?? []).filter(({ record }) =>
    node.kind === 'district'
      ? record.body.districtId === id
      : node.kind === 'municipality' &&
        (record.body.municipalityId === id || mergedIn.has(record.body.municipalityId ?? '')),
  );

  return (
    <article className="page">
      <nav aria-label={t('back')} className="breadcrumbs">
        <Link to="/municipalities">{t('back')}</Link>
        {path.map((p) => (
          <span key={p.id}>
            {' › '}
            <Link to={`/municipalities/${p.id}`}>{p.names[format.language]}</Link>
          </span>
        ))}
      </nav>
      <h1 className="page__title">{node.names[format.language]}</h1>
      <p>
        {node.kind === 'municipality' && node.municipalityType
          ? t(`municipalityType.${node.municipalityType}`)
          : t(`kind.${node.kind}`)}
        {node.target && <span className="badge badge--small">{t('target')}</span>}
      </p>
      {successor && node.validTo && (
        <p className="notice">
          {t('merged', {
            name: successor.names[format.language],
            date: format.date(new Date(`${node.validTo}T00:00:00`), 'long'),
          })}
        </p>
      )}
      {account?.role === 'admin' && (
        <Suspense fallback={null}>
          <TerritoryAdmin key={`admin-${node.id}`} node={node} tree={tree} />
        </Suspense>
      )}
      {node.kind !== 'region' && (
        <MilestonesSection
          key={`milestones-${node.id}`}
          node={node}
          districtId={node.kind === 'district' ? node.id : (node.parentId ?? '')}
          mergedIds={mergedIn}
        />
      )}
      <section className="card" aria-labelledby="names">
        <h2 id="names">{t('otherNames')}</h2>
        <dl className="names">
          {(['ru', 'ky', 'en'] as const).map((lng) => (
            <div key={lng}>
              <dt lang={lng}>{tc(`language.${lng}`)}</dt>
              <dd lang={lng}>{node.names[lng]}</dd>
            </div>
          ))}
        </dl>
      </section>
      {node.kind !== 'municipality' && (
        <section aria-labelledby="children">
          <h2 id="children">{node.kind === 'region' ? t('districts') : t('municipalities')}</h2>
          {children.length === 0 && <p className="muted">{t('noMunicipalities')}</p>}
          <ul className="list list--plain">
            {children.map((child) => (
              <li key={child.id}>
                <TerritoryLink node={child} tree={tree} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {node.kind !== 'region' && (
        <section aria-labelledby="territory-notes">
          <h2 id="territory-notes">{t('notes')}</h2>
          {ownNotes.length === 0 && <p className="muted">{t('noNotes')}</p>}
          <ul className="list">
            {ownNotes.map(({ record }) => (
              <li key={record.id} className="list__item">
                <h3 className="list__title">{record.body.title}</h3>
                <p className="list__meta">{format.date(new Date(record.updatedAt), 'long')}</p>
                {record.body.text && <p className="list__text">{record.body.text}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
