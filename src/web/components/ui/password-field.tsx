import { useState, type ReactNode } from 'react';
import type { FieldProps } from '../../lib/use-form';
import { TextField } from './text-field';

type PasswordFieldProps = FieldProps & {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  hint?: ReactNode;
};

/** A password input with a Show/Hide toggle: typing a passphrase on a phone is easier when you can see it. */
export function PasswordField({ autoComplete, ...field }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...field}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      addon={
        <button
          type="button"
          className="field-addon"
          aria-pressed={visible}
          aria-controls={field.id}
          onClick={() => setVisible((current) => !current)}
        >
          {visible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {field.label.toLowerCase()}</span>
        </button>
      }
    />
  );
}
