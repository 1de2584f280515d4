import type { SelectHTMLAttributes } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { FieldFrame, fieldAria } from './field-frame';

export type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof FieldProps> &
  FieldProps & {
    label: string;
    hint?: string;
    options: readonly { value: string; label: string }[];
  };

/** A labelled native select: keyboard and screen-reader behaviour come from the platform. */
export function SelectField({ label, hint, error, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} className="input select" {...fieldAria(id, hint, error)} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
