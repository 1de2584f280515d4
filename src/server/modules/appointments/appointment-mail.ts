import type { CancellationCutoff } from '../../../shared/domain/appointment-policy';
import type { OutgoingMail } from '../mail/mailer';
import { buildCalendar } from './appointment-ics';
import { advisorEvent, studentEvent, whenLabel, type AdvisorEventRow } from './appointment-mapping';
import type { StudentAppointment } from './appointments.repo';
import { MODE_LABELS } from './appointment-ics';

/**
 * The emails a student gets about an appointment, and those their advisor gets when the student books, cancels
 * or moves one; each with the .ics that updates the reader's calendar, times in the reader's zone.
 */

export type Recipient = { id: string; name: string; email: string };
/** Where links point, when the mail is written, and the reader's zone for the times in it. */
export type MailContext = { publicUrl: string; now: Date; timeZone: string };
type Context = MailContext;

const CUTOFF_WORDS: Record<CancellationCutoff, string> = {
  '4h': '4 hours',
  '24h': '24 hours',
  '48h': '48 hours',
  '1_business_day': 'one business day',
  '2_business_days': 'two business days',
};

function attachment(rows: StudentAppointment[], context: Context) {
  return {
    filename: 'appointment.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: buildCalendar(
      rows.map((row) => studentEvent(row, context.publicUrl)),
      { now: context.now },
    ),
  };
}

function details(row: StudentAppointment, context: Context): string[] {
  const minutes = Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
  return [
    `What: ${row.reasonLabel} (${minutes} minutes)`,
    `With: ${row.advisorName}`,
    `When: ${whenLabel(row.startsAt, context.timeZone)}`,
    `How:  ${MODE_LABELS[row.mode]}`,
  ];
}

export function confirmationMail(
  to: Recipient,
  row: StudentAppointment,
  context: Context & { cutoff: CancellationCutoff; bookedByAdvisor?: boolean },
): OutgoingMail {
  const missingDocument = row.documentRequired !== null && row.documentSubmittedAt === null;
  return {
    to: to.email,
    userId: to.id,
    kind: 'appointment_confirmation',
    subject: `Appointment booked: ${row.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      context.bookedByAdvisor ? `${row.advisorName} booked an advising appointment for you.` : 'Your advising appointment is booked.',
      '',
      ...details(row, context),
      '',
      'The attached invitation adds it to your calendar.',
      `To cancel or reschedule: ${context.publicUrl}/appointments/${row.id}`,
      ...(missingDocument ? [`This appointment needs your document (${row.documentRequired?.replace(/_/g, ' ')}): add it on that page before the deadline.`] : []),
      `Cancelling less than ${CUTOFF_WORDS[context.cutoff]} before the start counts as a late cancellation.`,
    ].join('\n'),
    attachments: [attachment([row], context)],
  };
}

export function rescheduleMail(to: Recipient, previous: StudentAppointment, next: StudentAppointment, context: Context): OutgoingMail {
  return {
    to: to.email,
    userId: to.id,
    kind: 'appointment_rescheduled',
    subject: `Appointment moved: ${next.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      `Your appointment on ${whenLabel(previous.startsAt, context.timeZone)} has moved.`,
      '',
      ...details(next, context),
      '',
      'The attached invitation updates your calendar.',
      `To cancel or reschedule: ${context.publicUrl}/appointments/${next.id}`,
    ].join('\n'),
    attachments: [attachment([previous, next], context)],
  };
}

