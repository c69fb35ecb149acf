import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TerritoryNode, TerritoryTree } from '../../domain/territory-tree.ts';
import { useFormat } from '../../i18n/use-format.ts';

/** One territory in a list: its name, what it is, and where it is. */
export function TerritoryLink({ node, tree }: { node: TerritoryNode; tree: TerritoryTree }) {
  const { t } = useTranslation('territories');
  const { language } = useFormat();
  const place = tree
    .path(node.id)
    .slice(0, -1)
    .map((p) => p.names[language])
    .join(' › ');
  return (
    <Link to={`/municipalities/${node.id}`} className="territory-link">
      <span className="territory-link__name">{node.names[language]}</span>
      <span className="territory-link__meta">
        {node.kind === 'municipality' && node.municipalityType
          ? t(`municipalityType.${node.municipalityType}`)
          : t(`kind.${node.kind}`)}
        {place && ` · ${t('in', { place })}`}
        {node.target && <span className="badge badge--small">{t('target')}</span>}
      </span>
    </Link>
  );
}
