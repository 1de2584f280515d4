import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableAdvisor, signedInUser, type SignedInUser } from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { manualClock } from '../../lib/clock';

/**
 * SECURITY.md dst-slots through the API (ADR 010): availability at 13:00, 13:30 and 02:30 in New York, Berlin
 * and Sydney on the 2026 transition dates gives the expected UTC instants, and a student in another zone sees
 * the same instant, labelled in their own zone.
 */

let t: TestApp;
let student: SignedInUser;
const advisors: Record<string, SignedInUser> = {};
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(new Date('2026-01-05T12:00:00Z')) });
  student = await signedInUser(t.app);
  // Sundays (every 2026 transition date is one): 02:30–03:00 and 13:00–14:00, in the advisor's own zone.
  const sunday = [
    { weekday: 7, start: '02:30', end: '03:00' },
    { weekday: 7, start: '13:00', end: '14:00' },
  ];
  for (const zone of ZONES) advisors[zone] = await bookableAdvisor(t.app, { name: `Advisor ${zone}`, timezone: zone, weekly: sunday, codes: ['NETWORKING_STRATEGY'] });
});
afterAll(async () => {
  await t.close();
});

async function startsOn(zone: string, date: string): Promise<string[]> {
  const day = Date.parse(`${date}T00:00:00Z`);
  const from = new Date(day - 86_400_000).toISOString();
  const to = new Date(day + 2 * 86_400_000).toISOString();
  const response = await as(t.app, student.cookie)({
    method: 'GET',
    url: `/api/v1/slots?reasonCode=NETWORKING_STRATEGY&advisorId=${advisors[zone]?.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((s: { start: string }) => s.start.replace(':00.000Z', 'Z'));
}

// ADR 010's table: a missing 02:30 is not offered; a repeated one is offered once, at its first occurrence.
const TABLE: [zone: string, date: string, expected: string[]][] = [
  ['America/New_York', '2026-03-08', ['2026-03-08T17:00Z', '2026-03-08T17:30Z']],
  ['America/New_York', '2026-11-01', ['2026-11-01T07:30Z', '2026-11-01T18:00Z', '2026-11-01T18:30Z']],
  ['Europe/Berlin', '2026-03-29', ['2026-03-29T11:00Z', '2026-03-29T11:30Z']],
  ['Europe/Berlin', '2026-10-25', ['2026-10-25T00:30Z', '2026-10-25T12:00Z', '2026-10-25T12:30Z']],
  ['Australia/Sydney', '2026-04-05', ['2026-04-04T15:30Z', '2026-04-05T03:00Z', '2026-04-05T03:30Z']],
  ['Australia/Sydney', '2026-10-04', ['2026-10-04T02:00Z', '2026-10-04T02:30Z']],
];

describe('dst-slots: 13:00, 13:30 and 02:30 on the 2026 transition dates', () => {
  for (const [zone, date, expected] of TABLE) {
    it(`${zone} on ${date} → ${expected.join(', ')}`, async () => {
      expect(await startsOn(zone, date)).toEqual(expected);
    });
  }
});

describe('a student in another zone sees the same instant', () => {
  it('New York 13:00 on Monday 9 March is 17:00Z for everyone, labelled 18:00 in Berlin and 02:00 the next day in Tokyo', async () => {
    const advisor = await bookableAdvisor(t.app, { name: 'Rosa Vidal', weekly: [{ weekday: 1, start: '13:00', end: '13:30' }], codes: ['INTERVIEW_PREP'] });
    const view = async (timeZone: string, from: string, to: string) => {
      const response = await as(t.app, student.cookie)({
        method: 'GET',
        url: `/api/v1/slots?reasonCode=INTERVIEW_PREP&advisorId=${advisor.id}&from=${from}&to=${to}&timeZone=${timeZone}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as { start: string; startLocal: string; label: string }[];
    };
    // Dates without a time are read in the viewer's zone: in Tokyo the slot falls on Tuesday the 10th.
    const [newYork, berlin, tokyo] = [await view('America/New_York', '2026-03-09', '2026-03-09'), await view('Europe/Berlin', '2026-03-09', '2026-03-09'), await view('Asia/Tokyo', '2026-03-10', '2026-03-10')];
    expect(newYork).toEqual([{ advisorId: advisor.id, advisorName: 'Rosa Vidal', start: '2026-03-09T17:00:00.000Z', end: '2026-03-09T17:30:00.000Z', startLocal: '2026-03-09T13:00:00-04:00', label: 'Mon 9 Mar, 13:00' }]);
    expect(berlin.map((s) => [s.start, s.startLocal, s.label])).toEqual([['2026-03-09T17:00:00.000Z', '2026-03-09T18:00:00+01:00', 'Mon 9 Mar, 18:00']]);
    expect(tokyo.map((s) => [s.start, s.startLocal, s.label])).toEqual([['2026-03-09T17:00:00.000Z', '2026-03-10T02:00:00+09:00', 'Tue 10 Mar, 02:00']]);
    expect(await view('Asia/Tokyo', '2026-03-09', '2026-03-09')).toEqual([]);

    // Booked from Berlin: the advisor's agenda, the .ics and the email agree on the instant.
    const booked = await as(t.app, student.cookie)({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { advisorId: advisor.id, reasonCode: 'INTERVIEW_PREP', start: '2026-03-09T18:00:00+01:00', mode: 'video', timeZone: 'Europe/Berlin' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().appointment.start).toBe('2026-03-09T17:00:00.000Z');
    const agenda = await as(t.app, advisor.cookie)({ method: 'GET', url: '/api/v1/advisors/me/agenda?date=2026-03-09' });
    expect(agenda.json().items.map((a: { start: string }) => a.start)).toEqual(['2026-03-09T17:00:00.000Z']);
    const ics = await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${booked.json().appointment.id}/ics` });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-09T17:00:00.000Z');
  });
});
