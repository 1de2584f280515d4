import { useState } from 'react';
import type { AgendaItemDto } from '../../../shared/contracts/appointments';
import { advisorNotesBody } from '../../../shared/contracts/appointments';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { Notice } from '../../components/ui/notice';
import { TextAreaField } from '../../components/ui/text-area-field';
import { messageOf } from '../../lib/api';
import { contractIssues } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { DOCUMENT_LABELS, MODE_LABELS, STATUS_LABELS, statusTone } from './appointment-labels';
import { advisingApi } from './appointments-api';
import { AppointmentDocument } from './appointment-document';
import { formatTime } from './zoned-time';

type Outcome = 'attended' | 'late' | 'no_show';
const OUTCOMES: readonly { value: Outcome; label: string }[] = [
  { value: 'attended', label: 'Attended' },
  { value: 'late', label: 'Late' },
  { value: 'no_show', label: 'No-show' },
];

/** The id of an agenda card's heading, which takes the cursor when the card next to it goes away. */
export const agendaTitleId = (id: string) => `agenda-${id}-title`;

type AgendaItemProps = {
  item: AgendaItemDto;
  timeZone: string;
  onChange: (item: AgendaItemDto, message: string) => void;
  onCancel: (item: AgendaItemDto) => void;
  onClearNoShows: (item: AgendaItemDto) => void;
  /** When a meeting lifting this student's no-show block was recorded from this page. */
  clearedAt: string | undefined;
};

function PrivateNotes({ item, onSaved }: { item: AgendaItemDto; onSaved: (item: AgendaItemDto) => void }) {
  const form = useForm({
    initialValues: { notes: item.advisorNotes },
    check: (values) => contractIssues(advisorNotesBody, values),
    onSubmit: async (values) => {
      const saved = await advisingApi.saveNotes(item.id, values.notes);
      form.reset({ notes: saved.advisorNotes });
      onSaved(saved);
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <TextAreaField label="Private notes" hint="Only you see these." {...form.field('notes')} />
      <FormError message={form.formError} />
      <div className="appt-actions">
        <Button type="submit" busy={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save notes'}
        </Button>
      </div>
    </form>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** APPT-05 in the advisor's words: where the student stands and what recording a meeting does. */
function noShowText(student: AgendaItemDto['student'], firstName: string): string {
  if (student.standing === 'blocked') {
    return `${firstName} can’t book: ${plural(student.noShows, 'no-show')} this term. Once someone on staff has talked with them, record it here: the block lifts and their earlier no-shows stop counting.`;
  }
  return `${firstName} has ${plural(student.noShows, 'no-show')} this term. Repeated no-shows block booking until someone on staff has talked with them; if you have, record it here and their earlier no-shows stop counting.`;
}

/** One appointment of the advisor's day: who, why, their note and document, attendance, cancel, private notes. */
export function AgendaItem({ item, timeZone, onChange, onCancel, onClearNoShows, clearedAt }: AgendaItemProps) {
  const [busy, setBusy] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = Date.parse(item.start) <= Date.now();
  const booked = item.status === 'booked';
  const active = booked || item.status === 'attended' || item.status === 'late' || item.status === 'no_show';
  const firstName = item.student.name.split(/\s+/)[0] ?? item.student.name;

  async function mark(outcome: (typeof OUTCOMES)[number]) {
    setBusy(outcome.value);
    setError(null);
    try {
      onChange(await advisingApi.attendance(item.id, { outcome: outcome.value }), `${item.student.name}: ${outcome.label.toLowerCase()}.`);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="appt-card" data-appointment-id={item.id}>
      <h3 id={agendaTitleId(item.id)} tabIndex={-1}>
        {formatTime(item.start, timeZone)}–{formatTime(item.end, timeZone)} · {item.student.name}
        {item.studentProgram ? <span className="appt-program"> · {item.studentProgram}</span> : null}
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
            <Badge tone={statusTone(item.status)}>{STATUS_LABELS[item.status]}</Badge>
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
        <AppointmentDocument appointment={item} downloadUrl={advisingApi.documentUrl(item.id)} subject={item.student.name} />
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
            <Button key={outcome.value} aria-pressed={item.status === outcome.value} busy={busy === outcome.value} onClick={() => void mark(outcome)}>
              {outcome.label}
            </Button>
          ))}
        </div>
      ) : active ? (
        <p className="muted">You can mark attendance once it starts.</p>
      ) : null}
      {item.status === 'no_show' || item.student.standing === 'blocked' ? (
        <div className="no-show-box">
          {clearedAt ? (
            <p>
              <strong>Meeting recorded.</strong> {firstName} can book again: their earlier no-shows no longer count toward a booking block.
            </p>
          ) : item.student.noShows === 0 ? (
            <p>This no-show no longer counts: a no-show meeting with {firstName} was recorded since.</p>
          ) : (
            <>
              <p>{noShowText(item.student, firstName)}</p>
              <div className="appt-actions">
                <Button onClick={() => onClearNoShows(item)}>
                  Record no-show meeting<span className="visually-hidden"> with {item.student.name}</span>
                </Button>
              </div>
            </>
          )}
        </div>
      ) : item.student.noShows > 0 ? (
        <p className="muted">
          {firstName} has {plural(item.student.noShows, 'no-show')} this term.
        </p>
      ) : null}
      {booked && !started ? (
        <div className="appt-actions">
          <Button variant="quiet" className="button--danger-text" onClick={() => onCancel(item)}>
            Cancel appointment<span className="visually-hidden"> with {item.student.name}</span>
          </Button>
        </div>
      ) : null}
      {active ? <PrivateNotes item={item} onSaved={(saved) => onChange(saved, `Notes on ${item.student.name} saved.`)} /> : null}
    </li>
  );
}
