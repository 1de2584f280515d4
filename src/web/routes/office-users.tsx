import { useRef, useState } from 'react';
import type { AdminUserDto, Role } from '../../shared/contracts/users';
import { Button } from '../components/ui/button';
import { ChipGroup } from '../components/ui/chip-group';
import { EmptyState } from '../components/ui/empty-state';
import { LiveStatus } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { ListLoadError, ShowMore } from '../components/ui/paged-list';
import { SearchField } from '../components/ui/search-field';
import { ROLE_LABELS } from '../features/account/role-labels';
import { useSignedInUser } from '../features/auth/session';
import { AddUserDialog } from '../features/office/add-user-dialog';
import { NoShowClearanceDialog, type Student } from '../features/appointments/no-show-clearance-dialog';
import { DisableUserDialog } from '../features/office/disable-user-dialog';
import { usersApi } from '../features/office/users-api';
import { UsersTable } from '../features/office/users-table';
import { useShortcut } from '../features/shell/shortcuts';
import { messageOf } from '../lib/api';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { usePagedList } from '../lib/use-paged-list';
import { usePageTitle } from '../lib/use-page-title';

type RoleFilter = Role | 'all';
const FILTERS: readonly { value: RoleFilter; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'student', label: 'Students' },
  { value: 'alumni', label: 'Alumni' },
  { value: 'advisor', label: 'Advisors' },
  { value: 'admin', label: 'Admins' },
];

type Status = { tone: 'success' | 'danger'; message: string } | null;

/** "Showing 25 accounts; there are more." · "Showing 2 advisors matching “shah”." */
function summary(count: number, more: boolean, role: RoleFilter, q: string): string {
  if (count === 0) return q ? `No accounts match “${q}”.` : 'No accounts match.';
  const many = FILTERS.find((filter) => filter.value === role)?.label.toLowerCase() ?? 'accounts';
  const noun = role === 'all' ? (count === 1 ? 'account' : 'accounts') : count === 1 ? ROLE_LABELS[role].toLowerCase() : many;
  return `Showing ${count} ${noun}${q ? ` matching “${q}”` : ''}${more ? '; there are more.' : '.'}`;
}

export function OfficeUsersRoute() {
  usePageTitle('Users');
  const me = useSignedInUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const q = useDebouncedValue(search.trim(), 250);
  const list = usePagedList(`${role}|${q}`, (cursor) => usersApi.list({ q, role: role === 'all' ? null : role, cursor }));
  const [adding, setAdding] = useState(false);
  const [disabling, setDisabling] = useState<AdminUserDto | null>(null);
  const [clearing, setClearing] = useState<Student | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useShortcut('/', 'Search accounts', () => searchRef.current?.focus());
  useShortcut('n', 'Add account', () => setAdding(true));

  async function enable(user: AdminUserDto) {
    setBusyId(user.id);
    setStatus(null);
    try {
      list.replace((item) => item.id === user.id, await usersApi.enable(user.id));
      setStatus({ tone: 'success', message: `${user.name} can sign in again.` });
    } catch (error) {
      setStatus({ tone: 'danger', message: messageOf(error) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageHeader
        eyebrow="Office"
        title="Users"
        description="Everyone who can sign in to Rapport. Add staff and alumni here; students register themselves."
        actions={
          <Button variant="primary" onClick={() => setAdding(true)} aria-keyshortcuts="n">
            Add account
          </Button>
        }
      />
      <div className="toolbar">
        <SearchField ref={searchRef} id="user-search" label="Search by name or email" value={search} onSearch={setSearch} />
        <ChipGroup label="Show role" options={FILTERS} value={role} onChange={setRole} />
      </div>
      <LiveStatus message={status?.message ?? null} tone={status?.tone ?? 'success'} />
      <ListLoadError list={list} />
      {/* Announces each new result; when nothing matches, the empty state below says so on screen. */}
      <p className={list.status === 'ready' && list.items.length === 0 ? 'visually-hidden' : 'list-summary'} role="status">
        {list.status === 'loading' && list.items.length === 0 ? 'Loading accounts…' : list.status === 'ready' ? summary(list.items.length, list.nextCursor !== null, role, q) : ''}
      </p>
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          title="No accounts match"
          action={
            <Button
              onClick={() => {
                setSearch('');
                setRole('all');
              }}
            >
              Clear search and filter
            </Button>
          }
        >
          Check the spelling, try part of the email, or choose “Everyone”.
        </EmptyState>
      ) : list.items.length > 0 ? (
        <div className={list.status === 'loading' ? 'table-busy' : undefined} aria-busy={list.status === 'loading' || undefined}>
          <UsersTable users={list.items} meId={me.id} busyId={busyId} onDisable={setDisabling} onEnable={(user) => void enable(user)} onClearNoShows={setClearing} />
        </div>
      ) : null}
      <ShowMore list={list} />
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(user) => {
          setAdding(false);
          setStatus({ tone: 'success', message: `Added ${user.name} as ${ROLE_LABELS[user.role].toLowerCase()}. Share the initial password with them privately.` });
          void list.reload();
        }}
      />
      <NoShowClearanceDialog
        student={clearing}
        onClose={() => setClearing(null)}
        onCleared={(student) => {
          setClearing(null);
          setStatus({ tone: 'success', message: `Meeting with ${student.name} recorded. They can book again; their earlier no-shows no longer count.` });
        }}
      />
      <DisableUserDialog
        user={disabling}
        onClose={() => setDisabling(null)}
        onDisabled={(user) => {
          setDisabling(null);
          list.replace((item) => item.id === user.id, user);
          setStatus({ tone: 'success', message: `${user.name} is disabled and signed out everywhere.` });
        }}
      />
    </>
  );
}
