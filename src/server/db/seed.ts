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

// ── The office ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Seeds the demo office through the real services, one domain after another; safe to run again (what
 * exists is skipped). Returns how to sign in as each demo account.
 */
export async function seedDemoOffice(services: Services): Promise<DemoAccount[]> {
  const accounts = await seedAccounts(services);
  // Reason codes are seeded by migration 0007; the advisors get their hours and codes here.
  await seedAdvising(services);
  // Next domains add their step here, each given the accounts: alumni profiles, students' contacts and outreach.
  return accounts;
}
