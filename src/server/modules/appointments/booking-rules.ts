import type { Role } from '../../../shared/contracts/users';
import { bookingMinutes, isOfferedTo, type Audience } from '../../../shared/domain/reason-codes';
import type { Db } from '../../db/client';
import { AppError, errors } from '../../lib/errors';
import type { AppointmentRow, DocumentFileMeta, StudentAppointment } from './appointments.repo';
import { findReasonCode, type ReasonCodeRow } from './office.repo';
import type { Office } from './office.service';

/** What slot search and booking share: which codes a caller may book, for how long, and the refusals. */

/** The signed-in person asking, or the student an advisor books for. */
export type Caller = { id: string; name: string; email: string; role: Role; program: string | null };

function audienceOf(role: Role): Audience | null {
  return role === 'student' || role === 'alumni' ? role : null;
}

/** APPT-01: an active code offered to the caller's audience (ALUMNI_CAREER_CHANGE is for alumni), or 400. */
export async function bookableReason(db: Db, caller: Pick<Caller, 'role'>, code: string): Promise<ReasonCodeRow> {
  const reason = await findReasonCode(db, code);
  const audience = audienceOf(caller.role);
  if (!reason || !reason.active || (audience && !isOfferedTo(reason, audience))) {
    throw new AppError(400, 'REASON_CODE_UNAVAILABLE', 'This reason code is not offered. Choose one from the list of reason codes.');
  }
  return reason;
}

/** APPT-01: the code's default length, or an allowed one asked for; any other → 400. */
export function lengthFor(reason: ReasonCodeRow, requested: number | undefined): number {
  const minutes = bookingMinutes(reason, requested);
  if (minutes === null) {
    throw errors.validation(`${reason.label} is booked for ${reason.allowedMinutes.join(', ')} minutes.`, [
      { path: 'minutes', message: `Choose ${reason.allowedMinutes.join(' or ')} minutes.` },
    ]);
  }
  return minutes;
}

/** APPT-02: a code that needs a document cannot start sooner than the document lead time. */
export function noticeFloor(reason: ReasonCodeRow, office: Office): number {
  return reason.needsDocument ? office.policy.documentLeadHours * 60 : 0;
}

/** What a student's view adds to a row: names, the code's label, the student's program, the uploaded file. */
export type ViewExtras = {
  advisorName: string;
  reason: Pick<ReasonCodeRow, 'label' | 'needsDocument'>;
  studentProgram: string | null;
  documentFile: DocumentFileMeta | null;
};

export function asStudentView(row: AppointmentRow, extras: ViewExtras): StudentAppointment {
  const { advisorNotes: _private, ...rest } = row;
  return {
    ...rest,
    advisorName: extras.advisorName,
    reasonLabel: extras.reason.label,
    documentRequired: extras.reason.needsDocument,
    studentProgram: extras.studentProgram,
    documentFile: extras.documentFile,
  };
}

export function slotTaken(): AppError {
  return errors.conflict('APPOINTMENT_SLOT_TAKEN', 'Someone else just booked this time. Choose another slot.');
}

export function notAvailable(message: string): AppError {
  return errors.conflict('SLOT_NOT_AVAILABLE', message);
}

/** Why a non-booked appointment cannot change, in words. */
export function notBooked(status: string, action: string): AppError {
  const said = status === 'cancelled' || status === 'late_cancelled' ? 'is already cancelled' : `is marked ${status.replace('_', '-')}`;
  return errors.conflict('APPOINTMENT_NOT_BOOKED', `This appointment ${said}; it cannot be ${action}.`);
}
