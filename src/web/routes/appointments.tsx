import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppointmentDto } from '../../shared/contracts/appointments';
import type { CancellationCutoff } from '../../shared/domain/appointment-policy';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { Notice, PageNotices } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { CUTOFF_LABELS, DOCUMENT_LABELS, MODE_LABELS, STATUS_LABELS, isLateNow, statusTone } from '../features/appointments/appointment-labels';
import { AppointmentDocument, DocumentForm } from '../features/appointments/appointment-document';
import { bookingApi } from '../features/appointments/appointments-api';
import { browserTimeZone, formatWhen } from '../features/appointments/zoned-time';
import { messageOf } from '../lib/api';
import { useFocusLinked } from '../lib/use-focus-linked';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type Standing = Awaited<ReturnType<typeof bookingApi.standing>>;
type Data = { upcoming: AppointmentDto[]; past: AppointmentDto[]; standing: Standing };

function cancelWarning(appointment: AppointmentDto, cutoff: CancellationCutoff): string {
  const late = isLateNow(appointment.start, cutoff);
  const rule = `Cancelling less than ${CUTOFF_LABELS[cutoff]} before the start counts as a late cancellation.`;
  if (late === true) return `${rule} This one is inside that window, so it will be recorded as late.`;
  if (late === false) return `${rule} You are still in time.`;
  return rule;
}

/** Who cancelled, in the student's words, with the advisor's reason when they gave one. */
function cancelledByText(appointment: AppointmentDto): string | null {
  if (appointment.status !== 'cancelled' && appointment.status !== 'late_cancelled') return null;
  const reason = appointment.cancelReason?.trim();
  if (appointment.cancelledBy === 'advisor') return reason ? `Cancelled by your advisor: “${reason}”` : 'Cancelled by your advisor.';
  if (appointment.cancelledBy === 'staff') return reason ? `Cancelled by the advising office: “${reason}”` : 'Cancelled by the advising office.';
  if (appointment.cancelledBy === 'student') return 'You cancelled this one.';
  return null;
}

