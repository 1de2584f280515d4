import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ContactDto } from '../../shared/contracts/contacts';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { PageHeader } from '../components/ui/page-header';
import { ListLoadError, ShowMore } from '../components/ui/paged-list';
import { SearchField } from '../components/ui/search-field';
import { Toast } from '../components/ui/toast';
import { BulkDialog, type BulkKind, type BulkResult } from '../features/network/bulk-dialogs';
import { CircleTabs, isCircleTab, type CircleTab } from '../features/network/circle-tabs';
import { ContactTable } from '../features/network/contact-table';
import { deletedFrom } from '../features/network/deleted-state';
import { bulkInSlices, contactsApi, type SearchMatch } from '../features/network/contacts-api';
import { ExportMenu } from '../features/network/export-menu';
import { CIRCLE_LABELS } from '../features/network/labels';
import { SELECT_ALL_ID, SelectionBar } from '../features/network/selection-bar';
import { useContactSummary } from '../features/network/use-contact-summary';
import { useShortcut } from '../features/shell/shortcuts';
import { messageOf } from '../lib/api';
import { plural } from '../lib/format';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { usePagedList } from '../lib/use-paged-list';
import { usePageTitle } from '../lib/use-page-title';
import '../features/network/network.css';

type ToastState = { message: string; tone: 'success' | 'danger'; restoreIds?: string[] } | null;

function summaryLine(count: number, more: boolean, q: string, circle: CircleTab, due: boolean, match: SearchMatch | undefined): string {
  const close = q !== '' && match === 'close';
  const where = [circle === 'all' ? '' : `in ${CIRCLE_LABELS[circle]}`, due ? 'due a catch-up' : '', q && !close ? `matching “${q}”` : ''].filter(Boolean).join(', ');
  if (count === 0) return `No one ${where || 'here yet'}.`;
  const tail = more ? '; there are more.' : '.';
  // Typo tolerance: say that these only look like the query, so nobody mistakes them for exact matches.
  if (close) return `Nothing matches “${q}” exactly. Showing ${plural(count, 'close match', 'close matches')}${where ? ` ${where}` : ''}, closest first${tail}`;
  return `Showing ${plural(count, 'person', 'people')}${where ? ` ${where}` : ''}${q ? ', best match first' : ''}${tail}`;
}

