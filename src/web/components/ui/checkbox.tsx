import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import './checkbox.css';

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string;
  /** Hide the label on screen (a row's "Select Priya Shah"); it is still the checkbox's name. */
  hideLabel?: boolean;
  /** Some but not all of what it stands for are chosen ("select all" with a few rows ticked). */
  indeterminate?: boolean;
};

/** A native checkbox inside a 44 px target, its label read as its name. */
export function Checkbox({ label, hideLabel = false, indeterminate = false, className, ...input }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <label className={['checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <input ref={ref} type="checkbox" className="checkbox-input" {...input} />
      <span className={hideLabel ? 'visually-hidden' : 'checkbox-label'}>{label}</span>
    </label>
  );
}
