import type { ReactNode } from 'react';
import './field.css';

/** The ids a field's hint and error line carry, derived from the control's id. */
export function fieldIds(id: string) {
  return { hintId: `${id}-hint`, errorId: `${id}-error` };
}

/** The `aria-describedby` of a control: its hint when there is one, then its error while it is shown. */
export function fieldDescribedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const { hintId, errorId } = fieldIds(id);
  return [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

/** What ties a control to its hint and error for screen readers. */
export function fieldAria(id: string, hint: ReactNode, error: string | undefined) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': fieldDescribedBy(id, hint, error) } as const;
}

type FieldFrameProps = {
  /** The id of the control inside, which the label points at. */
  id: string;
  label: ReactNode;
  /** Always-visible guidance under the label; says what a good value looks like. */
  hint?: ReactNode;
  error: string | undefined;
  className?: string;
  children: ReactNode;
};

/** The label, hint and error line around one control; the control itself uses `fieldAria` for its wiring. */
export function FieldFrame({ id, label, hint, error, className, children }: FieldFrameProps) {
  const { hintId, errorId } = fieldIds(id);
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {children}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** The error line of a field; a live region so a message that appears while typing is read out. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return (
    <p className="field-error" id={id} aria-live="polite">
      {error ?? ''}
    </p>
  );
}
