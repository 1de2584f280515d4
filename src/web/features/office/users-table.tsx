import type { AdminUserDto } from '../../../shared/contracts/users';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Table } from '../../components/ui/table';
import { formatDateTime, timeAgo } from '../../lib/format';
import { ROLE_LABELS } from '../account/role-labels';
import './office.css';

type UsersTableProps = {
  users: AdminUserDto[];
  meId: string;
  busyId: string | null;
  onDisable: (user: AdminUserDto) => void;
  onEnable: (user: AdminUserDto) => void;
};

/** One row per account: who, role, whether they can sign in, when they were last active, and the switch. */
export function UsersTable({ users, meId, busyId, onDisable, onEnable }: UsersTableProps) {
  return (
    <Table caption="Accounts, newest first">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last active</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-user-id={user.id}>
            <th scope="row" className="cell-strong cell-wrap">
              {user.name}
              {user.id === meId ? <span className="row-note"> (you)</span> : null}
            </th>
            <td className="cell-wrap" data-label="Email">
              {user.email}
            </td>
            <td data-label="Role">
              <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>{ROLE_LABELS[user.role]}</Badge>
            </td>
            <td data-label="Status">{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
            <td className="cell-nowrap" data-label="Last active">
              {user.lastSeenAt ? (
                <time dateTime={user.lastSeenAt} title={formatDateTime(user.lastSeenAt)}>
                  {timeAgo(user.lastSeenAt)}
                </time>
              ) : (
                <span className="muted">No recent sign-in</span>
              )}
            </td>
            <td className="cell-actions">
              {user.id === meId ? null : user.disabled ? (
                <Button busy={busyId === user.id} onClick={() => onEnable(user)}>
                  {busyId === user.id ? 'Enabling…' : 'Enable'}
                  <span className="visually-hidden"> {user.name}</span>
                </Button>
              ) : (
                <Button variant="quiet" className="button--danger-text" busy={busyId === user.id} onClick={() => onDisable(user)}>
                  Disable<span className="visually-hidden"> {user.name}</span>
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
