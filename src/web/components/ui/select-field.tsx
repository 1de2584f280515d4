import type { SelectHTMLAttributes } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { FieldError } from './text-field';
import './field.css';

export type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof FieldProps> &
  FieldProps & {
    label: string;
    hint?: string;
    options: readonly { value: string; label: string }[];
  };

/** A labelled native select: keyboard and screen-reader behaviour come from the platform. */
export function SelectField({ label, hint, error, options, id, ...select }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <select id={id} className="input select" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
