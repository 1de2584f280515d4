import type { ReactNode } from 'react';
import { Button } from './button';
import { FormError } from './form-error';

type FormActionsProps = {
  /** The form's state as `useForm` keeps it: its error for the whole form, and whether it is being sent. */
  form: { formError: string | null; submitting: boolean };
  /** The submit button, named as what it does: "Save reasons". */
  label: string;
  /** Its label while the form is sent: "Saving…". */
  busyLabel: string;
  /** The row's layout: `button-row` (forms) or `appt-actions` (cards). */
  className?: string;
  /** Buttons after the submit button ("Not now"). */
  children?: ReactNode;
};

/** The end of a form: its error for the whole form (if any), then the submit button, busy while it is sent. */
export function FormActions({ form, label, busyLabel, className = 'button-row', children }: FormActionsProps) {
  return (
    <>
      <FormError message={form.formError} />
      <div className={className}>
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? busyLabel : label}
        </Button>
        {children}
      </div>
    </>
  );
}
