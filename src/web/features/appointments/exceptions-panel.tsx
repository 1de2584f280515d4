import { useEffect, useState } from 'react';
import { exceptionBody, type ExceptionDto, type ExceptionKind } from '../../../shared/contracts/advising';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormError } from '../../components/ui/form-error';
import { Notice } from '../../components/ui/notice';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { messageOf } from '../../lib/api';
import { contractIssues } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { advisingApi } from './appointments-api';

const KIND_OPTIONS: { value: Exclude<ExceptionKind, 'time_off'>; label: string }[] = [
  { value: 'day_off', label: 'Day off' },
  { value: 'extra_hours', label: 'Extra hours' },
];

type Values = { kind: string; date: string; start: string; end: string };

function toBody(values: Values) {
  return values.kind === 'extra_hours'
    ? { kind: 'extra_hours' as const, date: values.date, start: values.start, end: values.end, note: '' }
    : { kind: 'day_off' as const, date: values.date, note: '' };
}

function describeException(item: ExceptionDto): string {
  if (item.kind === 'day_off') return `Day off on ${item.date ?? ''}`;
  if (item.kind === 'extra_hours') return `Extra hours on ${item.date ?? ''}, ${item.startTime ?? ''}–${item.endTime ?? ''}`;
  return `Time off from ${item.start ?? ''} to ${item.end ?? ''}`;
}

type ExceptionsPanelProps = {
  initial: ExceptionDto[];
  onStatus: (message: string) => void;
  /** Told whether something typed here is not saved yet (leaving the page then asks first). */
  onDirtyChange: (dirty: boolean) => void;
};

/** Days off and extra hours that change one date only: the list, with remove, and a form to add one. */
export function ExceptionsPanel({ initial, onStatus, onDirtyChange }: ExceptionsPanelProps) {
  const [items, setItems] = useState(initial);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const fresh: Values = { kind: 'day_off', date: '', start: '09:00', end: '12:00' };
  const form = useForm<Values>({
    initialValues: fresh,
    validate: { date: (value) => (value === '' ? 'Choose the date.' : null) },
    check: (values) => contractIssues(exceptionBody, toBody(values)),
    onSubmit: async (values) => {
      const created = await advisingApi.addException(toBody(values));
      setItems((current) => [...current, created]);
      form.reset({ ...fresh, kind: values.kind });
      onStatus(`${describeException(created)} added.`);
    },
  });

  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);

  async function remove(item: ExceptionDto) {
    setRemoveError(null);
    try {
      await advisingApi.removeException(item.id);
      setItems((current) => current.filter((other) => other.id !== item.id));
      onStatus(`${describeException(item)} removed.`);
    } catch (cause) {
      setRemoveError(messageOf(cause));
    }
  }

  return (
    <>
      {removeError ? (
        <Notice tone="danger" live="alert">
          {removeError}
        </Notice>
      ) : null}
      {items.length > 0 ? (
        <ul className="appt-list">
          {items.map((item) => (
            <li key={item.id} className="appt-card">
              <span>{describeException(item)}</span>
              <div className="appt-actions">
                <Button variant="quiet" onClick={() => void remove(item)}>
                  Remove<span className="visually-hidden"> {describeException(item)}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No exceptions planned.</p>
      )}
      <form className="stack" onSubmit={form.handleSubmit} noValidate aria-label="Add an exception">
        <ErrorSummary {...form.summary} />
        <div className="form-row">
          <SelectField label="Kind" options={KIND_OPTIONS} {...form.field('kind')} />
          <TextField label="Date" type="date" {...form.field('date')} />
          {form.values.kind === 'extra_hours' ? (
            <>
              <TextField label="From" type="time" {...form.field('start')} />
              <TextField label="Until" type="time" {...form.field('end')} />
            </>
          ) : null}
        </div>
        <FormError message={form.formError} />
        <div className="appt-actions">
          <Button type="submit" busy={form.submitting}>
            {form.submitting ? 'Adding…' : 'Add exception'}
          </Button>
        </div>
      </form>
    </>
  );
}
