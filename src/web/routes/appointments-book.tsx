import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AppointmentDto, SlotDto } from '../../shared/contracts/appointments';
import type { ReasonCodeDto } from '../../shared/contracts/reason-codes';
import type { AppointmentMode } from '../../shared/domain/reason-codes';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { SelectField } from '../components/ui/select-field';
import { TextAreaField } from '../components/ui/text-area-field';
import { TextField } from '../components/ui/text-field';
import { DOCUMENT_LABELS, MODE_LABELS } from '../features/appointments/appointment-labels';
import { bookingApi, type BookingRequest } from '../features/appointments/appointments-api';
import { addDays, browserTimeZone, formatDay, formatTime, formatWhen, groupByDay, localDate } from '../features/appointments/zoned-time';
import { isApiError, messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';
import { ignoreBlur } from '../features/appointments/plain-field';

const SEARCH_DAYS = 21;

type Slots = { status: 'idle' | 'loading' | 'ready' | 'error'; items: SlotDto[]; error?: string };

function ReasonPicker({ codes, value, onChange }: { codes: ReasonCodeDto[]; value: string; onChange: (code: string) => void }) {
  return (
    <fieldset className="choice-list">
      <legend>What would you like help with?</legend>
      {codes.map((code) => (
        <label key={code.code} className="choice">
          <input type="radio" name="reason" value={code.code} checked={value === code.code} onChange={() => onChange(code.code)} />
          <span className="choice-text">
            <span className="choice-title">{code.label}</span>
            <span className="muted">
              {code.description} {code.defaultMinutes} minutes.
              {code.needsDocument ? ` Bring your ${DOCUMENT_LABELS[code.needsDocument]}.` : ''}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function SlotPicker({ slots, chosen, timeZone, onChoose }: { slots: SlotDto[]; chosen: SlotDto | null; timeZone: string; onChoose: (slot: SlotDto) => void }) {
  const days = groupByDay(slots, (slot) => slot.startLocal.slice(0, 10));
  return (
    <div className="stack">
      {days.map(({ day, items }) => (
        <section key={day} className="slot-day" aria-label={formatDay(items[0]?.start ?? `${day}T12:00:00Z`, timeZone)}>
          <h3>{formatDay(items[0]?.start ?? `${day}T12:00:00Z`, timeZone)}</h3>
          <ul className="slot-grid">
            {items.map((slot) => {
              const selected = chosen?.start === slot.start && chosen.advisorId === slot.advisorId;
              return (
                <li key={`${slot.advisorId}|${slot.start}`}>
                  <Button className="slot-button" aria-pressed={selected} onClick={() => onChoose(slot)}>
                    {formatTime(slot.start, timeZone)}
                    <span> · {slot.advisorName}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Confirmation({ appointment, timeZone }: { appointment: AppointmentDto; timeZone: string }) {
  return (
    <Panel title="You’re booked" description="We sent a confirmation email too.">
      <p>
        <strong>{appointment.reasonLabel}</strong> with {appointment.advisorName}, {formatWhen(appointment.start, timeZone)} ({timeZone} time),{' '}
        {appointment.minutes} minutes, {MODE_LABELS[appointment.mode].toLowerCase()}.
      </p>
      <div className="appt-actions">
        <a className="button button--primary" href={bookingApi.icsUrl(appointment.id)} download="appointment.ics">
          Add to calendar (.ics)
        </a>
        <Link className="button button--secondary" to="/appointments">
          See my appointments
        </Link>
      </div>
    </Panel>
  );
}

/** "When can I get help with this?": reason, then an open time in my zone, then mode/note/document, then confirm. */
export function AppointmentsBookRoute() {
  const [params] = useSearchParams();
  const rescheduleId = params.get('reschedule');
  usePageTitle(rescheduleId ? 'Move appointment' : 'Book advising');
  const timeZone = useRef(browserTimeZone()).current;
  const [codes, setCodes] = useState<ReasonCodeDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reason, setReason] = useState(params.get('reason') ?? '');
  const [slots, setSlots] = useState<Slots>({ status: 'idle', items: [] });
  const [chosen, setChosen] = useState<SlotDto | null>(null);
  const [mode, setMode] = useState<AppointmentMode | ''>('');
  const [note, setNote] = useState('');
  const [docUrl, setDocUrl] = useState('');
  const [docText, setDocText] = useState('');
  const [docError, setDocError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<AppointmentDto | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  useEffect(() => {
    bookingApi.reasonCodes().then(setCodes, (cause: unknown) => setLoadError(messageOf(cause)));
  }, []);

  const code = codes?.find((item) => item.code === reason);

  async function loadSlots(reasonCode: string) {
    setSlots((current) => ({ status: 'loading', items: current.items }));
    const from = localDate(new Date(), timeZone);
    try {
      const answer = await bookingApi.slots({ reasonCode, from, to: addDays(from, SEARCH_DAYS), timeZone });
      setSlots({ status: 'ready', items: answer.items });
    } catch (cause) {
      setSlots({ status: 'error', items: [], error: messageOf(cause) });
    }
  }

  useEffect(() => {
    if (!reason) return;
    setChosen(null);
    void loadSlots(reason);
    // Only a new reason reloads the times; the 409 path reloads them itself.
  }, [reason]);

  useEffect(() => {
    if (code && (mode === '' || !code.modes.includes(mode))) setMode(code.modes[0] ?? '');
  }, [code, mode]);

  function choose(slot: SlotDto) {
    setChosen(slot);
    setError(null);
    idempotencyKey.current = crypto.randomUUID();
  }

  function documentInput(): BookingRequest['document'] | null {
    if (!code?.needsDocument) return undefined;
    if (docUrl.trim()) return { url: docUrl.trim() };
    if (docText.trim()) return { text: docText.trim() };
    return null;
  }

  async function confirm() {
    if (!chosen || !code || mode === '') return;
    const document = documentInput();
    if (document === null) {
      setDocError(`Add a link to your ${DOCUMENT_LABELS[code.needsDocument ?? 'resume']} or paste its text.`);
      return;
    }
    setDocError(undefined);
    setBusy(true);
    setError(null);
    try {
      const appointment = rescheduleId
        ? await bookingApi.reschedule(rescheduleId, chosen.start, chosen.advisorId, timeZone)
        : await bookingApi.book(
            { advisorId: chosen.advisorId, reasonCode: code.code, start: chosen.start, mode, note, timeZone, ...(document ? { document } : {}) },
            idempotencyKey.current ?? crypto.randomUUID(),
          );
      setBooked(appointment);
    } catch (cause) {
      if (isApiError(cause, 'APPOINTMENT_SLOT_TAKEN')) {
        setError('Someone booked that time a moment ago. Here are the times still open — please pick another.');
        setChosen(null);
        void loadSlots(code.code);
      } else if (isApiError(cause, 'VALIDATION_FAILED') && cause.issueFor('document.url')) {
        setDocError(cause.issueFor('document.url'));
      } else {
        setError(messageOf(cause));
      }
    } finally {
      setBusy(false);
    }
  }

  if (booked) {
    return (
      <>
        <PageHeader eyebrow="Appointments" title={rescheduleId ? 'Appointment moved' : 'Appointment booked'} />
        <Confirmation appointment={booked} timeZone={timeZone} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Appointments"
        title={rescheduleId ? 'Move appointment' : 'Book advising'}
        description={rescheduleId ? 'Pick a new time; your old time is released when you confirm.' : 'Tell us what you need, then pick a time that suits you.'}
      />
      {loadError ? (
        <Notice tone="danger" live="alert">
          {loadError}
        </Notice>
      ) : null}
      {codes === null && !loadError ? <p role="status">Loading reasons…</p> : null}
      <div className="stack-lg">
        {codes && !rescheduleId ? (
          <Panel title="1. Reason">
            <ReasonPicker codes={codes} value={reason} onChange={setReason} />
          </Panel>
        ) : null}
        {reason ? (
          <Panel title={rescheduleId ? 'New time' : '2. Time'} description={`Times are shown in your time zone, ${timeZone}.`}>
            {error ? (
              <Notice tone="warning" live="alert">
                {error}
              </Notice>
            ) : null}
            <p className="visually-hidden" role="status">
              {slots.status === 'loading' ? 'Loading open times…' : slots.status === 'ready' ? `${slots.items.length} open times.` : ''}
            </p>
            {slots.status === 'error' ? (
              <Notice tone="danger" live="alert">
                {slots.error}
              </Notice>
            ) : null}
            {slots.status === 'ready' && slots.items.length === 0 ? (
              <EmptyState title="No open times in the next three weeks">Try another reason, or check back tomorrow — advisors add hours often.</EmptyState>
            ) : (
              <SlotPicker slots={slots.items} chosen={chosen} timeZone={timeZone} onChoose={choose} />
            )}
          </Panel>
        ) : null}
        {chosen && (code || rescheduleId) ? (
          <Panel title={rescheduleId ? 'Confirm' : '3. Details'} description={`${formatWhen(chosen.start, timeZone)} with ${chosen.advisorName}.`}>
            <form
              className="stack"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void confirm();
              }}
            >
              {code && !rescheduleId ? (
                <>
                  <SelectField
                    id="appt-mode" name="appt-mode" onBlur={ignoreBlur}
                    label="How would you like to meet?"
                    value={mode}
                    error={undefined}
                    onChange={(event) => setMode(event.target.value as AppointmentMode)}
                    options={code.modes.map((value) => ({ value, label: MODE_LABELS[value] }))}
                  />
                  <TextAreaField
                    id="appt-note" name="appt-note" onBlur={ignoreBlur}
                    label="Note for your advisor (optional)"
                    hint="What should they know beforehand?"
                    value={note}
                    maxLength={2000}
                    error={undefined}
                    onChange={(event) => setNote(event.target.value)}
                  />
                  {code.needsDocument ? (
                    <>
                      <TextField
                        id="appt-doc-url" name="appt-doc-url" onBlur={ignoreBlur}
                        label={`Link to your ${DOCUMENT_LABELS[code.needsDocument]}`}
                        hint="A link that starts with https://, or paste the text below instead."
                        type="url"
                        value={docUrl}
                        error={docError}
                        onChange={(event) => setDocUrl(event.target.value)}
                      />
                      <TextAreaField
                        id="appt-doc-text" name="appt-doc-text" onBlur={ignoreBlur}
                        label={`Or paste your ${DOCUMENT_LABELS[code.needsDocument]}`}
                        value={docText}
                        error={undefined}
                        onChange={(event) => setDocText(event.target.value)}
                      />
                    </>
                  ) : null}
                </>
              ) : null}
              <div className="appt-actions">
                <Button type="submit" variant="primary" busy={busy}>
                  {busy ? 'Booking…' : rescheduleId ? 'Move appointment' : 'Confirm booking'}
                </Button>
              </div>
            </form>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
