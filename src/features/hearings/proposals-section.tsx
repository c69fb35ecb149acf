import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  PROPOSAL_RESPONSES,
  type Proposal,
  type ProposalResponse,
  RAISED_BY_SEX,
} from '../../domain/hearing.ts';
import type { ReferenceItem } from '../../domain/reference-list.ts';
import { useFormat } from '../../i18n/use-format.ts';

export interface ProposalsSectionProps {
  proposals: readonly Proposal[];
  groups: readonly ReferenceItem[];
  onChange: (next: Proposal[], options?: { typing?: boolean }) => void;
}

/** Proposals received: the text, who raised it, and the response to each. */
export function ProposalsSection({ proposals, groups, onChange }: ProposalsSectionProps) {
  const { t } = useTranslation('hearings');
  const id = useId();
  const edit = (proposalId: string, patch: Partial<Proposal>, typing = false) =>
    onChange(
      proposals.map((p) => (p.id === proposalId ? { ...p, ...patch } : p)),
      { typing },
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`} id="proposals">
      <h2 id={`${id}-title`}>{t('proposals.title', { count: proposals.length })}</h2>
      {proposals.length === 0 && <p className="muted">{t('proposals.none')}</p>}
      <ol className="proposals">
        {proposals.map((proposal, index) => (
          <ProposalItem
            key={proposal.id}
            n={index + 1}
            proposal={proposal}
            groups={groups}
            onEdit={(patch, typing) => edit(proposal.id, patch, typing)}
            onRemove={() => onChange(proposals.filter((p) => p.id !== proposal.id))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([
            ...proposals,
            { id: uuidv7(), text: '', raisedBy: [], response: 'pending', reason: '' },
          ])
        }
      >
        {t('proposals.add')}
      </button>
    </section>
  );
}

/** The id of a proposal's reason field ("Finish" leads to it when it is missing). */
export const proposalReasonId = (proposalId: string) => `proposal-${proposalId}-reason`;

interface ProposalItemProps {
  n: number;
  proposal: Proposal;
  groups: readonly ReferenceItem[];
  onEdit: (patch: Partial<Proposal>, typing?: boolean) => void;
  onRemove: () => void;
}

function ProposalItem({ n, proposal, groups, onEdit, onRemove }: ProposalItemProps) {
  const { t } = useTranslation('hearings');
  const { language } = useFormat();
  const id = useId();
  const raisers = [
    ...RAISED_BY_SEX.map((code) => ({ code, name: t(`proposals.raisedBySex.${code}`) })),
    ...groups.map((g) => ({ code: g.code, name: g.names[language] })),
  ];
  const toggle = (code: string, on: boolean) =>
    onEdit({
      raisedBy: on
        ? [...proposal.raisedBy.filter((c) => c !== code), code]
        : proposal.raisedBy.filter((c) => c !== code),
    });

  return (
    <li className="proposal">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('proposals.text', { n })}
        </label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={proposal.text}
          maxLength={2000}
          onChange={(e) => onEdit({ text: e.target.value }, true)}
        />
      </div>
      <fieldset className="choices choices--wrap">
        <legend>{t('proposals.raisedBy', { n })}</legend>
        {raisers.map((raiser) => (
          <label key={raiser.code} className="choice">
            <input
              type="checkbox"
              checked={proposal.raisedBy.includes(raiser.code)}
              onChange={(e) => toggle(raiser.code, e.target.checked)}
            />
            {raiser.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices choices--wrap">
        <legend>{t('proposals.response', { n })}</legend>
        {PROPOSAL_RESPONSES.map((response) => (
          <label key={response} className="choice">
            <input
              type="radio"
              name={`${id}-response`}
              checked={proposal.response === response}
              onChange={() => onEdit({ response: response as ProposalResponse })}
            />
            {t(`proposals.responses.${response}`)}
          </label>
        ))}
      </fieldset>
      {(proposal.response === 'rejected' || proposal.response === 'considering') && (
        <div className="field">
          <label className="field__label" htmlFor={proposalReasonId(proposal.id)}>
            {t(proposal.response === 'rejected' ? 'proposals.reason' : 'proposals.followUp', {
              n,
            })}
          </label>
          <textarea
            id={proposalReasonId(proposal.id)}
            rows={2}
            value={proposal.reason ?? ''}
            onChange={(e) => onEdit({ reason: e.target.value }, true)}
          />
        </div>
      )}
      <button type="button" className="button button--quiet" onClick={onRemove}>
        {t('proposals.remove', { n })}
      </button>
    </li>
  );
}
