import { useRef } from 'react';
import { useClipboard } from '../../lib/use-clipboard';
import { Button } from './button';
import { FieldFrame, fieldAria } from './field-frame';

type CopyFieldProps = {
  id: string;
  label: string;
  hint?: string;
  value: string;
  /** What the status line says once copied ("Address copied. Paste it into your calendar app."). */
  copiedMessage: string;
};

/**
 * A value to take elsewhere (a secret address): shown whole in a read-only box that selects itself, with a
 * Copy button; when the browser refuses to copy, the text is selected so Ctrl+C or a long press does it.
 */
export function CopyField({ id, label, hint, value, copiedMessage }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const clipboard = useClipboard();
  const copied = clipboard.text === value;

  async function copy() {
    await clipboard.copy(value);
    input.current?.select();
  }

  return (
    <FieldFrame id={id} label={label} hint={hint} error={undefined}>
      <div className="field-control copy-field">
        <input ref={input} id={id} className="input copy-field-input" readOnly value={value} onFocus={(event) => event.target.select()} {...fieldAria(id, hint, undefined)} />
        <Button variant="primary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p className="muted copy-field-status" role="status">
        {copied && clipboard.status === 'copied' ? copiedMessage : copied && clipboard.status === 'failed' ? 'This browser did not let us copy. The address is selected: press Ctrl+C (⌘C on a Mac), or long-press it on a phone.' : ''}
      </p>
    </FieldFrame>
  );
}
