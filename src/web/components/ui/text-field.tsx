import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { FieldFrame, fieldAria } from './field-frame';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <div className="field-control">
        <input ref={ref} id={id} className="input" {...fieldAria(id, hint, error)} {...input} />
        {addon}
      </div>
    </FieldFrame>
  );
}
