import { bookAppointmentBody, slotsQuery } from '../../shared/contracts/appointments';
import { createContactBody, listContactsQuery, type CreateContactBody, type InteractionKind, type LedgerDirection } from '../../shared/contracts/contacts';
import type { Role } from '../../shared/contracts/users';
import type { Services } from '../app';
import { AppError } from '../lib/errors';
import { findUserByEmail } from '../modules/auth/users.repo';

/**
 * The demo office for `npm run demo` and for tests that want a populated office. Every address is on a
 * reserved `.test` domain (RFC 2606), so no demo mail can reach a real inbox.
 */
export const DEMO_DOMAIN = 'demo.rapport.test';

/** One password for every demo account: four unrelated words, which the password policy accepts. Demo only. */
export const DEMO_PASSWORD = 'harbor lantern copper meadow';

export type DemoAccount = { role: Role; name: string; email: string; password: string };

// ── Accounts ────────────────────────────────────────────────────────────────────────────────────────────
// The people of the office. Later seeders (alumni profiles, advisor availability, students' networks…)
// find them in the list seedDemoOffice returns, by role and email.

// Students carry their programme of study: advisors see it beside the name (DESIGN.md roles).
const DEMO_PEOPLE: readonly { role: Role; name: string; local: string; program?: string }[] = [
  { role: 'admin', name: 'Grace Whitfield', local: 'grace.whitfield' },
  { role: 'advisor', name: 'Maya Castillo', local: 'maya.castillo' },
  { role: 'advisor', name: 'Daniel Okonkwo', local: 'daniel.okonkwo' },
  { role: 'alumni', name: 'Priya Raman', local: 'priya.raman' },
  { role: 'alumni', name: 'Tomás Herrera', local: 'tomas.herrera' },
  { role: 'alumni', name: 'Hannah Lindqvist', local: 'hannah.lindqvist' },
  { role: 'student', name: 'Aisha Bello', local: 'aisha.bello', program: 'BA Economics, class of 2027' },
  { role: 'student', name: "Liam O'Connor", local: 'liam.oconnor', program: 'BSc Computer Science, class of 2026' },
  { role: 'student', name: 'Mei Tanaka', local: 'mei.tanaka', program: 'BA International Relations, class of 2028' },
  { role: 'student', name: 'Jonas Becker', local: 'jonas.becker', program: 'MSc Mechanical Engineering, class of 2027' },
];

