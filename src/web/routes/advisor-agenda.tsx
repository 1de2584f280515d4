import { useCallback, useEffect, useState } from 'react';
import type { AgendaItemDto } from '../../shared/contracts/appointments';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { Checkbox } from '../components/ui/checkbox';
import { ChipGroup } from '../components/ui/chip-group';
import { EmptyState } from '../components/ui/empty-state';
import { LiveStatus, Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { TextAreaField } from '../components/ui/text-area-field';
import { TextField } from '../components/ui/text-field';
import { DOCUMENT_LABELS, MODE_LABELS, STATUS_LABELS } from '../features/appointments/appointment-labels';
import { advisingApi } from '../features/appointments/appointments-api';
import { addDays, browserTimeZone, formatDay, formatTime, groupByDay, localDate } from '../features/appointments/zoned-time';
import { messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';
import { ignoreBlur } from '../features/appointments/plain-field';

type View = 'day' | 'week';
const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];
/** The agenda as answered, with the query it answers (`2026-12-01|day|false`). */
type Agenda = { timezone: string; items: AgendaItemDto[]; query: string };
type Outcome = 'attended' | 'late' | 'no_show';
const OUTCOMES: readonly { value: Outcome; label: string }[] = [
  { value: 'attended', label: 'Attended' },
  { value: 'late', label: 'Late' },
  { value: 'no_show', label: 'No-show' },
];

function AgendaItem({ item, timeZone, onChange }: { item: AgendaItemDto; timeZone: string; onChange: (item: AgendaItemDto, message: string) => void }) {
  const [notes, setNotes] = useState(item.advisorNotes);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = Date.parse(item.start) <= Date.now();
  const active = item.status === 'booked' || item.status === 'attended' || item.status === 'late' || item.status === 'no_show';

  async function run(what: string, action: () => Promise<AgendaItemDto>, message: string) {
    setBusy(what);
    setError(null);
    try {
      onChange(await action(), message);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="appt-card" data-appointment-id={item.id}>
      <h3>
        {formatTime(item.start, timeZone)}–{formatTime(item.end, timeZone)} · {item.student.name}
      </h3>
      <dl className="appt-meta">
        <div>
          <dt>Reason</dt>
          <dd>{item.reasonLabel}</dd>
        </div>
        <div>
          <dt>How</dt>
          <dd>{MODE_LABELS[item.mode]}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{item.student.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={item.status === 'booked' ? 'accent' : item.status === 'no_show' ? 'danger' : 'neutral'}>{STATUS_LABELS[item.status]}</Badge>
          </dd>
        </div>
      </dl>
      {item.note ? (
        <p>
          <span className="muted">Student’s note: </span>
          {item.note}
        </p>
      ) : null}
      {item.document ? (
        <p className="appt-document">
          <span className="muted">{item.document.kind ? `${DOCUMENT_LABELS[item.document.kind]}: ` : 'Document: '}</span>
          {item.document.url ? (
            <a href={item.document.url} target="_blank" rel="noreferrer noopener">
              {item.document.url}
            </a>
          ) : (
            item.document.text
          )}
        </p>
      ) : item.documentRequired ? (
        <p className="muted">No {DOCUMENT_LABELS[item.documentRequired]} yet.</p>
      ) : null}
      {error ? (
        <Notice tone="danger" live="alert">
          {error}
        </Notice>
      ) : null}
      {active && started ? (
        <div className="appt-actions" role="group" aria-label={`Mark ${item.student.name}`}>
          {OUTCOMES.map((outcome) => (
            <Button
              key={outcome.value}
              aria-pressed={item.status === outcome.value}
              busy={busy === outcome.value}
              onClick={() => void run(outcome.value, () => advisingApi.attendance(item.id, { outcome: outcome.value }), `${item.student.name}: ${outcome.label.toLowerCase()}.`)}
            >
              {outcome.label}
            </Button>
          ))}
        </div>
      ) : active ? (
        <p className="muted">You can mark attendance once it starts.</p>
      ) : null}
      {active ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void run('notes', () => advisingApi.saveNotes(item.id, notes), `Notes on ${item.student.name} saved.`);
          }}
        >
          <TextAreaField id={`notes-${item.id}`} name={`notes-${item.id}`} onBlur={ignoreBlur} label="Private notes" hint="Only you see these." value={notes} error={undefined} onChange={(event) => setNotes(event.target.value)} />
          <div className="appt-actions">
            <Button type="submit" busy={busy === 'notes'}>
              {busy === 'notes' ? 'Saving…' : 'Save notes'}
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** "Who am I seeing today?": the day (or week) in the advisor's zone, one tap to mark attendance. */
export function AdvisorAgendaRoute() {
  usePageTitle('Agenda');
  const [date, setDate] = useState(() => localDate(new Date(), browserTimeZone()));
  const [view, setView] = useState<View>('day');
  const [showCancelled, setShowCancelled] = useState(false);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

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

  const timeZone = agenda?.timezone ?? browserTimeZone();
  const days = groupByDay(agenda?.items ?? [], (item) => localDate(new Date(item.start), timeZone));
  const step = view === 'day' ? 1 : 7;

  return (
    <>
      <PageHeader
        eyebrow="Advising"
        title="Agenda"
        description={`Times in ${timeZone}.`}
        actions={
          <Button variant="primary" onClick={() => void load()}>
            Refresh
          </Button>
        }
      />
      <div className="toolbar">
        <Button onClick={() => setDate(addDays(date, -step))}>Previous {view}</Button>
        <TextField id="agenda-date" name="agenda-date" onBlur={ignoreBlur} label="Date" type="date" value={date} error={undefined} onChange={(event) => event.target.value && setDate(event.target.value)} />
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
                  onChange={(changed, message) => {
                    setAgenda((current) => (current ? { ...current, items: current.items.map((other) => (other.id === changed.id ? changed : other)) } : current));
                    setStatus(message);
                  }}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
