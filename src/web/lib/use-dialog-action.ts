import { useState } from 'react';
import { messageOf } from './api';

/**
 * The one action of a dialog (confirm, retry): busy while it runs, its failure kept as a message for the
 * dialog to show, and that message cleared when the dialog closes.
 */
export function useDialogAction(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setError(null);
    onClose();
  };
  return { busy, error, run, close };
}
