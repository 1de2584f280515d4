import { useEffect } from 'react';
import { advisorSettingsBody } from '../../../shared/contracts/advising';
import type { FieldIssue } from '../../../shared/contracts/errors';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormActions } from '../../components/ui/form-actions';
import { NumberField } from '../../components/ui/number-field';
import { contractIssues, toNumber } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { advisingApi } from './appointments-api';

type Values = { buffer: string; notice: string; horizon: string };
export type BookingRules = { bufferMinutes: number; minimumNoticeMinutes: number; horizonDays: number };

const { bufferMinutes, horizonDays, minimumNoticeMinutes } = advisorSettingsBody.shape;
/** Notice is asked in hours; the contract counts minutes. */
const MAX_NOTICE_HOURS = (minimumNoticeMinutes.maxValue ?? 0) / 60;

function toBody(values: Values, timezone: string) {
  return {
    timezone,
    bufferMinutes: toNumber(values.buffer),
    minimumNoticeMinutes: Math.round(toNumber(values.notice) * 60),
    horizonDays: toNumber(values.horizon),
  };
}

/** The contract's names are the form's, except notice, which is in hours here. */
function placeIssue(issue: FieldIssue): FieldIssue | undefined {
  if (issue.path === 'bufferMinutes') return { ...issue, path: 'buffer' };
  if (issue.path === 'horizonDays') return { ...issue, path: 'horizon' };
  if (issue.path === 'minimumNoticeMinutes') return { path: 'notice', message: `Use a number of hours from 0 to ${MAX_NOTICE_HOURS}.` };
  return undefined;
}

type BookingRulesFormProps = {
  rules: BookingRules;
  /** The zone saved with the weekly hours: the settings carry it too, and must not undo a change made there. */
  timezone: string;
  onSaved: (rules: BookingRules) => void;
  /** Told whether something typed here is not saved yet (leaving the page then asks first). */
  onDirtyChange: (dirty: boolean) => void;
};

/** How close together and how far ahead students can book: buffer, notice and horizon. */
export function BookingRulesForm({ rules, timezone, onSaved, onDirtyChange }: BookingRulesFormProps) {
  const initial = { buffer: String(rules.bufferMinutes), notice: String(rules.minimumNoticeMinutes / 60), horizon: String(rules.horizonDays) };
  const form = useForm<Values>({
    initialValues: initial,
    check: (values) => contractIssues(advisorSettingsBody, toBody(values, timezone)),
    placeIssue,
    onSubmit: async (values) => {
      const saved = await advisingApi.saveSettings(toBody(values, timezone));
      form.reset({ buffer: String(saved.bufferMinutes), notice: String(saved.minimumNoticeMinutes / 60), horizon: String(saved.horizonDays) });
      onSaved(saved);
    },
  });

  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);

  return (
    <form className="stack" onSubmit={form.handleSubmit} noValidate aria-label="Booking rules">
      <ErrorSummary {...form.summary} />
      <div className="form-row">
        <NumberField label="Buffer (minutes)" hint="Kept free before and after each appointment." range={bufferMinutes} {...form.field('buffer')} />
        <NumberField label="Minimum notice (hours)" hint="No one can book sooner than this." min={0} max={MAX_NOTICE_HOURS} step="any" inputMode="decimal" {...form.field('notice')} />
        <NumberField label="Horizon (days)" hint="How far ahead students can book." range={horizonDays} {...form.field('horizon')} />
      </div>
      <FormActions form={form} className="appt-actions" label="Save booking rules" busyLabel="Saving…" />
    </form>
  );
}
