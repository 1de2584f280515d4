import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
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
    <Dialog open={open} onClose={onClose} title={`Delete ${contact.displayName}?`} description="They leave your network with their timeline and gives and asks. You can undo this right after.">
      <FormError message={error} />
      <div className="button-row button-row--end">
        <Button data-autofocus onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {busy ? 'Deleting…' : 'Delete'}
        </Button>
      </div>
    </Dialog>
  );
}
