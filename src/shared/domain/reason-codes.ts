/**
 * Advising reason codes (DOMAIN.md §6): the 20 seed codes an office starts with. Admins edit, add and retire
 * codes later; this list is what the seed writes and what tests check against the handbook.
 */

/** How an appointment takes place. Drop-in is a channel, not a mode or a reason. */
export const APPOINTMENT_MODES = ['in_person', 'phone', 'video'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** A way of meeting in a sentence: "offered in person or by video". */
export const MODE_WORDS: Record<AppointmentMode, string> = { in_person: 'in person', phone: 'by phone', video: 'by video' };

/** "in person or by video": the modes a code offers, for messages. */
export function modesInWords(modes: readonly AppointmentMode[]): string {
  return modes.map((mode) => MODE_WORDS[mode]).join(' or ');
}

/** Who may book a code. */
export const AUDIENCES = ['student', 'alumni'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** APPT-02: the document a code needs, uploaded at least 24 h before the start. */
export const DOCUMENT_KINDS = ['resume', 'cover_letter', 'linkedin_profile', 'personal_statement', 'portfolio'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type ReasonCodeSeed = {
  code: string;
  label: string;
  /** APPT-01: the length a booking gets unless the student picks another allowed one. */
  defaultMinutes: number;
  /** Lengths offered, ascending; always includes `defaultMinutes`. */
  allowedMinutes: readonly number[];
  /** Shown while the student chooses a reason: what the meeting is for and what to bring. */
  description: string;
  modes: readonly AppointmentMode[];
  audience: readonly Audience[];
  /** APPT-02: the document to upload, or null when none is needed. */
  needsDocument: DocumentKind | null;
};

const ALL_MODES = ['in_person', 'phone', 'video'] as const;
// Reviews of a document or a portfolio need both people looking at it.
const SCREEN_MODES = ['in_person', 'video'] as const;
const EVERYONE = ['student', 'alumni'] as const;
const STUDENTS = ['student'] as const;

export const SEED_REASON_CODES = [
  {
    code: 'CAREER_EXPLORATION',
    label: 'Career & major exploration',
    defaultMinutes: 60,
    allowedMinutes: [30, 45, 60],
    description: 'Not sure which major or career fits you? Talk through your interests, values and options, and leave with a few next steps to try.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'ASSESSMENT_REVIEW',
    label: 'Career assessment interpretation',
    defaultMinutes: 60,
    allowedMinutes: [45, 60],
    description: 'Go through the results of a career assessment you have completed (such as Strong or MBTI) and what they suggest for your plans.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'RESUME_REVIEW',
    label: 'Résumé/CV review',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Get feedback on the content, layout and wording of your résumé or CV. Upload your current draft at least 24 hours before.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: 'resume',
  },
  {
    code: 'COVER_LETTER_REVIEW',
    label: 'Cover letter review',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Make a cover letter speak to one specific role. Upload your draft and the posting at least 24 hours before.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: 'cover_letter',
  },
  {
    code: 'LINKEDIN_REVIEW',
    label: 'LinkedIn and online presence',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Improve your LinkedIn profile and how you show up online. Upload a PDF of your profile at least 24 hours before.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: 'linkedin_profile',
  },
  {
    code: 'PART_TIME_JOB_SEARCH',
    label: 'Part-Time Job Search Strategies',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Find part-time work that fits around your classes: where to look, how to apply and how to talk about your availability.',
    modes: ALL_MODES,
    audience: STUDENTS,
    needsDocument: null,
  },
  {
    code: 'STUDENT_EMPLOYMENT',
    label: 'On-campus and work-study jobs',
    defaultMinutes: 30,
    allowedMinutes: [30],
    description: 'Questions about on-campus jobs and work-study: eligibility, where positions are posted and how hiring works here.',
    modes: ALL_MODES,
    audience: STUDENTS,
    needsDocument: null,
  },
  {
    code: 'INTERNSHIP_SEARCH',
    label: 'Internship/co-op search strategies',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Plan your internship or co-op search: timelines, where to find openings, and how to stand out as an applicant.',
    modes: ALL_MODES,
    audience: STUDENTS,
    needsDocument: null,
  },
  {
    code: 'FULL_TIME_JOB_SEARCH',
    label: 'Full-time job search strategies',
    defaultMinutes: 45,
    allowedMinutes: [30, 45, 60],
    description: 'Build a plan for your full-time search: target organisations, networking, applications and a weekly routine you can keep.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'NETWORKING_STRATEGY',
    label: 'Networking & informational interviews',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Learn how to find people to talk to, write a short first message and run an informational interview that leads somewhere.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'MOCK_INTERVIEW_GENERAL',
    label: 'Mock interview, behavioural',
    defaultMinutes: 60,
    allowedMinutes: [45, 60],
    description: 'Practise a behavioural interview ("tell me about a time…") with feedback on your answers and delivery. Name the role you are preparing for in your note.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'MOCK_INTERVIEW_TECH_CASE',
    label: 'Mock interview, technical/case',
    defaultMinutes: 60,
    allowedMinutes: [45, 60],
    description: 'Practise a technical or case interview with feedback on how you structure and explain your thinking. Name the role in your note.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'INTERVIEW_PREP',
    label: 'Interview strategy',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Prepare for an upcoming interview: researching the employer, the questions to expect and the questions to ask.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'CAREER_FAIR_PREP',
    label: 'Career fair & elevator pitch',
    defaultMinutes: 30,
    allowedMinutes: [30],
    description: 'Get ready for a career fair: choose the employers to visit, practise your 30-second introduction and plan your follow-up.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'OFFER_NEGOTIATION',
    label: 'Offer evaluation & negotiation',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Weigh a job offer, compare it with others and plan how to ask for changes, politely and with evidence.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'GRAD_SCHOOL_PLANNING',
    label: 'Graduate school planning',
    defaultMinutes: 45,
    allowedMinutes: [30, 45, 60],
    description: 'Decide whether graduate school fits your goals, choose programmes and plan the application timeline.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'PERSONAL_STATEMENT',
    label: 'Personal statement review',
    defaultMinutes: 30,
    allowedMinutes: [30, 45],
    description: 'Get feedback on a personal statement for graduate school or a scholarship. Upload your draft at least 24 hours before.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: 'personal_statement',
  },
  {
    code: 'INTL_STUDENT_SEARCH',
    label: 'International student job search',
    defaultMinutes: 45,
    allowedMinutes: [30, 45, 60],
    description: 'Plan a job or internship search as an international student: employers that sponsor, work authorisation questions for the international office, and how to raise them.',
    modes: ALL_MODES,
    audience: EVERYONE,
    needsDocument: null,
  },
  {
    code: 'ALUMNI_CAREER_CHANGE',
    label: 'Alumni career transition',
    defaultMinutes: 45,
    allowedMinutes: [30, 45, 60],
    description: 'For graduates changing direction: map your transferable skills, explore a new field and plan how to make the move.',
    modes: ALL_MODES,
    audience: ['alumni'],
    needsDocument: null,
  },
  {
    code: 'PORTFOLIO_REVIEW',
    label: 'Portfolio review',
    defaultMinutes: 30,
    allowedMinutes: [30, 45, 60],
    description: 'Get feedback on a design, writing or code portfolio: what to include, in what order and how to explain each piece. Upload it at least 24 hours before.',
    modes: SCREEN_MODES,
    audience: EVERYONE,
    needsDocument: 'portfolio',
  },
] as const satisfies readonly ReasonCodeSeed[];

export type SeedReasonCode = (typeof SEED_REASON_CODES)[number]['code'];

/** The seed entry for a code, or undefined for a code the office added itself. */
export function findSeedReasonCode(code: string): ReasonCodeSeed | undefined {
  return SEED_REASON_CODES.find((entry) => entry.code === code);
}

/**
 * APPT-01: the length a booking gets — the code's default when none is asked for, the asked length when the
 * code allows it, and null when it does not (the caller refuses rather than silently changing it).
 */
export function bookingMinutes(reason: Pick<ReasonCodeSeed, 'defaultMinutes' | 'allowedMinutes'>, requested?: number): number | null {
  if (requested === undefined) return reason.defaultMinutes;
  return reason.allowedMinutes.includes(requested) ? requested : null;
}

/** Whether someone of this audience may book the code (ALUMNI_CAREER_CHANGE is for alumni only). */
export function isOfferedTo(reason: Pick<ReasonCodeSeed, 'audience'>, who: Audience): boolean {
  return reason.audience.includes(who);
}
