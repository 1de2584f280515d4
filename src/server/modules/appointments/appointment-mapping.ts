import type { AgendaItemDto, AppointmentDto } from '../../../shared/contracts/appointments';
import { documentDeadline, type NoShowStanding } from '../../../shared/domain/appointment-policy';
import { formatSlotStart } from '../../../shared/domain/slots';
import { MODE_LABELS, type IcsEvent } from './appointment-ics';
import type { AdvisorAppointment, StudentAppointment } from './appointments.repo';

/** Rows to DTOs: a database row never goes to the browser, and the student's view never has private notes. */

function minutesOf(row: { startsAt: Date; endsAt: Date }): number {
  return Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
}

/** Who cancelled, as the student and advisor screens word it. */
function cancelledByOf(row: StudentAppointment): AppointmentDto['cancelledBy'] {
  if (!row.cancelledAt || !row.cancelledBy) return null;
  if (row.cancelledBy === row.studentId) return 'student';
  return row.cancelledBy === row.advisorId ? 'advisor' : 'staff';
}

/** The office policy a DTO depends on: how long before the start documents are taken (APPT-02). */
export type DocumentPolicy = { documentLeadHours: number };

export function toAppointmentDto(row: StudentAppointment, policy: DocumentPolicy): AppointmentDto {
  return {
    id: row.id,
    advisorId: row.advisorId,
    advisorName: row.advisorName,
    studentId: row.studentId,
    reasonCode: row.reasonCode,
    reasonLabel: row.reasonLabel,
    mode: row.mode,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    minutes: minutesOf(row),
    status: row.status,
    note: row.note,
    documentRequired: row.documentRequired,
    document: row.documentSubmittedAt
      ? { kind: row.documentKind, url: row.documentUrl, text: row.documentText, file: row.documentFile, submittedAt: row.documentSubmittedAt.toISOString() }
      : null,
    documentDueAt: documentDeadline(row.startsAt, policy.documentLeadHours).toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    lateCancellation: row.lateCancellation,
    cancelledBy: cancelledByOf(row),
    cancelReason: row.cancelledAt ? row.cancelReason : null,
    rescheduledFromId: row.rescheduledFromId,
    studentProgram: row.studentProgram,
    bookedById: row.bookedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** APPT-05: where a student stands now, as the advisor's agenda shows it. */
export type StudentStanding = { noShows: number; standing: NoShowStanding };

export function toAgendaItemDto(row: AdvisorAppointment, policy: DocumentPolicy, standing: StudentStanding): AgendaItemDto {
  return {
    ...toAppointmentDto(row, policy),
    student: { id: row.studentId, name: row.studentName, email: row.studentEmail, ...standing },
    advisorNotes: row.advisorNotes,
    arrivedAt: row.arrivedAt?.toISOString() ?? null,
  };
}

/** The event in the student's calendar: who they meet, about what, and where to change it. */
export function studentEvent(row: StudentAppointment, publicUrl: string): IcsEvent {
  const minutes = minutesOf(row);
  return {
    id: row.id,
    start: row.startsAt,
    end: row.endsAt,
    summary: `Advising: ${row.reasonLabel} with ${row.advisorName}`,
    description: [
      `${row.reasonLabel} (${minutes} minutes) with ${row.advisorName}, ${MODE_LABELS[row.mode].toLowerCase()}.`,
      row.note ? `Your note: ${row.note}` : '',
      `Cancel or reschedule: ${publicUrl}/appointments/${row.id}`,
    ]
      .filter(Boolean)
      .join('\n'),
    location: MODE_LABELS[row.mode],
    cancelled: row.status === 'cancelled' || row.status === 'late_cancelled',
    sequence: row.sequence,
    url: `${publicUrl}/appointments/${row.id}`,
    updatedAt: row.updatedAt,
  };
}

/** What the advisor's calendar event is made of: never the private notes. */
export type AdvisorEventRow = Pick<AdvisorAppointment, 'id' | 'startsAt' | 'endsAt' | 'reasonLabel' | 'studentName' | 'studentEmail' | 'mode' | 'note' | 'status' | 'sequence' | 'updatedAt'>;

/** The event in the advisor's feed and emails: the student's name, the reason and the student's note (never private notes). */
export function advisorEvent(row: AdvisorEventRow, publicUrl: string): IcsEvent {
  return {
    id: row.id,
    start: row.startsAt,
    end: row.endsAt,
    summary: `${row.reasonLabel}: ${row.studentName}`,
    description: [`${row.reasonLabel} with ${row.studentName} (${row.studentEmail}), ${MODE_LABELS[row.mode].toLowerCase()}.`, row.note ? `Note: ${row.note}` : '']
      .filter(Boolean)
      .join('\n'),
    location: MODE_LABELS[row.mode],
    cancelled: row.status === 'cancelled' || row.status === 'late_cancelled',
    sequence: row.sequence,
    url: `${publicUrl}/agenda/${row.id}`,
    updatedAt: row.updatedAt,
  };
}

/** "Mon 9 Mar, 13:00 (America/New_York)": a start as the reader of an email sees it. */
export function whenLabel(start: Date, timeZone: string): string {
  return `${formatSlotStart(start, timeZone)} (${timeZone})`;
}