/** Creates each demo account that does not exist yet; an existing one (EMAIL_TAKEN) is left as it is. */
async function seedAccounts(services: Services): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const person of DEMO_PEOPLE) {
    const account = { role: person.role, name: person.name, email: `${person.local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD };
    try {
      await services.auth.createUser({ ...account, program: person.program ?? null });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'EMAIL_TAKEN')) throw error;
    }
    accounts.push(account);
  }
  return accounts;
}

// ── Advising ────────────────────────────────────────────────────────────────────────────────────────────
// The two advisors' hours (in different zones, so slots show the conversion), settings and reason codes.

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

const DEMO_ADVISING = [
  {
    local: 'maya.castillo',
    timezone: 'America/New_York',
    weekly: WEEKDAYS.flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' },
      { weekday, start: '13:00', end: '17:00' },
    ]),
    codes: ['PART_TIME_JOB_SEARCH', 'CAREER_EXPLORATION', 'RESUME_REVIEW', 'COVER_LETTER_REVIEW', 'INTERNSHIP_SEARCH', 'NETWORKING_STRATEGY', 'INTERVIEW_PREP'],
  },
  {
    local: 'daniel.okonkwo',
    timezone: 'America/Chicago',
    weekly: [1, 2, 3, 4].map((weekday) => ({ weekday, start: '10:00', end: '16:00' })),
    codes: ['PART_TIME_JOB_SEARCH', 'FULL_TIME_JOB_SEARCH', 'MOCK_INTERVIEW_GENERAL', 'OFFER_NEGOTIATION', 'GRAD_SCHOOL_PLANNING', 'ALUMNI_CAREER_CHANGE'],
  },
] as const;

/** Gives each demo advisor weekly hours, settings and codes offered; each step replaces, so it is safe to rerun. */
async function seedAdvising(services: Services): Promise<void> {
  for (const advisor of DEMO_ADVISING) {
    const user = await findUserByEmail(services.db, `${advisor.local}@${DEMO_DOMAIN}`);
    if (!user) continue;
    await services.advising.saveAvailability(user.id, { timezone: advisor.timezone, weekly: [...advisor.weekly] });
    await services.advising.saveSettings(user.id, { timezone: advisor.timezone, bufferMinutes: 10, minimumNoticeMinutes: 120, horizonDays: 56 });
    await services.advising.saveOfferedCodes(user.id, [...advisor.codes]);
  }
}

// ── Networks ────────────────────────────────────────────────────────────────────────────────────────────
// A student's and an alumna's private networks: people in all four circles, a timeline with some ties overdue
// (CAD-08) and one gone quiet (CAD-09), gives and asks, and one contact entered twice, for the merge screen.

type DemoContact = {
  contact: CreateContactBody;
  /** Interactions, each `daysAgo` before the seeding. */
  timeline?: { kind: InteractionKind; daysAgo: number; summary: string }[];
  ledger?: { direction: LedgerDirection; daysAgo: number; description: string }[];
};

const DEMO_NETWORKS: readonly { local: string; contacts: readonly DemoContact[] }[] = [
  {
    local: 'aisha.bello',
    contacts: [
      {
        contact: {
          firstName: 'Daniela',
          lastName: 'Ortiz',
          circle: 'professional',
          organization: 'Northwind Analytics',
          title: 'Senior Economist',
          field: 'Economic consulting',
          location: 'Boston, MA',
          emails: ['daniela.ortiz@northwind.example'],
          linkedinUrl: 'https://www.linkedin.com/in/daniela-ortiz-demo',
          howMet: 'Spoke at the Economics Society career night',
          source: 'event',
          tags: ['consulting', 'alumni'],
          stage: 'met',
        },
        timeline: [
          { kind: 'email', daysAgo: 75, summary: 'Thanked her for the talk; asked for 20 minutes about consulting' },
          { kind: 'video', daysAgo: 60, summary: 'Informational interview: how analysts are staffed, what to read' },
        ],
        ledger: [
          { direction: 'ask', daysAgo: 75, description: 'Asked for an informational interview' },
          { direction: 'ask', daysAgo: 60, description: 'Asked who else to talk to' },
        ],
      },
      {
        contact: {
          firstName: 'Marcus',
          lastName: 'Lee',
          circle: 'professional',
          organization: 'City Credit Union',
          title: 'Branch Manager',
          field: 'Banking',
          location: 'Cambridge, MA',
          emails: ['marcus.lee@citycu.example'],
          howMet: 'Part-time teller job, summer 2025',
          source: 'other',
          tags: ['banking', 'reference'],
          stage: 'ongoing',
        },
        timeline: [{ kind: 'meeting', daysAgo: 20, summary: 'Coffee; he offered to be a reference' }],
        ledger: [
          { direction: 'give', daysAgo: 20, description: 'Sent him the article on student financial literacy' },
          { direction: 'ask', daysAgo: 20, description: 'Asked him to be a reference' },
        ],
      },
      {
        contact: {
          firstName: 'Sofia',
          lastName: 'Marin',
          circle: 'community',
          organization: 'Riverside Food Bank',
          title: 'Volunteer Coordinator',
          location: 'Somerville, MA',
          emails: ['sofia@riversidefood.example'],
          howMet: 'Saturday volunteering',
          source: 'other',
          tags: ['nonprofit'],
          stage: 'ongoing',
        },
        timeline: [{ kind: 'event', daysAgo: 120, summary: 'Holiday food drive together' }],
      },
      {
        contact: {
          firstName: 'Tom',
          lastName: 'Okafor',
          circle: 'personal',
          organization: 'Harbor Robotics',
          title: 'Product Manager',
          emails: ['tom.okafor@example.com'],
          howMet: 'My cousin’s college roommate',
          source: 'referral',
          tags: ['tech'],
          stage: 'contacted',
        },
        timeline: [{ kind: 'message', daysAgo: 40, summary: 'Asked if he knows anyone in fintech' }],
      },
      {
        contact: {
          firstName: 'Priya',
          lastName: 'Raman',
          circle: 'new',
          organization: 'Brightline Partners',
          title: 'Associate',
          field: 'Consulting',
          emails: ['priya.raman@brightline.example'],
          howMet: 'Alumni directory: BA Economics 2019',
          source: 'alumni_directory',
          tags: ['consulting', 'alumni'],
          stage: 'potential',
        },
      },
      {
        contact: {
          firstName: 'Ben',
          lastName: 'Hartley',
          circle: 'professional',
          organization: 'Hartley & Finch',
          title: 'Recruiter',
          emails: ['ben@hartleyfinch.example'],
          howMet: 'Career fair, fall 2024',
          source: 'event',
          stage: 'responded',
        },
        timeline: [{ kind: 'email', daysAgo: 400, summary: 'Sent my résumé after the fair; he replied kindly' }],
      },
      // Entered twice (the second from a phone, by first name only): the duplicates screen offers to merge them.
      {
        contact: {
          firstName: 'Grace',
          lastName: 'Kim',
          circle: 'professional',
          organization: 'Federal Reserve Bank of Boston',
          title: 'Research Assistant',
          emails: ['grace.kim@frb.example'],
          howMet: 'Economics department panel',
          source: 'class',
          stage: 'contacted',
        },
        timeline: [{ kind: 'email', daysAgo: 10, summary: 'Asked about the research assistant program' }],
      },
      {
        contact: { firstName: 'Grace', lastName: 'K.', circle: 'new', emails: ['Grace.Kim@frb.example'], howMet: 'Added from my phone after the panel' },
      },
    ],
  },
  {
    local: 'priya.raman',
    contacts: [
      {
        contact: {
          firstName: 'Elena',
          lastName: 'Vasquez',
          circle: 'professional',
          organization: 'Brightline Partners',
          title: 'Engagement Manager',
          emails: ['elena.vasquez@brightline.example'],
          howMet: 'My first manager',
          source: 'other',
          tags: ['mentor'],
          stage: 'ongoing',
        },
        timeline: [{ kind: 'call', daysAgo: 35, summary: 'Talked about moving into strategy roles' }],
        ledger: [{ direction: 'give', daysAgo: 35, description: 'Introduced her to two analysts from my class' }],
      },
      {
        contact: {
          firstName: 'Aisha',
          lastName: 'Bello',
          circle: 'new',
          emails: ['aisha.bello@demo.rapport.test'],
          howMet: 'Student who may reach out through the alumni directory',
          source: 'alumni_directory',
          stage: 'potential',
        },
      },
    ],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fills the demo networks through the contacts service; a person who already has contacts is left as they are. */
async function seedNetworks(services: Services): Promise<void> {
  const now = Date.now();
  for (const network of DEMO_NETWORKS) {
    const owner = await findUserByEmail(services.db, `${network.local}@${DEMO_DOMAIN}`);
    if (!owner || (await services.contacts.list(owner.id, listContactsQuery.parse({ limit: 1 }))).items.length > 0) continue;
    for (const entry of network.contacts) {
      const contact = await services.contacts.create(owner.id, createContactBody.parse(entry.contact));
      for (const event of entry.timeline ?? []) {
        await services.contacts.logInteraction(owner.id, contact.id, { kind: event.kind, occurredAt: new Date(now - event.daysAgo * DAY_MS).toISOString(), summary: event.summary });
      }
      for (const item of entry.ledger ?? []) {
        await services.contacts.addLedgerEntry(owner.id, contact.id, { direction: item.direction, description: item.description, occurredAt: new Date(now - item.daysAgo * DAY_MS).toISOString() });
      }
    }
  }
}

// ── Appointments ────────────────────────────────────────────────────────────────────────────────────────
// Students book the first open times through the same path as the booking page, so the advisors' agendas and
// "My appointments" have something to show; one booking is cancelled, for "Show cancelled".

const DEMO_BOOKINGS = [
  { student: 'aisha.bello', advisor: 'maya.castillo', reasonCode: 'PART_TIME_JOB_SEARCH', note: 'Looking for 10–15 hours a week near campus, ideally in finance.', cancel: false },
  { student: 'mei.tanaka', advisor: 'maya.castillo', reasonCode: 'RESUME_REVIEW', note: 'Applying to NGO internships for the summer.', cancel: false },
  { student: 'liam.oconnor', advisor: 'daniel.okonkwo', reasonCode: 'FULL_TIME_JOB_SEARCH', note: 'Graduating in May; backend roles.', cancel: false },
  { student: 'jonas.becker', advisor: 'maya.castillo', reasonCode: 'INTERNSHIP_SEARCH', note: '', cancel: true },
] as const;

/** Books the demo appointments; a student who already has any is left as they are. */
async function seedAppointments(services: Services): Promise<void> {
  for (const [index, booking] of DEMO_BOOKINGS.entries()) {
    const [student, advisor] = await Promise.all([
      findUserByEmail(services.db, `${booking.student}@${DEMO_DOMAIN}`),
      findUserByEmail(services.db, `${booking.advisor}@${DEMO_DOMAIN}`),
    ]);
    if (!student || !advisor) continue;
    const caller = { id: student.id, name: student.name, email: student.email, role: student.role, program: student.program };
    if ((await services.booking.list(caller, 'all', 1)).length > 0) continue;
    // The one to cancel lies a week out, well before the cutoff: an on-time cancellation, not a late one (APPT-03).
    const from = booking.cancel ? new Date(Date.now() + 8 * DAY_MS).toISOString().slice(0, 10) : undefined;
    const open = await services.slots.slots(caller, slotsQuery.parse({ reasonCode: booking.reasonCode, advisorId: advisor.id, from, limit: 20 }));
    // Spread over the first days rather than all on the first free hour.
    const slot = open.items[Math.min(index * 3, open.items.length - 1)];
    if (!slot) continue;
    const reason = await services.office.bookableReason(caller, booking.reasonCode);
    const document = reason.needsDocument ? { text: `${student.name}\n${student.program ?? ''}\n\nExperience: research assistant, student union treasurer.` } : undefined;
    const { appointment } = await services.booking.book(
      caller,
      bookAppointmentBody.parse({ advisorId: advisor.id, reasonCode: booking.reasonCode, start: slot.start, mode: reason.modes[0], note: booking.note, document }),
      `demo-${booking.student}-${booking.reasonCode}`,
    );
    if (booking.cancel) await services.booking.cancel(caller, appointment.id, null);
  }
}

// ── The office ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Seeds the demo office through the real services, one domain after another; safe to run again (what
 * exists is skipped). Returns how to sign in as each demo account.
 */
export async function seedDemoOffice(services: Services): Promise<DemoAccount[]> {
  const accounts = await seedAccounts(services);
  // Reason codes are seeded by migration 0007; the advisors get their hours and codes here.
  await seedAdvising(services);
  await seedNetworks(services);
  await seedAppointments(services);
  // Next domains add their step here: alumni profiles, outreach.
  return accounts;
}
