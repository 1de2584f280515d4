import { useEffect } from 'react';
import type { ReasonCodeDto } from '../../../shared/contracts/reason-codes';
import { Checkbox } from '../../components/ui/checkbox';
import { FieldError } from '../../components/ui/field-frame';
import { FormActions } from '../../components/ui/form-actions';
import { useForm } from '../../lib/use-form';
import { advisingApi } from './appointments-api';

type OfferedCodesFormProps = {
  codes: ReasonCodeDto[];
  offered: string[];
  onSaved: (message: string) => void;
  /** Told whether something typed here is not saved yet (leaving the page then asks first). */
  onDirtyChange: (dirty: boolean) => void;
};

/** The reasons an advisor takes bookings for; students see their open times only for these. */
export function OfferedCodesForm({ codes, offered, onSaved, onDirtyChange }: OfferedCodesFormProps) {
  const form = useForm({
    initialValues: { codes: offered },
    onSubmit: async (values) => {
      const saved = await advisingApi.saveOfferedCodes(values.codes);
      form.reset({ codes: saved });
      onSaved(`You offer ${saved.length} ${saved.length === 1 ? 'reason' : 'reasons'}.`);
    },
  });
  useEffect(() => onDirtyChange(form.dirty), [form.dirty, onDirtyChange]);
  const chosen = form.list('codes');
  const errorId = `${chosen.id}-error`;

  return (
    <form className="stack" onSubmit={form.handleSubmit} noValidate aria-label="Reasons you offer">
      <fieldset id={chosen.id} tabIndex={-1} className="choice-list" aria-describedby={chosen.error ? errorId : undefined}>
        <legend className="visually-hidden">Reasons you offer</legend>
        {codes.map((code) => (
          <Checkbox
            key={code.code}
            label={code.label}
            checked={chosen.items.includes(code.code)}
            onChange={(event) => chosen.set(event.target.checked ? [...chosen.items, code.code] : chosen.items.filter((item) => item !== code.code))}
          />
        ))}
        <FieldError id={errorId} error={chosen.error} />
      </fieldset>
      <FormActions form={form} className="appt-actions" label="Save reasons" busyLabel="Saving…" />
    </form>
  );
}
