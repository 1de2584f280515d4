import { useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/contracts/errors';
import { updateReasonCodeBody, type adminReasonCodeSchema } from '../../../shared/contracts/reason-codes';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Dialog } from '../../components/ui/dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormError } from '../../components/ui/form-error';
import { SelectField } from '../../components/ui/select-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { contractIssues, toNumber } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { reasonCodesAdminApi } from '../appointments/appointments-api';

export type AdminReasonCode = z.infer<typeof adminReasonCodeSchema>;

type ReasonCodeDialogProps = { code: AdminReasonCode | null; onClose: () => void; onSaved: (code: AdminReasonCode) => void };
type Values = { label: string; description: string; minutes: string };

const toBody = (values: Values, active: boolean) => ({
  label: values.label,
  description: values.description,
  defaultMinutes: toNumber(values.minutes),
  active,
});

/** The contract calls the default length `defaultMinutes`; the form, `minutes`. */
const placeIssue = (issue: FieldIssue): FieldIssue | undefined => (issue.path === 'defaultMinutes' || issue.path === 'allowedMinutes' ? { ...issue, path: 'minutes' } : undefined);

function ReasonCodeForm({ code, onClose, onSaved }: { code: AdminReasonCode; onClose: () => void; onSaved: (code: AdminReasonCode) => void }) {
  const [active, setActive] = useState(code.active);
  const form = useForm<Values>({
    initialValues: { label: code.label, description: code.description, minutes: String(code.defaultMinutes) },
    validate: { label: (value) => (value.trim() === '' ? 'Give the reason a label students will recognise.' : null) },
    check: (values) => contractIssues(updateReasonCodeBody, toBody(values, active)),
    placeIssue,
    onSubmit: async (values) => onSaved(await reasonCodesAdminApi.update(code.code, { ...toBody(values, active), label: values.label.trim() })),
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <ErrorSummary {...form.summary} />
      <TextField label="Label" maxLength={120} {...form.field('label')} />
      <TextAreaField label="Description" hint="One or two sentences on when to choose this." {...form.field('description')} />
      <SelectField
        label="Default length"
        hint="One of the lengths this reason allows."
        options={code.allowedMinutes.map((value) => ({ value: String(value), label: `${value} minutes` }))}
        {...form.field('minutes')}
      />
      <Checkbox label="Offered to students (active)" checked={active} onChange={(event) => setActive(event.target.checked)} />
      <FormError message={form.formError} />
      <div className="button-row button-row--end">
        <Button data-autofocus onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save reason'}
        </Button>
      </div>
    </form>
  );
}

/** Edits what students see while booking: the label, its description, the default length and whether it is offered. */
export function ReasonCodeDialog({ code, onClose, onSaved }: ReasonCodeDialogProps) {
  return (
    <Dialog open={code !== null} onClose={onClose} title={code ? `Edit ${code.code}` : 'Edit reason'} description="Students see the label and description while they choose a reason." size="large">
      {code ? <ReasonCodeForm key={code.code} code={code} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}
