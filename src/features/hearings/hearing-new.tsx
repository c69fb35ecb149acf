import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { records } from '../../db/app-db.ts';
import { useDraft } from '../../db/use-draft.ts';
import { newHearing } from '../../domain/hearing.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';
import { TerritoryPicker } from '../../ui/territory-picker.tsx';
import { type PickedTerritory, useUiPrefs } from '../../ui/ui-prefs.ts';
import { useTerritoryTree } from '../../ui/use-territory-tree.ts';

/** Starting a hearing takes only the municipality: the date and start time are now. */
export function HearingNew() {
  const { t } = useTranslation('hearings');
  const navigate = useNavigate();
  const tree = useTerritoryTree();
  const account = useUiPrefs((s) => s.account);
  const last = useUiPrefs((s) => s.lastTerritory);
  const districtIds = account?.role === 'consultant' ? account.districtIds : [];
  const initial: PickedTerritory =
    last && (districtIds.length === 0 || districtIds.includes(last.districtId))
      ? last
      : { districtId: districtIds.length === 1 ? (districtIds[0] ?? '') : '' };
  const draft = useDraft<PickedTerritory>('hearings:new', initial);
  const [problem, setProblem] = useState<'municipality' | 'save' | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const { districtId, municipalityId } = draft.value;
    if (!districtId || !municipalityId) return setProblem('municipality');
    setBusy(true);
    try {
      const saved = await records.put({
        type: 'hearing',
        body: newHearing({ districtId, municipalityId }, new Date()),
        updatedBy: account?.username ?? 'unknown',
      });
      useUiPrefs.getState().setLastTerritory({ districtId, municipalityId });
      await draft.discard();
      navigate(`/hearings/${saved.id}`, { replace: true });
    } catch {
      setProblem('save');
      setBusy(false);
    }
  };

  return (
    <article className="page">
      <h1 className="page__title">{t('new.title')}</h1>
      <form className="card form" onSubmit={start} noValidate aria-label={t('new.title')}>
        <p className="muted">{t('new.hint')}</p>
        {tree && draft.ready ? (
          <TerritoryPicker
            tree={tree}
            value={draft.value}
            onChange={(picked) => {
              setProblem(null);
              draft.update(picked);
            }}
            allowedDistrictIds={districtIds.length > 0 ? districtIds : undefined}
            invalid={problem === 'municipality'}
            requireMunicipality
          />
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
        <FormError message={problem ? t(`new.problem.${problem}`) : null} />
        <SaveCancel
          saveLabel={t('new.start')}
          cancelLabel={t('new.cancel')}
          busy={busy}
          onCancel={() => navigate('/hearings')}
        />
      </form>
    </article>
  );
}
