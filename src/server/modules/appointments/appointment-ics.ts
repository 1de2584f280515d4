import ICAL from 'ical.js';
import type { AppointmentMode } from '../../../shared/domain/reason-codes';
import { foldLine } from '../contacts/export-vcard';

/** A jCal property (RFC 7265): name, parameters, value type, value. */
type JCalProperty = [name: string, params: Record<string, string>, type: string, value: string | number];

/** One appointment as a calendar event; the text is already worded for whoever receives it. */
export type IcsEvent = {
  id: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  cancelled: boolean;
  /** Bumped on every change so calendars replace the copy they hold. */
  sequence: number;
  url: string;
  updatedAt: Date;
};

const CRLF = '\r\n';
// Control characters other than tab have no place in an iCalendar text value (RFC 5545 §3.3.11).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export const MODE_LABELS: Record<AppointmentMode, string> = { in_person: 'In person', phone: 'Phone', video: 'Video call' };

function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** An instant as jCal's UTC date-time ("2026-03-09T17:00:00Z"); iCalendar has no milliseconds. */
function utc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function eventProperties(event: IcsEvent, now: Date): JCalProperty[] {
  return [
    ['uid', {}, 'text', `${event.id}@rapport`],
    ['dtstamp', {}, 'date-time', utc(now)],
    ['last-modified', {}, 'date-time', utc(event.updatedAt)],
    ['dtstart', {}, 'date-time', utc(event.start)],
    ['dtend', {}, 'date-time', utc(event.end)],
    ['summary', {}, 'text', clean(event.summary)],
    ['description', {}, 'text', clean(event.description)],
    ['location', {}, 'text', clean(event.location)],
    ['status', {}, 'text', event.cancelled ? 'CANCELLED' : 'CONFIRMED'],
    ['sequence', {}, 'integer', event.sequence],
    ['url', {}, 'uri', event.url],
  ];
}

function line(prop: JCalProperty): string {
  // Written unfolded by ical.js (which escapes the values) and folded at 75 octets by the shared folder.
  return foldLine(ICAL.stringify.property(prop, ICAL.design.icalendar, true));
}

/**
 * An iCalendar file (RFC 5545) with the events, for a download, an email attachment or a subscription feed.
 * METHOD:PUBLISH: the file informs a calendar; it asks nobody to reply.
 */
export function buildCalendar(events: readonly IcsEvent[], options: { now: Date; name?: string }): string {
  const head: JCalProperty[] = [
    ['version', {}, 'text', '2.0'],
    ['prodid', {}, 'text', '-//Rapport//Advising appointments//EN'],
    ['calscale', {}, 'text', 'GREGORIAN'],
    ['method', {}, 'text', 'PUBLISH'],
  ];
  if (options.name) head.push(['x-wr-calname', {}, 'unknown', clean(options.name)]);
  const lines = ['BEGIN:VCALENDAR', ...head.map(line)];
  for (const event of events) lines.push('BEGIN:VEVENT', ...eventProperties(event, options.now).map(line), 'END:VEVENT');
  lines.push('END:VCALENDAR', '');
  return lines.join(CRLF);
}