export function NetworkRoute() {
  usePageTitle('Network');
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const circleParam = params.get('circle');
  const circle: CircleTab = isCircleTab(circleParam) ? circleParam : 'all';
  const due = params.get('due') === 'true';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 150);
  const { summary, reload: reloadSummary } = useContactSummary();
  const key = `${circle}|${due}|${q}`;
  const list = usePagedList<ContactDto, SearchMatch>(key, (cursor) => contactsApi.list({ q, circle: circle === 'all' ? null : circle, due }, cursor));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [toast, setToast] = useState<ToastState>(null);
  const [undoing, setUndoing] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelId = useId();

  useShortcut('/', 'Search your network', () => searchRef.current?.focus());
  useShortcut('n', 'Add someone', () => void navigate('/network/new'));

  // The search lives in the address too, so Back from a contact returns to the same results.
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [q, setParams]);

  useEffect(() => setSelected(new Set()), [key]);

  // After a bulk action the selection's buttons are gone: focus goes back to "Select all" (or the heading
  // when nobody is left). This runs after the dialog's own effect has closed it and returned focus.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) (document.getElementById(SELECT_ALL_ID) ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  }, [refocus]);

  // A contact deleted on its own page comes back here with its undo.
  useEffect(() => {
    const deleted = deletedFrom(location.state);
    if (!deleted) return;
    setToast({ message: deleted.message, tone: 'success', restoreIds: deleted.ids });
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);

  function setFilter(name: 'circle' | 'due', value: string | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { preventScrollReset: true },
    );
  }

  function refresh() {
    void list.reload();
    void reloadSummary();
  }

  function finishBulk(result: BulkResult) {
    setBulk(null);
    setSelected(new Set());
    setToast({ message: result.message, tone: 'success', restoreIds: result.deletedIds });
    refresh();
    setRefocus((count) => count + 1);
  }

  async function undo(ids: string[]) {
    setUndoing(true);
    try {
      const restored = await bulkInSlices('restore', ids);
      setToast({ message: `Restored ${plural(restored, 'contact')}.`, tone: 'success' });
      refresh();
    } catch (error) {
      setToast({ message: `Could not undo. ${messageOf(error)}`, tone: 'danger', restoreIds: ids });
    } finally {
      setUndoing(false);
    }
  }

  const visibleIds = useMemo(() => list.items.map((contact) => contact.id), [list.items]);
  const selectedIds = visibleIds.filter((id) => selected.has(id));
  const networkEmpty = summary?.total === 0 && list.status === 'ready' && list.items.length === 0;
  const filtered = q !== '' || circle !== 'all' || due;

  return (
    <>
      <PageHeader
        title="Network"
        description="Everyone you know, and who is due a catch-up."
        actions={
          <>
            <Link className="button button--primary" to="/network/new" aria-keyshortcuts="n">
              Add someone
            </Link>
            <Link className="button button--secondary" to="/network/import">
              Import
            </Link>
            <ExportMenu />
          </>
        }
      />

      {networkEmpty ? (
        <EmptyState
          title="Your network starts here"
          action={
            <div className="button-row">
              <Link className="button button--primary" to="/network/new">
                Add someone
              </Link>
              <Link className="button button--secondary" to="/network/import?source=linkedin">
                Import LinkedIn connections
              </Link>
            </div>
          }
        >
          Add a classmate, a professor or someone you met at an event — or bring in your LinkedIn connections in a minute.
        </EmptyState>
      ) : (
        <>
          <div className="network-filters">
            <CircleTabs value={circle} onChange={(value) => setFilter('circle', value === 'all' ? null : value)} summary={summary} panelId={panelId} />
            <div className="toolbar">
              <SearchField
                ref={searchRef}
                id="network-search"
                label="Search your network"
                hint="Names, organisations, tags, notes; small typos are fine."
                value={search}
                onSearch={setSearch}
              />
              <button
                type="button"
                className="chip due-chip"
                aria-pressed={due}
                onClick={() => setFilter('due', due ? null : 'true')}
              >
                Due a catch-up{' '}
                <span className="due-chip-count">{summary?.due ?? '…'}</span>
              </button>
              <Link className="button button--quiet" to="/network/duplicates">
                Find duplicates
              </Link>
            </div>
          </div>

          <div id={panelId} role="tabpanel" aria-labelledby={`circle-tab-${circle}`} className="stack">
            <ListLoadError list={list} />
            <div className="list-head">
              {list.items.length > 0 ? (
                <SelectionBar
                  shown={visibleIds.length}
                  selected={selectedIds.length}
                  onSelectAll={(on) => setSelected(on ? new Set(visibleIds) : new Set())}
                  onAction={setBulk}
                  onClear={() => setSelected(new Set())}
                />
              ) : null}
              {/* Announces each new result; when nothing matches, the empty state below says so on screen. */}
              <p className={list.status === 'ready' && list.items.length === 0 ? 'visually-hidden' : 'list-summary'} role="status">
                {list.status === 'loading' && list.items.length === 0 ? 'Loading your network…' : list.status === 'ready' ? summaryLine(list.items.length, list.nextCursor !== null, q, circle, due, list.extra) : ''}
              </p>
            </div>
            {list.status === 'ready' && list.items.length === 0 ? (
              <EmptyState
                title={due ? 'Nobody is due right now' : 'No one matches'}
                action={
                  filtered ? (
                    <Button
                      onClick={() => {
                        setSearch('');
                        setParams(new URLSearchParams(), { replace: true });
                      }}
                    >
                      Show everyone
                    </Button>
                  ) : undefined
                }
              >
                {due ? 'You are up to date with everyone here. A short hello to someone you like is never wasted.' : 'Check the spelling, try part of a name or organisation, or look in All.'}
              </EmptyState>
            ) : null}
            {list.items.length > 0 ? (
              <>
                <div className={list.status === 'loading' ? 'table-busy' : undefined} aria-busy={list.status === 'loading' || undefined}>
                  <ContactTable
                    contacts={list.items}
                    caption={q ? `Contacts matching “${q}”, best match first` : 'Contacts in name order'}
                    showCircle={circle === 'all'}
                    selected={selected}
                    onToggle={(id, on) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (on) next.add(id);
                        else next.delete(id);
                        return next;
                      })
                    }
                  />
                </div>
              </>
            ) : null}
            <ShowMore list={list} />
          </div>
        </>
      )}

      <BulkDialog kind={bulk} ids={selectedIds} onClose={() => setBulk(null)} onDone={finishBulk} />
      <Toast
        message={toast?.message ?? null}
        tone={toast?.tone}
        onDismiss={() => setToast(null)}
        action={
          toast?.restoreIds ? (
            <Button busy={undoing} onClick={() => void undo(toast.restoreIds ?? [])}>
              {undoing ? 'Undoing…' : 'Undo'}
            </Button>
          ) : undefined
        }
      />
    </>
  );
}
