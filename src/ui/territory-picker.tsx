import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryNode, TerritoryTree } from '../domain/territory-tree.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { PickedTerritory } from './ui-prefs.ts';

export interface TerritoryPickerProps {
  tree: TerritoryTree;
  value: PickedTerritory;
  onChange: (value: PickedTerritory) => void;
  /** A consultant's districts; undefined: every district. */
  allowedDistrictIds?: string[];
  invalid?: boolean;
  /** A municipality must be chosen (no "the district as a whole"): hearings, for one. */
  requireMunicipality?: boolean;
}

/**
 * Region, then district, then municipality, from the device's copy (works offline).
 * Only current municipalities are offered: merged ones live on in their successor.
 */
export function TerritoryPicker({
  tree,
  value,
  onChange,
  allowedDistrictIds,
  invalid,
  requireMunicipality = false,
}: TerritoryPickerProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const allowed = (d: TerritoryNode) =>
    d.kind === 'district' && (!allowedDistrictIds || allowedDistrictIds.includes(d.id));
  const regions = tree.regions.filter((r) => tree.childrenOf(r.id).some(allowed));
  const initialRegion =
    tree.byId.get(value.districtId)?.parentId ?? (regions.length === 1 ? regions[0]?.id : '');
  const [regionId, setRegionId] = useState(initialRegion ?? '');
  const districts = tree.childrenOf(regionId).filter(allowed);
  const municipalities = tree
    .childrenOf(value.districtId)
    .filter((m) => m.kind === 'municipality' && !m.successorId);

  const select = (
    id: string,
    label: string,
    current: string,
    options: TerritoryNode[],
    onPick: (id: string) => void,
    empty: string,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={current}
        aria-invalid={invalid && !current}
        onChange={(e) => onPick(e.target.value)}
      >
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.names[language]}
          </option>
        ))}
      </select>
    </div>
  );

  if (tree.byId.size === 0) return <p className="notice">{t('picker.noData')}</p>;
  return (
    <>
      {regions.length > 1 &&
        select(
          'picker-region',
          t('picker.region'),
          regionId,
          regions,
          (id) => {
            setRegionId(id);
            onChange({ districtId: '' });
          },
          t('picker.choose'),
        )}
      {select(
        'picker-district',
        t('picker.district'),
        value.districtId,
        districts,
        (id) => onChange({ districtId: id }),
        t('picker.choose'),
      )}
      {value.districtId &&
        select(
          'picker-municipality',
          t('picker.municipality'),
          value.municipalityId ?? '',
          municipalities,
          (id) => onChange({ districtId: value.districtId, ...(id ? { municipalityId: id } : {}) }),
          requireMunicipality ? t('picker.choose') : t('picker.wholeDistrict'),
        )}
    </>
  );
}
