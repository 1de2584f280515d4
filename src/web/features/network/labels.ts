import {
  CIRCLE_LABELS,
  type Circle,
  type InteractionKind,
  type LedgerDirection,
  type Source,
  type Stage,
} from '../../../shared/contracts/contacts';
import { defaultKeepInTouchDays } from '../../../shared/domain/cadence';

export { CIRCLE_LABELS };

export const STAGE_LABELS: Record<Stage, string> = {
  potential: 'Not contacted yet',
  contacted: 'Contacted',
  responded: 'Responded',
  met: 'Met',
  ongoing: 'Ongoing',
  dormant: 'Dormant',
};

export const SOURCE_LABELS: Record<Source, string> = {
  linkedin: 'LinkedIn',
  alumni_directory: 'Alumni directory',
  event: 'An event',
  class: 'A class',
  referral: 'A referral',
  other: 'Somewhere else',
};

export const KIND_LABELS: Record<InteractionKind, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  video: 'Video call',
  message: 'Message',
  social: 'Social media',
  event: 'Event',
  note: 'Note',
};

export const DIRECTION_LABELS: Record<LedgerDirection, string> = { give: 'I gave', ask: 'I asked' };

const NAMED_FREQUENCIES: Record<number, string> = {
  7: 'every week',
  14: 'every 2 weeks',
  30: 'every month',
  60: 'every 2 months',
  90: 'every 3 months',
  180: 'every 6 months',
  365: 'every year',
};

/** 30 → "every month"; 45 → "every 45 days"; null → "no reminders". */
export function frequencyLabel(days: number | null): string {
  if (days === null) return 'no reminders';
  return NAMED_FREQUENCIES[days] ?? `every ${days} days`;
}

/** What a circle starts with (CAD-08): "Professional: every 3 months", "New potential: no reminders". */
export function circleDefaultLabel(circle: Circle): string {
  return frequencyLabel(defaultKeepInTouchDays(circle));
}

/** "Product designer @ Northwind", "Northwind", "Product designer", or null. */
export function roleAt(contact: { title: string | null; organization: string | null }): string | null {
  if (contact.title && contact.organization) return `${contact.title} @ ${contact.organization}`;
  return contact.title ?? contact.organization ?? null;
}
