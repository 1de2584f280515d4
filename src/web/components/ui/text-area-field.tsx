import type { TextareaHTMLAttributes } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { FieldFrame, fieldAria } from './field-frame';

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof FieldProps> & FieldProps & { label: string; hint?: string };

/** A labelled multi-line input with its hint and error, like TextField. */
export function TextAreaField({ label, hint, error, id, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} className="input textarea" {...fieldAria(id, hint, error)} {...textarea} />
    </FieldFrame>
  );
}
