import type { AdminUserDto } from '../../../shared/contracts/users';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
import { useDialogAction } from '../../lib/use-dialog-action';
import { usersApi } from './users-api';

type DisableUserDialogProps = {
  user: AdminUserDto | null;
  onClose: () => void;
  onDisabled: (user: AdminUserDto) => void;
};

/** The confirmation before disabling: names the person and says what happens to them. */
export function DisableUserDialog({ user, onClose, onDisabled }: DisableUserDialogProps) {
  const { busy, error, run, close } = useDialogAction(onClose);
  const confirm = (target: AdminUserDto) => run(async () => onDisabled(await usersApi.disable(target.id)));
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      title={user ? `Disable ${user.name}?` : 'Disable account?'}
      description="They will be signed out everywhere and cannot sign in until you enable the account again. Nothing they made is deleted."
    >
      <FormError message={error} />
      <div className="button-row button-row--end">
        <Button data-autofocus onClick={close}>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={() => user && void confirm(user)}>
          {busy ? 'Disabling…' : 'Disable account'}
        </Button>
      </div>
    </Dialog>
  );
}
