import type { AppointmentStatus, CancellationCutoff } from '../../../shared/domain/appointment-policy';
import type { AppointmentMode, DocumentKind } from '../../../shared/domain/reason-codes';

export const MODE_LABELS: Record<AppointmentMode, string> = { in_person: 'In person', phone: 'Phone', video: 'Video' };

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  resume: 'résumé',
  cover_letter: 'cover letter',
  linkedin_profile: 'LinkedIn profile',
  personal_statement: 'personal statement',
  portfolio: 'portfolio',
};

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  late_cancelled: 'Cancelled late',
  attended: 'Attended',
  late: 'Arrived late',
  no_show: 'No-show',
};

/** The badge colour of a status: upcoming stands out, a strike against the student is red, the rest is quiet. */
export function statusTone(status: AppointmentStatus): 'accent' | 'danger' | 'neutral' {
  if (status === 'booked') return 'accent';
  return status === 'no_show' || status === 'late_cancelled' ? 'danger' : 'neutral';
}

export const CUTOFF_LABELS: Record<CancellationCutoff, string> = {
  '4h': '4 hours',
  '24h': '24 hours',
  '48h': '48 hours',
  '1_business_day': '1 business day',
  '2_business_days': '2 business days',
};

const CUTOFF_HOURS: Partial<Record<CancellationCutoff, number>> = { '4h': 4, '24h': 24, '48h': 48 };

/** Whether cancelling now would count as late; undefined when the rule counts business days (the server decides). */
export function isLateNow(start: string, cutoff: CancellationCutoff, now = Date.now()): boolean | undefined {
  const hours = CUTOFF_HOURS[cutoff];
  if (hours === undefined) return undefined;
  return Date.parse(start) - now < hours * 3_600_000;
}
