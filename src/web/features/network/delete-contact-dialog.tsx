import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { messageOf } from '../../lib/api';
import { contactsApi } from './contacts-api';
import type { DeletedState } from './deleted-state';

/** "Delete Priya Shah?" — on yes, back to the list, which offers the undo. */
export function DeleteContactDialog({ contact, open, onClose }: { contact: ContactDto; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await contactsApi.remove(contact.id);
      const state: DeletedState = { deleted: { ids: [contact.id], message: `Deleted ${contact.displayName}.` } };
      void navigate('/network', { state });
    } catch (cause) {
      setBusy(false);
      setError(messageOf(cause));
    }
  }
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete ${contact.displayName}?`}
      description="They leave your network with their timeline and gives and asks. You can undo this right after."
      keepLabel="Cancel"
      confirmLabel="Delete"
      busyLabel="Deleting…"
      tone="danger"
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
    />
  );
}
