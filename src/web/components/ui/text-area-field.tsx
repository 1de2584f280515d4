import type { TextareaHTMLAttributes } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { FieldError } from './text-field';
import './field.css';

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof FieldProps> & FieldProps & { label: string; hint?: string };

/** A labelled multi-line input with its hint and error, like TextField. */
export function TextAreaField({ label, hint, error, id, className, ...textarea }: TextAreaFieldProps) {
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
      <textarea id={id} className="input textarea" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