function AppointmentCard({
  appointment,
  timeZone,
  cutoff,
  busy,
  onCancel,
  onDocumentSaved,
}: {
  appointment: AppointmentDto;
  timeZone: string;
  cutoff: CancellationCutoff;
  busy: boolean;
  onCancel?: (appointment: AppointmentDto) => void;
  onDocumentSaved?: (appointment: AppointmentDto) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [editingDocument, setEditingDocument] = useState(false);
  const booked = appointment.status === 'booked';
  const cancelledBy = cancelledByText(appointment);
  const documentKind = appointment.documentRequired ? DOCUMENT_LABELS[appointment.documentRequired] : 'document';
  // APPT-02: the document can be added or replaced until the office's deadline before the start.
  const documentOpen = booked && onDocumentSaved !== undefined && (appointment.documentRequired !== null || appointment.document !== null) && Date.parse(appointment.documentDueAt) > Date.now();
  return (
    <li className="appt-card" data-appointment-id={appointment.id}>
      <h3 id={appointmentTitleId(appointment.id)} tabIndex={-1}>
        {appointment.reasonLabel}
      </h3>
      <dl className="appt-meta">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={appointment.start}>{formatWhen(appointment.start, timeZone)}</time>
          </dd>
        </div>
        <div>
          <dt>With</dt>
          <dd>{appointment.advisorName}</dd>
        </div>
        <div>
          <dt>How</dt>
          <dd>
            {MODE_LABELS[appointment.mode]}, {appointment.minutes} min
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={statusTone(appointment.status)}>{STATUS_LABELS[appointment.status]}</Badge>
          </dd>
        </div>
      </dl>
      {cancelledBy ? <p className="appt-cancelled-by">{cancelledBy}</p> : null}
      <AppointmentDocument appointment={appointment} downloadUrl={bookingApi.documentUrl(appointment.id)} subject={appointment.reasonLabel} />
      {booked && appointment.documentRequired && !appointment.document ? (
        <Notice tone={documentOpen ? 'warning' : 'danger'}>
          {documentOpen
            ? `Your advisor needs your ${documentKind} by ${formatWhen(appointment.documentDueAt, timeZone)}.`
            : `No ${documentKind} was added before the deadline. Bring it with you.`}
        </Notice>
      ) : null}
      {documentOpen ? (
        editingDocument ? (
          <DocumentForm
            appointment={appointment}
            onClose={() => setEditingDocument(false)}
            onSaved={(saved) => {
              setEditingDocument(false);
              onDocumentSaved?.(saved);
            }}
          />
        ) : (
          <div className="appt-actions">
            <Button onClick={() => setEditingDocument(true)}>
              {appointment.document ? `Replace ${documentKind}` : `Add ${documentKind}`}
              <span className="visually-hidden"> for {appointment.reasonLabel}</span>
            </Button>
          </div>
        )
      ) : null}
      {booked && onCancel ? (
        confirming ? (
          <div className="stack">
            <Notice tone="warning">{cancelWarning(appointment, cutoff)}</Notice>
            <div className="appt-actions">
              <Button variant="danger" busy={busy} onClick={() => onCancel(appointment)}>
                {busy ? 'Cancelling…' : 'Yes, cancel it'}
              </Button>
              <Button variant="quiet" onClick={() => setConfirming(false)} data-autofocus>
                Keep it
              </Button>
            </div>
          </div>
        ) : (
          <div className="appt-actions">
            <a className="button button--secondary" href={bookingApi.icsUrl(appointment.id)} download="appointment.ics">
              Add to calendar<span className="visually-hidden"> ({appointment.reasonLabel})</span>
            </a>
            <Link className="button button--secondary" to={`/appointments/book?reschedule=${encodeURIComponent(appointment.id)}&reason=${encodeURIComponent(appointment.reasonCode)}`}>
              Move<span className="visually-hidden"> {appointment.reasonLabel}</span>
            </Link>
            <Button variant="quiet" className="button--danger-text" onClick={() => setConfirming(true)}>
              Cancel<span className="visually-hidden"> {appointment.reasonLabel}</span>
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}

/** The id of a card's heading: a link to one appointment puts the cursor there. */
const appointmentTitleId = (id: string) => `appointment-${id}-title`;

/**
 * "My appointments": what is coming, what happened, where I stand with the no-show policy. At
 * `/appointments/:id` (the link in the confirmation email and the calendar entry) the cursor lands on that one.
 */
export function AppointmentsRoute() {
  usePageTitle('My appointments');
  const { id: linkedId } = useParams();
  const timeZone = browserTimeZone();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<{ tone: 'success' | 'warning' | 'danger'; message: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [upcoming, past, standing] = await Promise.all([bookingApi.list('upcoming'), bookingApi.list('past'), bookingApi.standing()]);
      // The API's "upcoming" is by time; a cancelled appointment that was still to come belongs with the cancelled ones.
      const cancelled = (appointment: AppointmentDto) => appointment.status === 'cancelled' || appointment.status === 'late_cancelled';
      setData({ upcoming: upcoming.filter((appointment) => !cancelled(appointment)), past: [...upcoming.filter(cancelled), ...past], standing });
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function cancel(appointment: AppointmentDto) {
    setBusyId(appointment.id);
    setStatus(null);
    try {
      const cancelled = await bookingApi.cancel(appointment.id);
      setStatus(
        cancelled.lateCancellation
          ? { tone: 'warning', message: `Cancelled ${appointment.reasonLabel}. It was inside the cancellation window, so it is recorded as a late cancellation.` }
          : { tone: 'success', message: `Cancelled ${appointment.reasonLabel}. The time is free for someone else.` },
      );
      await load();
    } catch (cause) {
      setStatus({ tone: 'danger', message: messageOf(cause) });
    } finally {
      setBusyId(null);
    }
  }

  const linkedShown = linkedId !== undefined && data !== null && [...data.upcoming, ...data.past].some((appointment) => appointment.id === linkedId);
  useFocusLinked(linkedId && appointmentTitleId(linkedId), linkedShown);

  const standing = data?.standing;
  return (
    <>
      <PageHeader
        eyebrow="Appointments"
        title="My appointments"
        description={`Times are shown in your time zone, ${timeZone}.`}
        actions={
          <Link className="button button--primary" to="/appointments/book">
            Book advising
          </Link>
        }
      />
      <PageNotices status={status} error={error} loading={!data} loadingLabel="Loading your appointments…" />
      {linkedId && data && !linkedShown ? (
        <Notice tone="warning" title="We can’t find that appointment">
          It is not among yours. Your appointments are below.
        </Notice>
      ) : null}
      {data && standing ? (
        <div className="stack-lg">
          {standing.standing !== 'none' || (standing.termCap !== null && standing.appointments >= standing.termCap) ? (
            <Notice tone={standing.standing === 'blocked' ? 'danger' : 'warning'} title="Your booking standing">
              {standing.message}
            </Notice>
          ) : null}
          <Panel
            title="Upcoming"
            description={`Cancel at least ${CUTOFF_LABELS[standing.cancellationCutoff as CancellationCutoff] ?? standing.cancellationCutoff} ahead; later counts as a late cancellation.${
              standing.termCap !== null ? ` This term (${standing.term.name}) you have ${standing.appointments} of ${standing.termCap} appointments.` : ''
            }`}
          >
            {data.upcoming.length === 0 ? (
              <EmptyState
                title="Nothing booked yet"
                action={
                  <Link className="button button--secondary" to="/appointments/book">
                    Book advising
                  </Link>
                }
              >
                An advisor can help with résumés, interviews, part-time work and more.
              </EmptyState>
            ) : (
              <ul className="appt-list">
                {data.upcoming.map((appointment) => (
                  <AppointmentCard
                    key={appointment.id}
                    appointment={appointment}
                    timeZone={timeZone}
                    cutoff={standing.cancellationCutoff as CancellationCutoff}
                    busy={busyId === appointment.id}
                    onCancel={(item) => void cancel(item)}
                    onDocumentSaved={(saved) => {
                      setData((current) => (current ? { ...current, upcoming: current.upcoming.map((other) => (other.id === saved.id ? saved : other)) } : current));
                      setStatus({ tone: 'success', message: `Saved the ${saved.documentRequired ? DOCUMENT_LABELS[saved.documentRequired] : 'document'} for ${saved.reasonLabel}.` });
                    }}
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Past and cancelled">
            {data.past.length === 0 ? (
              <p className="muted">Appointments you have had or cancelled show here.</p>
            ) : (
              <ul className="appt-list">
                {data.past.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} timeZone={timeZone} cutoff={standing.cancellationCutoff as CancellationCutoff} busy={false} />
                ))}
              </ul>
            )}
          </Panel>
        </div>
      ) : null}
    </>
  );
}
