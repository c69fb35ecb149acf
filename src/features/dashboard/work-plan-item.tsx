import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkPlanActivity } from '../../domain/work-plan.ts';
import type { ProgressStatus } from '../../domain/work-plan-progress.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { FormError, SaveCancel } from '../../ui/form-actions.tsx';

export interface WorkPlanItemProps {
  activity: WorkPlanActivity;
  /** The actual figure derived from records, and where that leaves the activity. */
  actual: number;
  status: ProgressStatus;
  /** The drill-down: the records behind the actual. */
  detailHref: string;
  /** Present for admins: saves a new target and deadline. */
  onSave?: (target: number, deadline: string) => Promise<void>;
}

const localDate = (iso: string) => new Date(`${iso}T00:00:00`);

export function WorkPlanItem({ activity, actual, status, detailHref, onSave }: WorkPlanItemProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState(String(activity.target));
  const [deadline, setDeadline] = useState(activity.deadline);
  const [error, setError] = useState<'target' | 'deadline' | 'save' | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(target);
    if (!/^\d+$/.test(target.trim()) || !Number.isSafeInteger(value)) return setError('target');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return setError('deadline');
    try {
      await onSave?.(value, deadline);
      setError(null);
      setEditing(false);
      setSaved(true);
    } catch {
      setError('save');
    }
  };

  const share = activity.target > 0 ? Math.min(1, actual / activity.target) : 1;
  return (
    <li className="list__item work-plan-item">
      <h3 className="list__title">
        {activity.number}. {activity.activity[format.language]}
      </h3>
      <p className="list__text">{activity.indicator[format.language]}</p>
      <p className="work-plan-item__figures">
        <Link to={detailHref} className="work-plan-item__actual">
          {t('workPlan.actualOfTarget', {
            actual: format.number(actual),
            target: format.number(activity.target),
          })}
        </Link>{' '}
        <span className={`status status--${status}`}>{t(`workPlan.status.${status}`)}</span>
      </p>
      <meter
        className="work-plan-item__meter"
        min={0}
        max={1}
        value={share}
        aria-label={t('workPlan.meter', { number: activity.number })}
      />
      <p className="list__meta">
        {t('workPlan.target', { count: activity.target })} ·{' '}
        {t('workPlan.deadline', { date: format.date(localDate(activity.deadline), 'long') })}
      </p>
      {saved && <output className="form__ok">{t('workPlan.saved')}</output>}
      {onSave && !editing && (
        <div className="actions no-print">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('workPlan.edit')}
          </button>
        </div>
      )}
      {onSave && editing && (
        <form
          className="form no-print"
          onSubmit={submit}
          noValidate
          aria-label={t('workPlan.edit')}
        >
          <div className="field">
            <label className="field__label" htmlFor={`target-${activity.number}`}>
              {t('workPlan.targetLabel')}
            </label>
            <input
              id={`target-${activity.number}`}
              inputMode="numeric"
              value={target}
              aria-invalid={error === 'target'}
              onChange={(e) => setTarget(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`deadline-${activity.number}`}>
              {t('workPlan.deadlineLabel')}
            </label>
            <input
              id={`deadline-${activity.number}`}
              type="date"
              value={deadline}
              aria-invalid={error === 'deadline'}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </div>
          <FormError message={error && t(`workPlan.error.${error}`)} />
          <SaveCancel
            saveLabel={t('workPlan.save')}
            cancelLabel={t('workPlan.cancel')}
            onCancel={() => setEditing(false)}
          />
        </form>
      )}
    </li>
  );
}
