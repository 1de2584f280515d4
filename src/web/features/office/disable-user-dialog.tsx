import type { AdminUserDto } from '../../../shared/contracts/users';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
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
    <ConfirmDialog
      open={user !== null}
      onClose={close}
      title={user ? `Disable ${user.name}?` : 'Disable account?'}
      description="They will be signed out everywhere and cannot sign in until you enable the account again. Nothing they made is deleted."
      keepLabel="Cancel"
      confirmLabel="Disable account"
      busyLabel="Disabling…"
      tone="danger"
      busy={busy}
      error={error}
      onConfirm={() => user && void confirm(user)}
    />
  );
}
