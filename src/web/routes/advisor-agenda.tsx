import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AgendaItemDto } from '../../shared/contracts/appointments';
import { Button } from '../components/ui/button';
import { Checkbox } from '../components/ui/checkbox';
import { ChipGroup } from '../components/ui/chip-group';
import { EmptyState } from '../components/ui/empty-state';
import { LiveStatus, Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { TextField } from '../components/ui/text-field';
import { AdvisorCancelDialog } from '../features/appointments/advisor-cancel-dialog';
import { AgendaItem, agendaTitleId } from '../features/appointments/agenda-item';
import { advisingApi } from '../features/appointments/appointments-api';
import { NoShowClearanceDialog, type Student } from '../features/appointments/no-show-clearance-dialog';
import { addDays, browserTimeZone, formatDay, formatTime, groupByDay, localDate } from '../features/appointments/zoned-time';
import { messageOf } from '../lib/api';
import { useAutoRefresh } from '../lib/use-auto-refresh';
import { useFocusLinked } from '../lib/use-focus-linked';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type View = 'day' | 'week';
const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];
/** How often an agenda left open asks again (students book and cancel meanwhile). */
const REFRESH_MS = 60_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The agenda as answered: `query` names what it shows (`2026-12-01|day|false`), `request` which request it
 * answers, so an answer to an earlier request is never taken for the current one.
 */
type Agenda = { timezone: string; date: string; items: AgendaItemDto[]; query: string; request: string };
/** Where a link to one appointment sends the cursor: set by /agenda/:id. */
type FocusState = { focus?: string } | null;

/**
 * "Who am I seeing today?": the day (or week) in the advisor's zone, one tap to mark attendance, cancel with the
 * student told. The date, view and cancelled toggle live in the address (`/agenda?date=2026-12-01&view=week`), so a bookmark
 * and a link from an email open the same agenda; without a date it is today in the advisor's zone. The agenda
 * asks again when the Agenda link is followed, when the tab is shown again and every minute while it is open.
 */
