import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
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
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type View = 'day' | 'week';
const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];
/** The agenda as answered, with the query it answers (`2026-12-01|day|false`). */
type Agenda = { timezone: string; items: AgendaItemDto[]; query: string };
/** "Who am I seeing today?": the day (or week) in the advisor's zone, one tap to mark attendance, cancel with the student told. */
export function AdvisorAgendaRoute() {
  usePageTitle('Agenda');
  const [date, setDate] = useState(() => localDate(new Date(), browserTimeZone()));
  const [view, setView] = useState<View>('day');
  const [showCancelled, setShowCancelled] = useState(false);
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

  useEffect(() => {
    advisingApi.settings().then(
      (settings) => setMayBook(settings.mayBookForStudents),
      () => setMayBook(false),
    );
  }, []);

  const load = useCallback(async () => {
    setError(null);
    try {
      const answer = await advisingApi.agenda({ date, view, includeCancelled: showCancelled ? 'true' : 'false' });
      setAgenda({ timezone: answer.timezone, items: answer.items, query: `${date}|${view}|${String(showCancelled)}` });
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, [date, view, showCancelled]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (focusAfter === null) return;
    (document.getElementById(focusAfter) ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const timeZone = agenda?.timezone ?? browserTimeZone();
  const days = groupByDay(agenda?.items ?? [], (item) => localDate(new Date(item.start), timeZone));
  const step = view === 'day' ? 1 : 7;

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
        description={`Times in ${timeZone}.`}
        actions={
          <>
            {mayBook ? (
              <Link className="button button--secondary" to="/agenda/book">
                Book for a student
              </Link>
            ) : null}
            <Button variant="primary" onClick={() => void load()}>
              Refresh
            </Button>
          </>
        }
      />
      <div className="toolbar">
        <Button onClick={() => setDate(addDays(date, -step))}>Previous {view}</Button>
        {/* A navigation control, not a form: it is never wrong, so it has no error and nothing to check on leaving. */}
        <TextField id="agenda-date" name="agenda-date" label="Date" type="date" value={date} error={undefined} onBlur={() => undefined} onChange={(event) => event.target.value && setDate(event.target.value)} />
        <Button onClick={() => setDate(addDays(date, step))}>Next {view}</Button>
        <ChipGroup label="Show" options={VIEWS} value={view} onChange={setView} />
        <Checkbox label="Show cancelled" checked={showCancelled} onChange={(event) => setShowCancelled(event.target.checked)} />
      </div>
      <LiveStatus message={status} />
      {error ? (
        <Notice tone="danger" live="alert">
          {error}
        </Notice>
      ) : null}
      {agenda === null && !error ? <p role="status">Loading your agenda…</p> : null}
      {agenda && agenda.items.length === 0 ? (
        <EmptyState title={view === 'day' ? 'No appointments this day' : 'No appointments this week'}>
          Students book the open times from your Availability page. Try the next {view}, or show cancelled ones.
        </EmptyState>
      ) : null}
      <div className="stack-lg" data-agenda-for={agenda?.query}>
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
