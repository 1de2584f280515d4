import { Link } from 'react-router';
import type { AdminUserDto } from '../../../shared/contracts/users';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Table } from '../../components/ui/table';
import { formatDateTime, timeAgo } from '../../lib/format';
import { ROLE_LABELS } from '../account/role-labels';
import { auditTrailLink } from './audit-links';
import './office.css';

type UsersTableProps = {
  users: AdminUserDto[];
  meId: string;
  busyId: string | null;
  onDisable: (user: AdminUserDto) => void;
  onEnable: (user: AdminUserDto) => void;
  /** APPT-05: records the staff meeting that lifts a student's no-show booking block. */
  onClearNoShows: (user: AdminUserDto) => void;
};

/** Students and alumni book advising: theirs are the records staff open, and the no-show rules apply to them. */
const isAdvisee = (user: AdminUserDto) => user.role === 'student' || user.role === 'alumni';

/**
 * One row per account: who (with their program under the name, where set), role, whether they can sign in, when
 * they were last active, and the switch; a student's or alumnus's row also leads to their audit trail.
 */
export function UsersTable({ users, meId, busyId, onDisable, onEnable, onClearNoShows }: UsersTableProps) {
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
              {user.program ? <span className="user-program">{user.program}</span> : null}
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
            <td className="cell-actions users-actions">
              {isAdvisee(user) ? (
                <Link className="button button--quiet" {...auditTrailLink(user)}>
                  Audit trail<span className="visually-hidden"> of {user.name}</span>
                </Link>
              ) : null}
              {isAdvisee(user) && !user.disabled ? (
                <Button variant="quiet" onClick={() => onClearNoShows(user)}>
                  Record no-show meeting<span className="visually-hidden"> with {user.name}</span>
                </Button>
              ) : null}
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
