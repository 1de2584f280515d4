import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './form-error';

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** What happens on yes, in plain words (read out with the title). */
  description: ReactNode;
  /** The safe choice, which takes the cursor: "Cancel", "Keep it on". */
  keepLabel: string;
  /** The action, named as what it does: "Disable account", "Turn off". */
  confirmLabel: string;
  /** The action's label while it runs: "Disabling…". */
  busyLabel: string;
  tone?: 'primary' | 'danger';
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
};

/** "Are you sure?" with the consequence stated: the safe choice focused, the action named, its error in place. */
export function ConfirmDialog({ open, onClose, title, description, keepLabel, confirmLabel, busyLabel, tone = 'primary', busy, error, onConfirm }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <FormError message={error} />
      <div className="button-row button-row--end">
        <Button data-autofocus onClick={onClose}>
          {keepLabel}
        </Button>
        <Button variant={tone} busy={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
