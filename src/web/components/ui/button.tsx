import type { ButtonHTMLAttributes, Ref } from 'react';
import './button.css';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** Shown while the action runs; the button stays focusable and says what it is doing. */
  busy?: boolean;
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

/** A button with a 44 px target; `busy` keeps focus where it is while the label says what is happening. */
export function Button({ variant = 'secondary', busy = false, block = false, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, block ? 'button--block' : '', className ?? ''].filter(Boolean).join(' ');
  return <button type={type} className={classes} aria-busy={busy || undefined} {...rest} />;
}
