import { useRef, useState } from 'react';
import { bookAppointmentBody, type AppointmentDto, type SlotDto } from '../../../shared/contracts/appointments';
import type { FieldIssue } from '../../../shared/contracts/errors';
import type { ReasonCodeDto } from '../../../shared/contracts/reason-codes';
import { APPOINTMENT_MODES, type AppointmentMode } from '../../../shared/domain/reason-codes';
import { Button } from '../../components/ui/button';
import { ErrorSummary } from '../../components/ui/error-summary';
import { FormError } from '../../components/ui/form-error';
import { SelectField } from '../../components/ui/select-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { isApiError } from '../../lib/api';
import { contractIssues } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { DOCUMENT_LABELS, MODE_LABELS } from './appointment-labels';
import { bookingApi, type BookingRequest } from './appointments-api';
import { DocumentFileField } from './document-file-field';
import type { DocumentFileDto } from '../../../shared/contracts/documents';

type Values = { mode: string; note: string; docUrl: string; docText: string; docFileId: string };

type BookingDetailsProps = {
  /** The reason booked for; absent when moving an appointment (its reason stays). */
  code: ReasonCodeDto | undefined;
  /** The time chosen; null after it was taken, while a new one is picked (what was typed here stays). */
  slot: SlotDto | null;
  timeZone: string;
  rescheduleId: string | null;
  onBooked: (appointment: AppointmentDto) => void;
  /** Someone took the time first: the page says so and shows the times still open. */
  onSlotTaken: () => void;
};

const isMode = (value: string): value is AppointmentMode => (APPOINTMENT_MODES as readonly string[]).includes(value);

/** The document as the contract takes it: what was given of the file, the link and the text (the contract wants one). */
export function documentOf(values: { docUrl: string; docText: string; docFileId: string }): BookingRequest['document'] {
  const url = values.docUrl.trim();
  const text = values.docText.trim();
  const fileId = values.docFileId;
  if (!url && !text && !fileId) return undefined;
  return { ...(fileId ? { fileId } : {}), ...(url ? { url } : {}), ...(text ? { text } : {}) };
}

/** The body paths of the booking contract that are fields here. */
function placeIssue(issue: FieldIssue): FieldIssue | undefined {
  if (issue.path === 'mode') return issue;
  if (issue.path === 'document') return { path: 'docUrl', message: 'Give one of the file, the link or the pasted text: remove or clear the others.' };
  if (issue.path === 'document.url') return { ...issue, path: 'docUrl' };
  if (issue.path === 'document.text') return { ...issue, path: 'docText' };
  return undefined;
}

/** Step 3 of booking: how to meet, a note, the document the reason needs; then confirm. Moving needs only the confirm. */
export function BookingDetails({ code, slot, timeZone, rescheduleId, onBooked, onSlotTaken }: BookingDetailsProps) {
  // One key per confirmation, sent again on a retry, so a retried request books once; a new time gets a new key.
  const idempotency = useRef<{ slot: string; key: string } | null>(null);
  const needs = code?.needsDocument ?? null;
  const documentLabel = needs ? DOCUMENT_LABELS[needs] : '';
  const [file, setFile] = useState<DocumentFileDto | null>(null);
  const [uploading, setUploading] = useState(false);

  function body(values: Values, time: SlotDto | null = slot): BookingRequest {
    const document = documentOf(values);
    return {
      advisorId: time?.advisorId ?? '',
      reasonCode: code?.code ?? '',
      start: time?.start ?? '',
      mode: isMode(values.mode) ? values.mode : 'in_person',
      note: values.note,
      timeZone,
      ...(document ? { document } : {}),
    };
  }

  const form = useForm<Values>({
    initialValues: { mode: code?.modes[0] ?? '', note: '', docUrl: '', docText: '', docFileId: '' },
    validate: {
      mode: (value) => (rescheduleId || (isMode(value) && code?.modes.includes(value)) ? null : 'Choose how you would like to meet.'),
      docUrl: (value, values) =>
        needs && !rescheduleId && value.trim() === '' && values.docText.trim() === '' && values.docFileId === ''
          ? `Upload your ${documentLabel}, add a link to it, or paste its text below.`
          : null,
    },
    check: (values) => (rescheduleId || !code ? [] : contractIssues(bookAppointmentBody, body(values))),
    placeIssue,
    // The server's own checks of the document name no field; they belong beside the link.
    mapError: (error) =>
      error.code === 'DOCUMENT_REQUIRED' || error.code === 'DOCUMENT_DEADLINE_PASSED' ? { field: 'docUrl', message: error.message } : undefined,
    onSubmit: async (values) => {
      if (!slot || uploading) return;
      const slotKey = `${slot.advisorId}|${slot.start}`;
      if (idempotency.current?.slot !== slotKey) idempotency.current = { slot: slotKey, key: crypto.randomUUID() };
      try {
        onBooked(
          rescheduleId
            ? await bookingApi.reschedule(rescheduleId, slot.start, slot.advisorId, timeZone)
            : await bookingApi.book(body(values, slot), idempotency.current.key),
        );
      } catch (cause) {
        if (!isApiError(cause, 'APPOINTMENT_SLOT_TAKEN') && !isApiError(cause, 'SLOT_NOT_AVAILABLE')) throw cause;
        onSlotTaken();
      }
    },
  });

  // A note or a résumé link typed and not yet booked is not lost by a stray click elsewhere.
  const leave = useUnsavedChanges(form.dirty && !form.submitting);

  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit} aria-label={rescheduleId ? 'Confirm the new time' : 'Booking details'}>
      <ErrorSummary {...form.summary} />
      {code && !rescheduleId ? (
        <>
          <SelectField label="How would you like to meet?" options={code.modes.map((value) => ({ value, label: MODE_LABELS[value] }))} {...form.field('mode')} />
          <TextAreaField label="Note for your advisor (optional)" hint="What should they know beforehand?" maxLength={2000} {...form.field('note')} />
          {needs ? (
            <>
              <DocumentFileField
                id="booking-document-file"
                label={`Upload your ${documentLabel}`}
                value={file}
                onBusyChange={setUploading}
                onChange={(next) => {
                  setFile(next);
                  form.setValue('docFileId', next?.id ?? '');
                }}
              />
              <TextField
                label={`Or a link to your ${documentLabel}`}
                hint="A link that starts with https://, or paste the text below instead."
                type="url"
                inputMode="url"
                autoComplete="url"
                {...form.field('docUrl')}
              />
              <TextAreaField label={`Or paste your ${documentLabel}`} {...form.field('docText')} />
            </>
          ) : null}
        </>
      ) : null}
      <FormError message={form.formError} />
      {slot ? (
        <div className="appt-actions">
          <Button type="submit" variant="primary" busy={form.submitting || uploading}>
            {uploading ? 'Uploading your file…' : form.submitting ? (rescheduleId ? 'Moving…' : 'Booking…') : rescheduleId ? 'Move appointment' : 'Confirm booking'}
          </Button>
        </div>
      ) : (
        <p className="muted">Pick a new time above to confirm; what you wrote here is kept.</p>
      )}
      {leave.prompt}
    </form>
  );
}
