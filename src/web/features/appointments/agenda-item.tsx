import { useEffect, useRef, useState } from 'react';
import type { AgendaItemDto } from '../../../shared/contracts/appointments';
import { advisorNotesBody } from '../../../shared/contracts/appointments';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-actions';
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

function NotesForm({ item, onSaved, onClose }: { item: AgendaItemDto; onSaved: (item: AgendaItemDto) => void; onClose: () => void }) {
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
      <TextAreaField label="Private notes" hint="Only you see these." autoFocus {...form.field('notes')} />
      <FormActions form={form} className="appt-actions" label="Save notes" busyLabel="Saving…">
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </FormActions>
    </form>
  );
}

/** The advisor's own notes: a line when there are some, a form only while writing, so a day of cards stays short. */
function PrivateNotes({ item, onSaved }: { item: AgendaItemDto; onSaved: (item: AgendaItemDto) => void }) {
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  /** Set when the form closes: the cursor goes back to the button that opened it. */
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [editing]);
  const close = () => {
    refocus.current = true;
    setEditing(false);
  };
  if (editing) {
    return (
      <NotesForm
        item={item}
        onClose={close}
        onSaved={(saved) => {
          onSaved(saved);
          close();
        }}
      />
    );
  }
  return (
    <div className="appt-private-notes">
      {item.advisorNotes ? (
        <p className="appt-notes-text">
          <span className="muted">Private notes: </span>
          {item.advisorNotes}
        </p>
      ) : null}
      <Button ref={opener} variant="quiet" onClick={() => setEditing(true)}>
        {item.advisorNotes ? 'Edit private notes' : 'Add private notes'}
        <span className="visually-hidden"> on {item.student.name}</span>
      </Button>
    </div>
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
