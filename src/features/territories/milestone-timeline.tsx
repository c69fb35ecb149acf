import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../domain/milestone.ts';
import { programmeTimeline } from '../../domain/milestone.ts';
import { useFormat } from '../../i18n/use-format.ts';

export interface MilestoneTimelineProps {
  milestones: Milestone[];
  onOpenAttachment: (sha256: string) => void;
}

const localDate = (iso: string) => new Date(`${iso}T00:00:00`);

/** The SEDP process of one municipality as five stages, each with what was recorded. */
export function MilestoneTimeline({ milestones, onOpenAttachment }: MilestoneTimelineProps) {
  const { t } = useTranslation('territories');
  const format = useFormat();
  const { stages, current } = programmeTimeline(milestones);
  return (
    <>
      <p className="today">
        {current
          ? t('milestones.current', { stage: t(`milestones.kind.${current}`) })
          : t('milestones.none')}
      </p>
      <ol className="timeline">
        {stages.map((stage) => (
          <li
            key={stage.kind}
            className={
              stage.entries.length ? 'timeline__stage timeline__stage--done' : 'timeline__stage'
            }
          >
            <h3 className="timeline__title">{t(`milestones.kind.${stage.kind}`)}</h3>
            {stage.entries.length === 0 && <p className="muted">{t('milestones.notDone')}</p>}
            {stage.entries.map((entry) => (
              <div
                key={`${entry.kind}-${entry.date}-${entry.draftVersion ?? ''}`}
                className="timeline__entry"
              >
                <p className="list__meta">{format.date(localDate(entry.date), 'long')}</p>
                {entry.orderNumber && <p>{t('milestones.order', { number: entry.orderNumber })}</p>}
                {(entry.membersWomen !== undefined || entry.membersMen !== undefined) && (
                  <p>
                    {t('milestones.members', {
                      women: entry.membersWomen ?? 0,
                      men: entry.membersMen ?? 0,
                    })}
                  </p>
                )}
                {entry.draftVersion && (
                  <p>{t('milestones.version', { version: entry.draftVersion })}</p>
                )}
                {entry.resolutionNumber && (
                  <p>{t('milestones.resolution', { number: entry.resolutionNumber })}</p>
                )}
                {entry.note && <p className="list__text">{entry.note}</p>}
                {entry.attachment && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => onOpenAttachment(entry.attachment as string)}
                  >
                    {t('milestones.viewAttachment')}
                  </button>
                )}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
