import type { AuditAction, AuditEventDto } from '../../../shared/contracts/audit';

/** What the staff member did, in words (the codes are the server's). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  agenda_viewed: 'Saw them on the agenda',
  appointment_viewed: 'Opened an appointment',
  document_downloaded: 'Downloaded their document',
  attendance_marked: 'Marked attendance',
  notes_written: 'Wrote private notes',
  appointment_cancelled: 'Cancelled an appointment',
  appointment_booked_for_student: 'Booked an appointment for them',
  no_shows_cleared: 'Lifted their no-show block',
};

/** Every kind of access that is recorded, for the page's explanation and its empty state. */
export const WHAT_IS_RECORDED =
  'Rapport adds a line each time an advisor or admin opens a student’s records: seeing them on an agenda, opening an appointment, ' +
  'downloading their document, marking attendance, writing notes, cancelling or booking for them, and lifting a no-show block. ' +
  'Students looking at their own appointments are not recorded.';

type Person = AuditEventDto['student'];

/** The short form of a pseudonym: enough to tell erased accounts apart and group their rows. */
const shortRef = (value: string) => value.replace(/-/g, '').slice(0, 8);

/** A person's name, or for an erased account the words and the pseudonym that still groups their rows. */
export function personName(person: Person): string {
  return person.name ?? `Erased account #${shortRef(person.pseudonym)}`;
}

/** Which record the access was about when it was one item: "Appointment #1a2b3c4d"; null for the agenda or the student. */
export function targetLabel(target: AuditEventDto['target']): string | null {
  if (!target.id) return null;
  if (target.type === 'appointment') return `Appointment #${shortRef(target.id)}`;
  if (target.type === 'document') return `Document #${shortRef(target.id)}`;
  return null;
}
