import { useEffect } from 'react';
import { availabilityBody } from '../../../shared/contracts/advising';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormError } from '../../components/ui/form-error';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { contractIssues } from '../../lib/contract-check';
import { useForm, type Row } from '../../lib/use-form';
import { advisingApi } from './appointments-api';
import { TimeZoneField } from './time-zone-field';

const WEEKDAYS = [
  { value: '1', label: 'Monday' },
  { value: '2', label: 'Tuesday' },
  { value: '3', label: 'Wednesday' },
  { value: '4', label: 'Thursday' },
  { value: '5', label: 'Friday' },
  { value: '6', label: 'Saturday' },
  { value: '7', label: 'Sunday' },
];

type Values = { timezone: string; weekly: Row[] };
type Availability = { timezone: string; weekly: { weekday: number; start: string; end: string }[] };

let nextKey = 1;
const row = (weekday: string, start: string, end: string): Row => ({ key: String(nextKey++), weekday, start, end });

function toBody(values: Values) {
  return { timezone: values.timezone, weekly: values.weekly.map((rule) => ({ weekday: Number(rule.weekday), start: rule.start ?? '', end: rule.end ?? '' })) };
}

type WeeklyHoursFormProps = {
  availability: Availability;
  onSaved: (saved: Availability, message: string) => void;
  /** Told whether something typed here is not saved yet (leaving the page then asks first). */
  onDirtyChange: (dirty: boolean) => void;
};

/** The advisor's weekly hours in their zone: ranges that can be added and removed, checked as the server checks them. */
export function WeeklyHoursForm({ availability, onSaved, onDirtyChange }: WeeklyHoursFormProps) {
  const form = useForm<Values>({
    initialValues: { timezone: availability.timezone, weekly: availability.weekly.map((rule) => row(String(rule.weekday), rule.start, rule.end)) },
    check: (values) => contractIssues(availabilityBody, toBody(values)),
    onSubmit: async (values) => {
      const saved = await advisingApi.saveAvailability(toBody(values));
      const timezone = saved.timezone ?? values.timezone;
      form.reset({ timezone, weekly: saved.weekly.map((rule) => row(String(rule.weekday), rule.start, rule.end)) });
      onSaved({ timezone, weekly: saved.weekly }, `Weekly hours saved (${saved.weekly.length} ${saved.weekly.length === 1 ? 'range' : 'ranges'}, ${timezone}).`);
    },
  });
  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);
  const rules = form.rows('weekly');
  const last = rules.rows.at(-1);

  return (
    <form className="stack" onSubmit={form.handleSubmit} noValidate aria-label="Weekly hours">
      <ErrorSummary {...form.summary} />
      <TimeZoneField label="Time zone" hint="An IANA name, like Europe/Berlin or America/New_York." onUse={(zone) => form.setValue('timezone', zone)} {...form.field('timezone')} />
      <fieldset id={rules.id} tabIndex={-1} className="rule-list" aria-describedby={rules.error ? `${rules.id}-error` : undefined}>
        <legend className="field-label">Hours students can book</legend>
        {rules.rows.length === 0 ? <p className="muted">No hours yet: add the times students can book.</p> : null}
        {rules.rows.map((rule, index) => (
          <fieldset key={rule.key} className="rule-row">
            <legend className="visually-hidden">Hours {index + 1}</legend>
            <SelectField label="Day" options={WEEKDAYS} {...rules.field(index, 'weekday')} />
            <TextField label="From" type="time" {...rules.field(index, 'start')} />
            <TextField label="Until" type="time" {...rules.field(index, 'end')} />
            <Button variant="quiet" className="rule-remove" onClick={() => rules.remove(index)}>
              Remove<span className="visually-hidden"> hours {index + 1}</span>
            </Button>
          </fieldset>
        ))}
        <p className="field-error" id={`${rules.id}-error`}>
          {rules.error ?? ''}
        </p>
      </fieldset>
      <FormError message={form.formError} />
      <div className="appt-actions">
        {/* A new range starts as the one above it on the next day: most advisors keep the same hours all week. */}
        <Button onClick={() => rules.add(last ? row(String((Number(last.weekday) % 7) + 1), last.start ?? '09:00', last.end ?? '17:00') : row('1', '09:00', '17:00'))}>Add hours</Button>
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save weekly hours'}
        </Button>
      </div>
    </form>
  );
}
