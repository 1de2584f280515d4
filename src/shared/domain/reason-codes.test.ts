import { describe, expect, it } from 'vitest';
import { APPOINTMENT_MODES, AUDIENCES, DOCUMENT_KINDS, SEED_REASON_CODES, bookingMinutes, findSeedReasonCode, isOfferedTo } from './reason-codes';

// Transcribed by hand from DOMAIN.md §6 "Seed reason codes (code — label — default minutes)".
const HANDBOOK: [string, string, number][] = [
  ['CAREER_EXPLORATION', 'Career & major exploration', 60],
  ['ASSESSMENT_REVIEW', 'Career assessment interpretation', 60],
  ['RESUME_REVIEW', 'Résumé/CV review', 30],
  ['COVER_LETTER_REVIEW', 'Cover letter review', 30],
  ['LINKEDIN_REVIEW', 'LinkedIn and online presence', 30],
  ['PART_TIME_JOB_SEARCH', 'Part-Time Job Search Strategies', 30],
  ['STUDENT_EMPLOYMENT', 'On-campus and work-study jobs', 30],
  ['INTERNSHIP_SEARCH', 'Internship/co-op search strategies', 30],
  ['FULL_TIME_JOB_SEARCH', 'Full-time job search strategies', 45],
  ['NETWORKING_STRATEGY', 'Networking & informational interviews', 30],
  ['MOCK_INTERVIEW_GENERAL', 'Mock interview, behavioural', 60],
  ['MOCK_INTERVIEW_TECH_CASE', 'Mock interview, technical/case', 60],
  ['INTERVIEW_PREP', 'Interview strategy', 30],
  ['CAREER_FAIR_PREP', 'Career fair & elevator pitch', 30],
  ['OFFER_NEGOTIATION', 'Offer evaluation & negotiation', 30],
  ['GRAD_SCHOOL_PLANNING', 'Graduate school planning', 45],
  ['PERSONAL_STATEMENT', 'Personal statement review', 30],
  ['INTL_STUDENT_SEARCH', 'International student job search', 45],
  ['ALUMNI_CAREER_CHANGE', 'Alumni career transition', 45],
  ['PORTFOLIO_REVIEW', 'Portfolio review', 30],
];

describe('seed reason codes (DOMAIN.md §6)', () => {
  it('has the 20 codes of the handbook, in its order, with unique codes and labels', () => {
    expect(SEED_REASON_CODES).toHaveLength(20);
    expect(new Set(SEED_REASON_CODES.map((r) => r.code)).size).toBe(20);
    expect(new Set(SEED_REASON_CODES.map((r) => r.label)).size).toBe(20);
    expect(SEED_REASON_CODES.map((r) => r.code)).toEqual(HANDBOOK.map(([code]) => code));
  });

  it('labels and default minutes match the handbook exactly', () => {
    expect(SEED_REASON_CODES.map((r) => [r.code, r.label, r.defaultMinutes])).toEqual(HANDBOOK);
  });

  it('PART_TIME_JOB_SEARCH is "Part-Time Job Search Strategies", 30 minutes', () => {
    const code = findSeedReasonCode('PART_TIME_JOB_SEARCH');
    expect(code?.label).toBe('Part-Time Job Search Strategies');
    expect(code?.defaultMinutes).toBe(30);
  });

  it('labels are NFC (the é of Résumé is one code point)', () => {
    for (const r of SEED_REASON_CODES) expect(r.label).toBe(r.label.normalize('NFC'));
  });

  it('every code has a description of one or two sentences, modes and an audience', () => {
    for (const r of SEED_REASON_CODES) {
      expect(r.description.length).toBeGreaterThan(40);
      expect(r.description.match(/[.!?](\s|$)/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(r.description.match(/[.!?](\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(2);
      expect(r.modes.length).toBeGreaterThan(0);
      expect(r.modes.every((m) => (APPOINTMENT_MODES as readonly string[]).includes(m))).toBe(true);
      expect(r.audience.length).toBeGreaterThan(0);
      expect(r.audience.every((a) => (AUDIENCES as readonly string[]).includes(a))).toBe(true);
    }
  });

  it('APPT-01: allowed lengths are ascending, unique, in quarter hours and include the default', () => {
    for (const r of SEED_REASON_CODES) {
      expect(r.allowedMinutes).toContain(r.defaultMinutes);
      expect([...r.allowedMinutes].sort((a, b) => a - b)).toEqual([...r.allowedMinutes]);
      expect(new Set(r.allowedMinutes).size).toBe(r.allowedMinutes.length);
      expect(r.allowedMinutes.every((m) => m > 0 && m % 15 === 0)).toBe(true);
    }
  });

  it('APPT-02: exactly the five document codes need a document, each of its own kind', () => {
    const needing = Object.fromEntries(SEED_REASON_CODES.filter((r) => r.needsDocument !== null).map((r) => [r.code, r.needsDocument]));
    expect(needing).toEqual({
      RESUME_REVIEW: 'resume',
      COVER_LETTER_REVIEW: 'cover_letter',
      LINKEDIN_REVIEW: 'linkedin_profile',
      PERSONAL_STATEMENT: 'personal_statement',
      PORTFOLIO_REVIEW: 'portfolio',
    });
    expect(new Set(Object.values(needing))).toEqual(new Set(DOCUMENT_KINDS));
  });

  it('ALUMNI_CAREER_CHANGE is for alumni only; student-only codes are not offered to alumni', () => {
    const alumni = findSeedReasonCode('ALUMNI_CAREER_CHANGE');
    expect(alumni && isOfferedTo(alumni, 'alumni')).toBe(true);
    expect(alumni && isOfferedTo(alumni, 'student')).toBe(false);
    const workStudy = findSeedReasonCode('STUDENT_EMPLOYMENT');
    expect(workStudy && isOfferedTo(workStudy, 'alumni')).toBe(false);
    expect(SEED_REASON_CODES.filter((r) => !isOfferedTo(r, 'student')).map((r) => r.code)).toEqual(['ALUMNI_CAREER_CHANGE']);
  });

  it('APPT-01: the default length applies; an allowed length may be chosen; any other is refused', () => {
    const code = { defaultMinutes: 45, allowedMinutes: [30, 45, 60] };
    expect(bookingMinutes(code)).toBe(45);
    expect(bookingMinutes(code, 60)).toBe(60);
    expect(bookingMinutes(code, 50)).toBeNull();
  });

  it('an unknown code is not a seed code', () => {
    expect(findSeedReasonCode('NOPE')).toBeUndefined();
  });
});
