import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictGroup } from './district-groups.ts';

export interface DistrictPickerProps {
  groups: DistrictGroup[];
  selected: readonly string[];
  onChange: (districtIds: string[]) => void;
}

/** Districts as checkboxes under their regions; regions holding a ticked district start open. */
export function DistrictPicker({ groups, selected, onChange }: DistrictPickerProps) {
  const { t } = useTranslation('users');
  const hintId = useId();
  // Read once: a region the user closes stays closed while they tick elsewhere.
  const [initiallyOpen] = useState(
    () =>
      new Set(
        groups.filter((g) => g.districts.some((d) => selected.includes(d.id))).map((g) => g.id),
      ),
  );
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <fieldset className="choices" aria-describedby={hintId}>
      <legend>{t('districts.legend')}</legend>
      <p id={hintId} className="muted">
        {groups.length > 0 ? t('districts.hint') : t('districts.none')}
      </p>
      {groups.map((group) => {
        const chosen = group.districts.filter((d) => selected.includes(d.id)).length;
        return (
          <details key={group.id} className="region" open={initiallyOpen.has(group.id)}>
            <summary className="region__summary">
              {group.name}
              {chosen > 0 && (
                <span className="district-picker__count">
                  {t('districts.chosen', { count: chosen })}
                </span>
              )}
            </summary>
            <div className="choices district-picker__list">
              {group.districts.map((district) => (
                <label key={district.id} className="choice">
                  <input
                    type="checkbox"
                    checked={selected.includes(district.id)}
                    onChange={(e) => toggle(district.id, e.target.checked)}
                  />
                  {district.name}
                </label>
              ))}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