export function AdvisorAgendaRoute() {
  usePageTitle('Agenda');
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date');
  const askedDate = dateParam && DATE.test(dateParam) ? dateParam : undefined;
  const view: View = params.get('view') === 'week' ? 'week' : 'day';
  const showCancelled = params.get('cancelled') === '1';
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<AgendaItemDto | null>(null);
  const [clearing, setClearing] = useState<Student | null>(null);
  /** Students whose no-show meeting was recorded here, with when (the agenda does not carry it). */
  const [cleared, setCleared] = useState<Record<string, string>>({});
  /** Where the cursor goes once a cancelled card has left the list: the next card's heading, or the page's. */
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  /** The office lets advisors book for their students. */
  const [mayBook, setMayBook] = useState(false);
  /** Bumped by Refresh and the timer: the same agenda asked again. */
  const [asks, setAsks] = useState(0);
  const focusId = (location.state as FocusState)?.focus;

  useEffect(() => {
    advisingApi.settings().then(
      (settings) => setMayBook(settings.mayBookForStudents),
      () => setMayBook(false),
    );
  }, []);

  // Following the Agenda link again gives a new location key: that is a request for a fresh agenda too.
  const request = `${askedDate ?? 'today'}|${view}|${String(showCancelled)}|${location.key}|${String(asks)}`;
  useEffect(() => {
    let current = true;
    setError(null);
    advisingApi.agenda({ date: askedDate, view, includeCancelled: showCancelled ? 'true' : 'false' }).then(
      (answer) => {
        if (!current) return;
        const query = `${answer.date}|${view}|${String(showCancelled)}`;
        setAgenda({ timezone: answer.timezone, date: answer.date, items: answer.items, query, request });
      },
      (cause: unknown) => {
        if (current) setError(messageOf(cause));
      },
    );
    return () => {
      current = false;
    };
  }, [askedDate, view, showCancelled, request]);

  const refresh = useCallback(() => setAsks((count) => count + 1), []);
  useAutoRefresh(refresh, REFRESH_MS);

  useEffect(() => {
    if (focusAfter === null) return;
    (document.getElementById(focusAfter) ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  // A link to one appointment (from an email) lands on its card once the agenda holding it is shown.
  useFocusLinked(focusId && agendaTitleId(focusId), agenda?.items.some((item) => item.id === focusId) === true);

  const timeZone = agenda?.timezone ?? browserTimeZone();
  const shownDate = askedDate ?? agenda?.date;
  const today = agenda ? localDate(new Date(), agenda.timezone) : undefined;
  const days = groupByDay(agenda?.items ?? [], (item) => localDate(new Date(item.start), timeZone));
  const step = view === 'day' ? 1 : 7;
  const current = agenda !== null && agenda.request === request;

  /** Changes what the address asks for; the history keeps one entry for the agenda, not one per day stepped. */
  function show(next: { date?: string | null; view?: View; cancelled?: boolean }) {
    // From the address as it is now: two quick changes (a date typed, then "Show cancelled") must both stay,
    // even when the page has not re-rendered between them.
    const changed = new URLSearchParams(window.location.search);
    if (next.cancelled !== undefined) {
      if (next.cancelled) changed.set('cancelled', '1');
      else changed.delete('cancelled');
    }
    if (next.date !== undefined) {
      if (next.date === null || next.date === today) changed.delete('date');
      else changed.set('date', next.date);
    }
    if (next.view !== undefined) {
      if (next.view === 'day') changed.delete('view');
      else changed.set('view', next.view);
    }
    // flushSync: the router would otherwise apply the change in a transition, and until it lands React puts a
    // controlled checkbox or date field back as it was; the control must show what was chosen at once.
    setParams(changed, { replace: true, flushSync: true });
  }

  function replace(changed: AgendaItemDto) {
    setAgenda((current) => (current ? { ...current, items: current.items.map((other) => (other.id === changed.id ? changed : other)) } : current));
  }

  function cancelled(item: AgendaItemDto) {
    const items = agenda?.items ?? [];
    const index = items.findIndex((other) => other.id === item.id);
    const neighbour = showCancelled ? item : (items[index + 1] ?? items[index - 1]);
    if (showCancelled) replace(item);
    else setAgenda((current) => (current ? { ...current, items: current.items.filter((other) => other.id !== item.id) } : current));
    setCancelling(null);
    setStatus(`Cancelled ${item.student.name}’s appointment at ${formatTime(item.start, timeZone)}. We emailed ${item.student.name}.`);
    setFocusAfter(neighbour ? agendaTitleId(neighbour.id) : '');
  }

  return (
    <>
      <PageHeader
        eyebrow="Advising"
        title="Agenda"
        description={agenda ? `Times in ${agenda.timezone}.` : undefined}
        actions={
          <>
            {mayBook ? (
              <Link className="button button--secondary" to="/agenda/book">
                Book for a student
              </Link>
            ) : null}
            <Button variant="primary" onClick={refresh}>
              Refresh
            </Button>
          </>
        }
      />
      <div className="agenda-toolbar">
        <div className="agenda-step" role="group" aria-label={`Which ${view}`}>
          <Button disabled={!shownDate} onClick={() => shownDate && show({ date: addDays(shownDate, -step) })}>
            Previous {view}
          </Button>
          {/* A navigation control, not a form: it is never wrong, so it has no error and nothing to check on leaving. */}
          <TextField
            id="agenda-date"
            name="agenda-date"
            label="Date"
            type="date"
            className="agenda-date"
            value={shownDate ?? ''}
            error={undefined}
            onBlur={() => undefined}
            onChange={(event) => DATE.test(event.target.value) && show({ date: event.target.value })}
          />
          <Button disabled={!shownDate} onClick={() => shownDate && show({ date: addDays(shownDate, step) })}>
            Next {view}
          </Button>
          {today && shownDate && shownDate !== today ? <Button onClick={() => show({ date: null })}>Today</Button> : null}
        </div>
        <ChipGroup label="Show" options={VIEWS} value={view} onChange={(next) => show({ view: next })} />
        <Checkbox label="Show cancelled" checked={showCancelled} onChange={(event) => show({ cancelled: event.target.checked })} />
      </div>
      <LiveStatus message={status} />
      {error ? (
        <Notice tone="danger" live="alert">
          {error}
        </Notice>
      ) : null}
      {agenda === null && !error ? <p role="status">Loading your agenda…</p> : null}
      {agenda && agenda.items.length === 0 ? (
        <EmptyState title={view === 'week' ? 'No appointments this week' : shownDate === today ? 'No appointments today' : 'No appointments this day'}>
          Students book the open times from your Availability page. Try the next {view}, or show cancelled ones.
        </EmptyState>
      ) : null}
      <div className="stack-lg" data-agenda-for={current ? agenda.query : undefined} aria-busy={!current}>
        {days.map(({ day, items }) => (
          <section key={day} className="slot-day" aria-label={formatDay(items[0]?.start ?? `${day}T12:00:00Z`, timeZone)}>
            <h2>{formatDay(items[0]?.start ?? `${day}T12:00:00Z`, timeZone)}</h2>
            <ul className="appt-list">
              {items.map((item) => (
                <AgendaItem
                  key={`${item.id}|${item.status}`}
                  item={item}
                  timeZone={timeZone}
                  clearedAt={cleared[item.student.id]}
                  onChange={(changed, message) => {
                    replace(changed);
                    setStatus(message);
                  }}
                  onCancel={setCancelling}
                  onClearNoShows={(chosen) => setClearing(chosen.student)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <AdvisorCancelDialog item={cancelling} timeZone={timeZone} onClose={() => setCancelling(null)} onCancelled={cancelled} />
      <NoShowClearanceDialog
        student={clearing}
        onClose={() => setClearing(null)}
        onCleared={(student, clearedAt) => {
          setCleared((current) => ({ ...current, [student.id]: clearedAt }));
          setClearing(null);
          setStatus(`Meeting with ${student.name} recorded. They can book again; their earlier no-shows no longer count.`);
        }}
      />
    </>
  );
}

/**
 * `/agenda/:id`, the link in the advisor's notification emails: opens the agenda on that appointment's day (in
 * the advisor's zone, with cancelled ones shown when it was cancelled) with the cursor on its card.
 */
export function AdvisorAgendaAppointmentRoute() {
  usePageTitle('Agenda');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([advisingApi.appointment(id), advisingApi.settings()]).then(
      ([appointment, settings]) => {
        if (!current) return;
        // Without a zone of their own the advisor has no open hours; the browser's zone is the best guess then.
        const date = localDate(new Date(appointment.start), settings.timezone ?? browserTimeZone());
        const cancelled = appointment.status === 'cancelled' || appointment.status === 'late_cancelled' ? '&cancelled=1' : '';
        void navigate(`/agenda?date=${date}${cancelled}`, { replace: true, state: { focus: appointment.id } satisfies FocusState });
      },
      (cause: unknown) => {
        if (current) setError(messageOf(cause));
      },
    );
    return () => {
      current = false;
    };
  }, [id, navigate]);

  return (
    <div className="stack-lg">
      <PageHeader eyebrow="Advising" title="Agenda" />
      {error ? (
        <Notice tone="danger" live="alert" title="We can’t open that appointment">
          {error} <Link to="/agenda">Go to today’s agenda</Link>
        </Notice>
      ) : (
        <p role="status">Opening the appointment…</p>
      )}
    </div>
  );
}
