import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/contracts/errors';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormError } from '../../components/ui/form-error';
import { TextAreaField } from '../../components/ui/text-area-field';
import { contractIssues } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';

type NoteDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the action does and to whom, read out with the title. */
  description: ReactNode;
  label: string;
  hint: string;
  /** The request body's contract and the name of its text field (`reason`, `note`): the browser checks as the server does. */
  contract: z.ZodType;
  field: string;
  confirmLabel: string;
  busyLabel: string;
  keepLabel: string;
  tone: 'danger' | 'primary';
  /** Runs the action with the trimmed text; an API error it throws shows in the dialog (beside the field when it names it). */
  onConfirm: (text: string) => Promise<void>;
};

function NoteForm({ onClose, label, hint, contract, field, confirmLabel, busyLabel, keepLabel, tone, onConfirm }: Omit<NoteDialogProps, 'open' | 'title' | 'description'>) {
  const toField = (issue: FieldIssue) => (issue.path === field ? { ...issue, path: 'text' } : undefined);
  const form = useForm({
    initialValues: { text: '' },
    check: (values) => contractIssues(contract, { [field]: values.text }),
    placeIssue: toField,
    onSubmit: (values) => onConfirm(values.text.trim()),
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <ErrorSummary {...form.summary} />
      <TextAreaField label={label} hint={hint} rows={3} {...form.field('text')} />
      <FormError message={form.formError} />
      <div className="button-row button-row--end">
        <Button data-autofocus onClick={onClose}>
          {keepLabel}
        </Button>
        <Button type="submit" variant={tone} busy={form.submitting}>
          {form.submitting ? busyLabel : confirmLabel}
        </Button>
      </div>
    </form>
  );
}

/** A confirmation that names what it affects and takes an optional line of text with it (a reason, a note). */
export function NoteDialog({ open, onClose, title, description, ...form }: NoteDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <NoteForm onClose={onClose} {...form} />
    </Dialog>
  );
}
