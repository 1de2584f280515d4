import type { CancellationCutoff } from '../../../shared/domain/appointment-policy';
import type { OutgoingMail } from '../mail/mailer';
import { buildCalendar } from './appointment-ics';
import { studentEvent, whenLabel } from './appointment-mapping';
import type { StudentAppointment } from './appointments.repo';
import { MODE_LABELS } from './appointment-ics';

/** The emails a student gets about an appointment, each with the .ics that updates their calendar. */

export type Recipient = { id: string; name: string; email: string };
type Context = { publicUrl: string; now: Date; timeZone: string };

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

export function confirmationMail(to: Recipient, row: StudentAppointment, context: Context & { cutoff: CancellationCutoff }): OutgoingMail {
  return {
    to: to.email,
    userId: to.id,
    kind: 'appointment_confirmation',
    subject: `Appointment booked: ${row.reasonLabel}`,
    text: [
      `Hello ${to.name},`,
      '',
      'Your advising appointment is booked.',
      '',
      ...details(row, context),
      '',
      'The attached invitation adds it to your calendar.',
      `To cancel or reschedule: ${context.publicUrl}/appointments/${row.id}`,
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
      late ? 'It was cancelled after the office’s cutoff, so it is recorded as a late cancellation.' : '',
      '',
      `Book another time: ${context.publicUrl}/appointments`,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
    attachments: [attachment([row], context)],
  };
}
