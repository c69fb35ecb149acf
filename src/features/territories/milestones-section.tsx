import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blobStore, records } from '../../db/app-db.ts';
import { useRecordsOfType } from '../../db/hooks.ts';
import { useTerritoryLookup } from '../../db/territory-lookup.ts';
import { useDraft } from '../../db/use-draft.ts';
import type { Milestone } from '../../domain/milestone.ts';
import { territoryProblems } from '../../domain/territory-scope.ts';
import type { TerritoryNode } from '../../domain/territory-tree.ts';
import { useAccount } from '../../session/account.ts';
import { loadAttachment } from '../../sync/attachments.ts';
import { EMPTY_MILESTONE, type MilestoneDraft, MilestoneForm } from './milestone-form.tsx';
import { MilestoneTimeline } from './milestone-timeline.tsx';

const optionalCount = (text: string) => (text.trim() === '' ? undefined : Number(text));
const optionalText = (text: string) => text.trim() || undefined;

function toMilestone(draft: MilestoneDraft, node: TerritoryNode, districtId: string): Milestone {
  const base = { districtId, territoryId: node.id, kind: draft.kind, date: draft.date };
  const note = optionalText(draft.note);
  const extra: Partial<Milestone> =
    draft.kind === 'working-group'
      ? {
          orderNumber: optionalText(draft.orderNumber),
          membersWomen: optionalCount(draft.membersWomen),
          membersMen: optionalCount(draft.membersMen),
        }
      : draft.kind === 'draft-submitted'
        ? { draftVersion: optionalText(draft.draftVersion) }
        : draft.kind === 'approved'
          ? { resolutionNumber: optionalText(draft.resolutionNumber) }
          : {};
  // No undefined members: the body's hash is taken over its JSON.
  return JSON.parse(JSON.stringify({ ...base, ...extra, note })) as Milestone;
}

/** A municipality's (or district's) programme stages, and recording a new one. */
export function MilestonesSection({
  node,
  districtId,
  mergedIds,
}: {
  node: TerritoryNode;
  districtId: string;
  mergedIds: Set<string>;
}) {
  const { t } = useTranslation('territories');
  const account = useAccount();
  const all = useRecordsOfType('milestone');
  const territoryLookup = useTerritoryLookup();
  const draft = useDraft(`milestone:${node.id}`, EMPTY_MILESTONE);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attachment, setAttachment] = useState<{ url: string; type: string } | 'missing' | null>(
    null,
  );
  useEffect(
    () => () => {
      if (attachment && attachment !== 'missing') URL.revokeObjectURL(attachment.url);
    },
    [attachment],
  );

  const mine = (all ?? [])
    .map((r) => r.body)
    .filter((m) => m.territoryId === node.id || mergedIds.has(m.territoryId));
  const canRecord =
    account && (account.role !== 'consultant' || account.districtIds.includes(districtId));

  // Checked before saving: a milestone the server would refuse is never queued.
  const placeProblems = (value: MilestoneDraft) =>
    territoryLookup ? territoryProblems(toMilestone(value, node, districtId), territoryLookup) : [];

  const save = async (value: MilestoneDraft, file: File | null) => {
    const body = toMilestone(value, node, districtId);
    if (file) body.attachment = await blobStore.save(file);
    await records.put({ type: 'milestone', body });
    await draft.discard();
    setOpen(false);
    setSaved(true);
  };

  const openAttachment = async (sha256: string) => {
    const blob = await loadAttachment(sha256);
    setAttachment(blob ? { url: URL.createObjectURL(blob), type: blob.type } : 'missing');
  };

  return (
    <section className="card" aria-labelledby="milestones">
      <h2 id="milestones">{t('milestones.title')}</h2>
      <MilestoneTimeline milestones={mine} onOpenAttachment={(sha) => void openAttachment(sha)} />
      {attachment === 'missing' && <p className="muted">{t('milestones.attachmentMissing')}</p>}
      {attachment && attachment !== 'missing' && (
        <figure className="attachment">
          {attachment.type.startsWith('image/') ? (
            <img src={attachment.url} alt={t('milestones.attachment')} />
          ) : (
            <a href={attachment.url} target="_blank" rel="noreferrer">
              {t('milestones.viewAttachment')}
            </a>
          )}
        </figure>
      )}
      {saved && !open && <output className="form__ok">{t('milestones.saved')}</output>}
      {canRecord && draft.ready && open && (
        <MilestoneForm
          value={draft.value}
          onChange={draft.update}
          onSave={save}
          onCancel={() => setOpen(false)}
          placeProblems={placeProblems}
        />
      )}
      {canRecord && !open && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t('milestones.record')}
          </button>
        </div>
      )}
    </section>
  );
}