export function cancellationMail(to: Recipient, row: StudentAppointment, context: Context & { byAdvisor: boolean }): OutgoingMail {
  const late = row.status === 'late_cancelled';
  return {
    to: to.email,
    userId: to.id,
    kind: 'appointment_cancelled',
    subject: `Appointment cancelled: ${row.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      context.byAdvisor
        ? `${row.advisorName} had to cancel your appointment on ${whenLabel(row.startsAt, context.timeZone)}. We are sorry; please book another time.`
        : `Your appointment on ${whenLabel(row.startsAt, context.timeZone)} is cancelled.`,
      context.byAdvisor && row.cancelReason ? `${row.advisorName} wrote: ${row.cancelReason}` : '',
      late ? 'It was cancelled after the office’s cutoff, so it is recorded as a late cancellation.' : '',
      '',
      `Book another time: ${context.publicUrl}/appointments`,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
    attachments: [attachment([row], context)],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The advisor's emails.

/** An appointment as the advisor's email shows it: the student's name, program and email, never private notes. */
export type AdvisorMailRow = AdvisorEventRow & { studentProgram: string | null };

// User-given text in a subject stays on one line (ASVS 1.3.11; the mailer refuses a subject with a line break).
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

function advisorAttachment(rows: AdvisorMailRow[], context: Context) {
  return {
    filename: 'appointment.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: buildCalendar(
      rows.map((row) => advisorEvent(row, context.publicUrl)),
      { now: context.now },
    ),
  };
}

function advisorDetails(row: AdvisorMailRow, context: Context): string[] {
  const minutes = Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
  return [
    `Who:  ${row.studentName}${row.studentProgram ? ` (${row.studentProgram})` : ''}, ${row.studentEmail}`,
    `What: ${row.reasonLabel} (${minutes} minutes)`,
    `When: ${whenLabel(row.startsAt, context.timeZone)}`,
    `How:  ${MODE_LABELS[row.mode]}`,
    ...(row.note ? [`Note from the student: ${row.note}`] : []),
  ];
}

/** To the advisor when a student books with them. */
export function advisorBookingMail(to: Recipient, row: AdvisorMailRow, context: Context): OutgoingMail {
  return {
    to: to.email,
    userId: to.id,
    kind: 'advisor_appointment_booked',
    subject: `New appointment: ${oneLine(row.studentName)}, ${row.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      `${row.studentName} booked an appointment with you.`,
      '',
      ...advisorDetails(row, context),
      '',
      'The attached invitation adds it to your calendar.',
      `Your agenda: ${context.publicUrl}/agenda/${row.id}`,
    ].join('\n'),
    attachments: [advisorAttachment([row], context)],
  };
}

/** To the advisor when the student cancels (APPT-03: a cancellation after the cutoff says it is late). */
export function advisorCancellationMail(to: Recipient, row: AdvisorMailRow, context: Context): OutgoingMail {
  const late = row.status === 'late_cancelled';
  return {
    to: to.email,
    userId: to.id,
    kind: 'advisor_appointment_cancelled',
    subject: `Appointment cancelled: ${oneLine(row.studentName)}, ${row.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      `${row.studentName} cancelled the appointment on ${whenLabel(row.startsAt, context.timeZone)}; the time is free again.`,
      ...(late ? ['It was cancelled after the office’s cutoff, so it is recorded as a late cancellation.'] : []),
      '',
      ...advisorDetails(row, context),
      '',
      'The attached update removes it from your calendar.',
    ].join('\n'),
    attachments: [advisorAttachment([row], context)],
  };
}

/** To the advisor when the student moves an appointment to another time with them. */
export function advisorRescheduleMail(to: Recipient, previous: AdvisorMailRow, next: AdvisorMailRow, context: Context): OutgoingMail {
  return {
    to: to.email,
    userId: to.id,
    kind: 'advisor_appointment_rescheduled',
    subject: `Appointment moved: ${oneLine(next.studentName)}, ${next.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      `${next.studentName} moved the appointment on ${whenLabel(previous.startsAt, context.timeZone)} to a new time.`,
      '',
      ...advisorDetails(next, context),
      '',
      'The attached invitation updates your calendar.',
      `Your agenda: ${context.publicUrl}/agenda/${next.id}`,
    ].join('\n'),
    attachments: [advisorAttachment([previous, next], context)],
  };
}
