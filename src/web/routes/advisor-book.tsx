import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { advisorBookingBody, type AgendaItemDto, type SlotDto } from '../../shared/contracts/appointments';
import type { FieldIssue } from '../../shared/contracts/errors';
import type { ReasonCodeDto } from '../../shared/contracts/reason-codes';
import { APPOINTMENT_MODES, type AppointmentMode } from '../../shared/domain/reason-codes';
import { Button } from '../components/ui/button';
import { ErrorSummary } from '../components/ui/error-summary';
import { FormActions } from '../components/ui/form-actions';
import { Notice, PageNotices } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { SelectField } from '../components/ui/select-field';
import { TextAreaField } from '../components/ui/text-area-field';
import { TextField } from '../components/ui/text-field';
import { useSignedInUser } from '../features/auth/session';
import { DOCUMENT_LABELS, MODE_LABELS } from '../features/appointments/appointment-labels';
import { advisingApi, bookingApi } from '../features/appointments/appointments-api';
import { useWeekSlots } from '../features/appointments/use-week-slots';
import { WeekPicker } from '../features/appointments/week-picker';
import { browserTimeZone, formatWhen } from '../features/appointments/zoned-time';
import { isApiError, messageOf } from '../lib/api';
import { contractIssues } from '../lib/contract-check';
import { useForm } from '../lib/use-form';
import { usePageTitle } from '../lib/use-page-title';
import { useUnsavedChanges } from '../lib/use-unsaved-changes';
import '../features/appointments/appointments.css';

type Setup = { mayBook: boolean; codes: ReasonCodeDto[]; timeZone: string };
type Values = { studentEmail: string; mode: string; note: string };

const isMode = (value: string): value is AppointmentMode => (APPOINTMENT_MODES as readonly string[]).includes(value);

function placeIssue(issue: FieldIssue): FieldIssue | undefined {
  if (issue.path === 'studentId' || issue.path === 'studentEmail') return { ...issue, path: 'studentEmail' };
  if (issue.path === 'mode') return { ...issue, message: 'Choose how you will meet.' };
  return undefined;
}

function Booked({ appointment, timeZone, onAnother }: { appointment: AgendaItemDto; timeZone: string; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Panel headingRef={heading} title="Booked" description={`We emailed ${appointment.student.name} (${appointment.student.email}) with the details.`}>
      <p>
        <strong>{appointment.reasonLabel}</strong> with {appointment.student.name}, {formatWhen(appointment.start, timeZone)} ({timeZone}), {appointment.minutes} minutes,{' '}
        {MODE_LABELS[appointment.mode].toLowerCase()}.
        {appointment.documentRequired ? ` They add their ${DOCUMENT_LABELS[appointment.documentRequired]} themselves from My appointments.` : ''}
      </p>
      <div className="appt-actions">
        <Link className="button button--primary" to="/agenda">
          Back to the agenda
        </Link>
        <Button onClick={onAnother}>Book another student</Button>
      </div>
    </Panel>
  );
}

