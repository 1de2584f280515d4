import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { FieldProps } from '../../lib/use-form';
import './field.css';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps> &
  FieldProps & {
    label: string;
    /** Always-visible guidance under the label; says what a good value looks like. */
    hint?: ReactNode;
    /** Something placed beside the input (a show/hide button). */
    addon?: ReactNode;
    ref?: Ref<HTMLInputElement>;
  };

/** A labelled input with its hint and its error next to it, both tied to the input for screen readers. */
export function TextField({ label, hint, error, addon, id, className, ref, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
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
      <div className="field-control">
        <input ref={ref} id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        {addon}
      </div>
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
