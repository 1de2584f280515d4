import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AppointmentDto, SlotDto } from '../../shared/contracts/appointments';
import type { ReasonCodeDto } from '../../shared/contracts/reason-codes';
import { Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { MODE_LABELS } from '../features/appointments/appointment-labels';
import { bookingApi } from '../features/appointments/appointments-api';
import { BookingDetails } from '../features/appointments/booking-details';
import { ReasonStep } from '../features/appointments/reason-step';
import { useWeekSlots } from '../features/appointments/use-week-slots';
import { WeekPicker } from '../features/appointments/week-picker';
import { browserTimeZone, formatWhen } from '../features/appointments/zoned-time';
import { messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

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

/** "When can I get help with this?": reason, then a week of open times in my zone, then mode/note/document, then confirm. */
export function AppointmentsBookRoute() {
  const [params] = useSearchParams();
  const rescheduleId = params.get('reschedule');
  usePageTitle(rescheduleId ? 'Move appointment' : 'Book advising');
  const timeZone = useRef(browserTimeZone()).current;
  const [codes, setCodes] = useState<ReasonCodeDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reason, setReason] = useState(params.get('reason') ?? '');
  // A link that names the reason (Move, a shared link) opens on the times.
  const [choosingReason, setChoosingReason] = useState(!params.get('reason'));
  const [chosen, setChosen] = useState<SlotDto | null>(null);
  /** The details stay once shown for a reason, so a time taken by someone else loses nothing typed. */
  const [detailsShown, setDetailsShown] = useState(false);
  const [taken, setTaken] = useState(false);
  const [booked, setBooked] = useState<AppointmentDto | null>(null);
  const timeHeading = useRef<HTMLHeadingElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  // Times load for a settled reason only, not for each reason the arrow keys pass over.
  const week = useWeekSlots(choosingReason ? '' : reason, timeZone);

  useEffect(() => {
    bookingApi.reasonCodes().then(setCodes, (cause: unknown) => setLoadError(messageOf(cause)));
  }, []);

  const code = codes?.find((item) => item.code === reason);

  function settleReason(next: string) {
    if (next !== reason) {
      setReason(next);
      setChosen(null);
      setDetailsShown(false);
      setTaken(false);
    }
    setChoosingReason(false);
    // The times come next: the cursor (and a screen reader) moves to their heading.
    requestAnimationFrame(() => timeHeading.current?.focus());
  }

  function choose(slot: SlotDto) {
    setChosen(slot);
    setDetailsShown(true);
    setTaken(false);
    // Then the details: the cursor moves on to them (Shift+Tab goes back to the times).
    requestAnimationFrame(() => detailsHeading.current?.focus());
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
            <ReasonStep codes={codes} value={reason} open={choosingReason} onSelect={setReason} onDone={settleReason} onReopen={() => setChoosingReason(true)} />
          </Panel>
        ) : null}
        {reason && !choosingReason ? (
          <Panel headingRef={timeHeading} title={rescheduleId ? 'New time' : '2. Time'} description={`Times are shown in your time zone, ${timeZone}.`}>
            {taken ? (
              <Notice tone="warning" live="alert">
                Someone booked that time a moment ago. Here are the times still open — please pick another.
              </Notice>
            ) : null}
            <WeekPicker state={week} timeZone={timeZone} chosen={chosen} onChoose={choose} />
          </Panel>
        ) : null}
        {detailsShown && !choosingReason && (code || rescheduleId) ? (
          <Panel
            headingRef={detailsHeading}
            title={rescheduleId ? 'Confirm' : '3. Details'}
            description={chosen ? `${formatWhen(chosen.start, timeZone)} (${timeZone}) with ${chosen.advisorName}.` : 'That time was just taken: pick another above.'}
          >
            <BookingDetails
              key={code?.code ?? 'reschedule'}
              code={code}
              slot={chosen}
              timeZone={timeZone}
              rescheduleId={rescheduleId}
              onBooked={setBooked}
              onSlotTaken={() => {
                setChosen(null);
                setTaken(true);
                week.refresh();
              }}
            />
          </Panel>
        ) : null}
      </div>
    </>
  );
}