function BookForm({ setup, advisorId, onBooked }: { setup: Setup; advisorId: string; onBooked: (appointment: AgendaItemDto) => void }) {
  const { codes, timeZone } = setup;
  const [reason, setReason] = useState(codes[0]?.code ?? '');
  const [slot, setSlot] = useState<SlotDto | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const code = codes.find((item) => item.code === reason);
  const week = useWeekSlots(reason, timeZone, advisorId);
  const detailsHeading = useRef<HTMLHeadingElement>(null);

  function body(values: Values) {
    return {
      studentEmail: values.studentEmail.trim(),
      reasonCode: reason,
      start: slot?.start ?? '',
      mode: isMode(values.mode) ? values.mode : 'in_person',
      note: values.note,
    };
  }

  const form = useForm<Values>({
    initialValues: { studentEmail: '', mode: code?.modes[0] ?? '', note: '' },
    validate: {
      studentEmail: (value) => (value.trim() === '' ? 'Enter the student’s university email.' : null),
      mode: (value) => (isMode(value) && code?.modes.includes(value) ? null : 'Choose how you will meet.'),
    },
    check: (values) => contractIssues(advisorBookingBody, body(values)).filter((issue) => issue.path !== 'start'),
    placeIssue,
    mapError: (error) => {
      if (error.status === 404) return { field: 'studentEmail', message: 'No student has that email. Check the spelling, or ask them which address they signed up with.' };
      if (error.code === 'ADVISOR_BOOKING_DISABLED') return { message: 'Your office has turned off booking for students. An admin can turn it on again in Office policy.' };
      return undefined;
    },
    onSubmit: async (values) => {
      if (!slot) {
        setSlotError('Choose one of your open times above.');
        return;
      }
      try {
        onBooked(await advisingApi.bookForStudent({ ...body(values), mode: isMode(values.mode) ? values.mode : 'in_person' }));
      } catch (cause) {
        if (!isApiError(cause, 'APPOINTMENT_SLOT_TAKEN') && !isApiError(cause, 'SLOT_NOT_AVAILABLE')) throw cause;
        setSlot(null);
        setTaken(true);
        week.refresh();
      }
    },
  });
  const leave = useUnsavedChanges(form.dirty && !form.submitting);

  function chooseReason(next: string) {
    setReason(next);
    setSlot(null);
    setTaken(false);
    const nextCode = codes.find((item) => item.code === next);
    if (nextCode && !nextCode.modes.some((mode) => mode === form.values.mode)) form.setValue('mode', nextCode.modes[0] ?? '');
  }

  return (
    <form className="stack-lg" noValidate onSubmit={form.handleSubmit} aria-label="Book for a student">
      <ErrorSummary {...form.summary} />
      <Panel title="1. Student and reason">
        <TextField label="Student’s email" hint="The address they sign in with, like alex@university.edu." type="email" autoComplete="off" {...form.field('studentEmail')} />
        <SelectField
          id="advisor-book-reason"
          name="reason"
          label="Reason"
          hint="The reasons you offer."
          options={codes.map((item) => ({ value: item.code, label: item.label }))}
          value={reason}
          error={undefined}
          onBlur={() => undefined}
          onChange={(event) => chooseReason(event.target.value)}
        />
      </Panel>
      {reason ? (
        <Panel title="2. One of your open times" description={`Times in ${timeZone}. Only your own open times are shown.`}>
          {taken ? (
            <Notice tone="warning" live="alert">
              Someone booked that time a moment ago. Pick another.
            </Notice>
          ) : null}
          <WeekPicker
            state={week}
            timeZone={timeZone}
            chosen={slot}
            onChoose={(next) => {
              setSlot(next);
              setSlotError(null);
              setTaken(false);
              requestAnimationFrame(() => detailsHeading.current?.focus());
            }}
          />
          {slotError && !slot ? (
            <Notice tone="danger" live="alert">
              {slotError}
            </Notice>
          ) : null}
        </Panel>
      ) : null}
      <Panel headingRef={detailsHeading} title="3. Details" description={slot ? `${formatWhen(slot.start, timeZone)} (${timeZone}).` : 'Pick a time above.'}>
        <SelectField label="How you will meet" options={(code?.modes ?? []).map((value) => ({ value, label: MODE_LABELS[value] }))} {...form.field('mode')} />
        <TextAreaField label="Note (optional)" hint="The student sees it in the email and on My appointments." maxLength={2000} {...form.field('note')} />
        {code?.needsDocument ? <p className="muted">This reason needs their {DOCUMENT_LABELS[code.needsDocument]}; the student adds it themselves.</p> : null}
        <FormActions form={form} className="appt-actions" label="Book and email the student" busyLabel="Booking…" />
      </Panel>
      {leave.prompt}
    </form>
  );
}

/** "Book for a student": an advisor books a student into one of their own open times, when the office allows it. */
export function AdvisorBookRoute() {
  usePageTitle('Book for a student');
  const user = useSignedInUser();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<AgendaItemDto | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    Promise.all([advisingApi.settings(), bookingApi.reasonCodes(), advisingApi.offeredCodes()]).then(
      ([settings, codes, offered]) =>
        setSetup({
          mayBook: settings.mayBookForStudents,
          codes: codes.filter((code) => offered.includes(code.code)),
          timeZone: settings.timezone ?? browserTimeZone(),
        }),
      (cause: unknown) => setError(messageOf(cause)),
    );
  }, []);

  return (
    <>
      <PageHeader eyebrow="Advising" title="Book for a student" description="Book a student into one of your own open times; we email them the details." />
      <PageNotices status={null} error={error} loading={setup === null && !error} loadingLabel="Loading your reasons and settings…" />
      {setup && !setup.mayBook ? (
        <Notice tone="info" title="Booking for students is off">
          Your office has not turned on booking by advisors. An admin can turn it on in Office policy. <Link to="/agenda">Back to the agenda</Link>
        </Notice>
      ) : null}
      {setup && setup.mayBook && setup.codes.length === 0 ? (
        <Notice tone="info" title="No reasons offered yet">
          Choose the reasons you take bookings for on your <Link to="/availability">Availability</Link> page first.
        </Notice>
      ) : null}
      {setup && setup.mayBook && setup.codes.length > 0 ? (
        booked ? (
          <Booked
            appointment={booked}
            timeZone={setup.timeZone}
            onAnother={() => {
              setBooked(null);
              setRound((n) => n + 1);
            }}
          />
        ) : (
          <BookForm key={round} setup={setup} advisorId={user.id} onBooked={setBooked} />
        )
      ) : null}
    </>
  );
}
