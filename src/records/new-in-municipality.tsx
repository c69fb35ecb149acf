import type { ParseKeys } from 'i18next';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { records } from '../db/app-db.ts';
import { useDraft } from '../db/use-draft.ts';
import type { BodyOf, RecordTypeName } from '../domain/record-types.ts';
import { useAccount } from '../session/account.ts';
import { FormError, SaveCancel } from '../ui/form-actions.tsx';
import { TerritoryPicker } from '../ui/territory-picker.tsx';
import { type PickedTerritory, useUiPrefs } from '../ui/ui-prefs.ts';
import { useTerritoryTree } from './use-territory-tree.ts';

/** A key both namespaces have: the start form reads the same keys from either. */
type StartKey = Extract<ParseKeys<'hearings'>, ParseKeys<'trainings'>>;

export interface NewInMunicipalityProps<Name extends RecordTypeName> {
  /** The feature's namespace, with the keys of the start form (`new.*`, `loading`). */
  ns: 'hearings' | 'trainings';
  type: Name;
  /** Where the list is; the new record opens at `${basePath}/${id}`. */
  basePath: string;
  makeBody: (place: { districtId: string; municipalityId: string }) => BodyOf<Name>;
  /** Further fields of the start form (a hearing's "recorded later" date and times). */
  children?: ReactNode;
  /** What keeps the further fields from starting (said in the user's language), or null. */
  check?: () => string | null;
  /** Called with the new record's id before it opens. */
  afterCreate?: (id: string) => Promise<void>;
}

/**
 * Starting a hearing or a training takes only the municipality (offered from the user's
 * districts, last one first); the record is created at once and opened for the rest.
 */
export function NewInMunicipality<Name extends RecordTypeName>({
  ns,
  type,
  basePath,
  makeBody,
  children,
  check,
  afterCreate,
}: NewInMunicipalityProps<Name>) {
  const { t: translate } = useTranslation(ns);
  const t = (key: StartKey) => translate(key);
  const navigate = useNavigate();
  const tree = useTerritoryTree();
  const account = useAccount();
  const last = useUiPrefs((s) => s.lastTerritory);
  const districtIds = account?.role === 'consultant' ? account.districtIds : [];
  const initial: PickedTerritory =
    last && (districtIds.length === 0 || districtIds.includes(last.districtId))
      ? last
      : { districtId: districtIds.length === 1 ? (districtIds[0] ?? '') : '' };
  const draft = useDraft(`${ns}:new`, initial);
  const [problem, setProblem] = useState<'municipality' | 'save' | null>(null);
  const [otherProblem, setOtherProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const { districtId, municipalityId } = draft.value;
    if (!districtId || !municipalityId) return setProblem('municipality');
    const other = check?.() ?? null;
    setOtherProblem(other);
    if (other) return;
    setBusy(true);
    try {
      const saved = await records.put({
        type,
        body: makeBody({ districtId, municipalityId }),
      });
      await afterCreate?.(saved.id);
      useUiPrefs.getState().setLastTerritory({ districtId, municipalityId });
      await draft.discard();
      navigate(`${basePath}/${saved.id}`, { replace: true });
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
        {children}
        <FormError message={problem ? t(`new.problem.${problem}`) : otherProblem} />
        <SaveCancel
          saveLabel={t('new.start')}
          cancelLabel={t('new.cancel')}
          busy={busy}
          onCancel={() => navigate(basePath)}
        />
      </form>
    </article>
  );
}
