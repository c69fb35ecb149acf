import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format.ts';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { TerritoryLink } from './territory-link.tsx';

export function Component() {
  const { t } = useTranslation('territories');
  const { t: tc } = useTranslation();
  const { language } = useFormat();
  const tree = useTerritoryTree();
  const account = useAccount();
  const [query, setQuery] = useState('');

  const mine = (account?.districtIds ?? []).flatMap((id) => {
    const node = tree?.byId.get(id);
    return node ? [node] : [];
  });
  const results = query.trim() && tree ? tree.search(query) : null;

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor="territory-search">
          {t('search')}
        </label>
        <input
          id="territory-search"
          type="search"
          value={query}
          placeholder={t('searchHint')}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {tree && tree.byId.size === 0 && (
        <p className="notice">
          {t('noData')} <Link to="/sync">{tc('nav.sync')}</Link>
        </p>
      )}
      {results && (
        <section aria-label={t('results', { count: results.length })}>
          <p className="muted" role="status">
            {results.length ? t('results', { count: results.length }) : t('noMatch', { query })}
          </p>
          <ul className="list list--plain">
            {results.slice(0, 100).map((node) => (
              <li key={node.id}>
                <TerritoryLink node={node} tree={tree as NonNullable<typeof tree>} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {!results && tree && mine.length > 0 && (
        <section aria-labelledby="your-districts">
          <h2 id="your-districts">{t('yourDistricts')}</h2>
          <ul className="list list--plain">
            {mine
              .flatMap((district) => [district, ...tree.childrenOf(district.id)])
              .map((node) => (
                <li key={node.id}>
                  <TerritoryLink node={node} tree={tree} />
                </li>
              ))}
          </ul>
        </section>
      )}
      {!results && tree && tree.regions.length > 0 && (
        <section aria-labelledby="all-regions">
          <h2 id="all-regions">{t('allRegions')}</h2>
          {tree.regions.map((region) => (
            <details key={region.id} className="region">
              <summary className="region__summary">{region.names[language]}</summary>
              <ul className="list list--plain">
                {tree.childrenOf(region.id).map((district) => (
                  <li key={district.id}>
                    <TerritoryLink node={district} tree={tree} />
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      )}
    </article>
  );
}
