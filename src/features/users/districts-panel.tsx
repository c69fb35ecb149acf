import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import type { DistrictGroup } from './district-groups.ts';
import { DistrictPicker } from './district-picker.tsx';

/** The districts a consultant works in, ticked in their regions. */
export function DistrictsPanel({
  name,
  groups,
  initial,
  busy,
  problem,
  onSave,
  onCancel,
}: {
  name: string;
  groups: DistrictGroup[];
  initial: string[];
  busy: boolean;
  problem: string | null;
  onSave: (districtIds: string[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const titleId = useId();
  const [selected, setSelected] = useState<string[]>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(selected);
  };
  return (
    <form className="form user__panel" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="user__panel-title">
        {t('form.districtsTitle', { name })}
      </h4>
      <DistrictPicker groups={groups} selected={selected} onChange={setSelected} />
      <FormError message={problem} />
      <SaveCancel
        saveLabel={busy ? t('form.saving') : t('form.saveDistricts')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
