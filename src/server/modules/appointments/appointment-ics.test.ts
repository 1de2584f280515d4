import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from './appointment-ics';

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  id: '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11',
  start: new Date('2026-03-09T17:00:00.000Z'),
  end: new Date('2026-03-09T17:30:00.000Z'),
  summary: 'Advising: Résumé/CV review with Zoë Ångström-Øvergård',
  description: 'Bring: a list; of jobs, and a pen\nSecond line with émojis 🎓 and a long tail '.repeat(3),
  location: 'In person',
  cancelled: false,
  sequence: 0,
  url: 'https://rapport.example.edu/appointments/3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11',
  updatedAt: new Date('2026-03-02T12:00:00.000Z'),
  ...overrides,
});
const now = new Date('2026-03-02T12:34:56.789Z');

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => ({ vevent: v, event: new ICAL.Event(v) })) };
}

describe('buildCalendar (RFC 5545, written with ical.js)', () => {
  it('round-trips through ical.js: the instants in UTC, the text with its ; , and line breaks, the status and sequence', () => {
    const ics = buildCalendar([event()], { now });
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [first] = events;
    expect(first?.event.uid).toBe('3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11@rapport');
    expect(first?.event.startDate.toJSDate().toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(first?.event.endDate.toJSDate().toISOString()).toBe('2026-03-09T17:30:00.000Z');
    expect(first?.event.summary).toBe(event().summary);
    expect(first?.event.description).toBe(event().description);
    expect(first?.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first?.vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-02T12:34:56Z');
    expect(ics).toContain('DTSTART:20260309T170000Z\r\n');
  });

  it('folds every line at 75 octets without splitting a character, with CRLF line ends', () => {
    const ics = buildCalendar([event()], { now });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
  });

  it('a cancelled appointment is STATUS:CANCELLED with its bumped sequence; control characters are dropped', () => {
    const { events } = parse(buildCalendar([event({ cancelled: true, sequence: 2, summary: 'Bell\u0007 and\u0000 null' })], { now }));
    expect(events[0]?.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]?.vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(events[0]?.event.summary).toBe('Bell and null');
  });

  it('a feed holds many events and its name; an empty one is still a valid calendar', () => {
    const { calendar, events } = parse(buildCalendar([event(), event({ id: 'other', start: new Date('2026-03-10T09:00:00Z'), end: new Date('2026-03-10T10:00:00Z') })], { now, name: 'Rapport advising: Maya' }));
    expect(events).toHaveLength(2);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport advising: Maya');
    expect(parse(buildCalendar([], { now })).events).toEqual([]);
  });
});
