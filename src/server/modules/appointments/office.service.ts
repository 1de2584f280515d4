import { DateTime } from 'luxon';
import type { CreateReasonCodeInput, OfficePolicyDto, OfficePolicyInput, ReasonCodeDto, UpdateReasonCodeInput } from '../../../shared/contracts/reason-codes';
import { DEFAULT_APPOINTMENT_POLICY, termAt, type AppointmentPolicy, type OfficeCalendar, type Term } from '../../../shared/domain/appointment-policy';
import { addCalendarDays } from '../../../shared/domain/slots';
import { sqlState, type Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import {
  advisorIdsByCode,
  deleteReasonCode,
  filterAdvisorIds,
  findOfficeSettings,
  findReasonCode,
  insertReasonCode,
  listReasonCodes,
  replaceCodeAdvisors,
  saveOfficeSettings,
  updateReasonCode,
  type OfficeSettingsRow,
  type ReasonCodeRow,
} from './office.repo';

/** The office's zone until an admin sets one. */
export const DEFAULT_OFFICE_TIME_ZONE = 'UTC';

/** The policy as the booking rules use it (APPT-02…06), with the calendar its dates are read in. */
export type Office = {
  policy: AppointmentPolicy;
  calendar: OfficeCalendar;
  terms: Term[];
  /** Advisors may book for their students (off by default). */
  advisorsMayBook: boolean;
  updatedAt: Date | null;
};

/** A counting period for APPT-05/06: the term, or outside every term the calendar year (ADR 012). */
export type Period = { name: string; startsOn: string; endsOn: string; from: Date; to: Date };

export function officeFrom(row: OfficeSettingsRow | undefined): Office {
  if (!row) {
    return { policy: DEFAULT_APPOINTMENT_POLICY, calendar: { timeZone: DEFAULT_OFFICE_TIME_ZONE, holidays: [] }, terms: [], advisorsMayBook: false, updatedAt: null };
  }
  return {
    policy: {
      documentLeadHours: row.documentLeadHours,
      cancellationCutoff: row.cancellationCutoff,
      noShowAfterMinutes: row.noShowAfterMinutes,
      noShowLadder: { notice: row.noShowNotice, warning: row.noShowWarning, blocked: row.noShowBlocked },
      termCap: row.termCap,
    },
    calendar: { timeZone: row.timeZone, holidays: row.holidays },
    terms: row.terms.map((t) => ({ id: `${t.startsOn}/${t.endsOn}`, ...t })),
    advisorsMayBook: row.advisorsMayBook,
    updatedAt: row.updatedAt,
  };
}

/** Midnight starting a local date in the zone (the first instant of the day when midnight is skipped). */
function startOfLocalDate(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

/** APPT-05/06: the term an instant falls in, or its calendar year in the office's zone when no term covers it. */
export function periodAt(instant: Date, office: Office): Period {
  const zone = office.calendar.timeZone;
  const term = termAt(instant, office.terms, zone);
  const year = DateTime.fromJSDate(instant, { zone }).year;
  const span = term ? { name: term.name, startsOn: term.startsOn, endsOn: term.endsOn } : { name: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
  return { ...span, from: startOfLocalDate(span.startsOn, zone), to: startOfLocalDate(addCalendarDays(span.endsOn, 1), zone) };
}

export function toReasonCodeDto(row: ReasonCodeRow): ReasonCodeDto {
  return {
    code: row.code,
    label: row.label,
    description: row.description,
    defaultMinutes: row.defaultMinutes,
    allowedMinutes: row.allowedMinutes,
    modes: row.modes,
    audience: row.audience,
    needsDocument: row.needsDocument,
    active: row.active,
  };
}

export function toOfficePolicyDto(office: Office): OfficePolicyDto {
  return {
    timezone: office.calendar.timeZone,
    cancellationCutoff: office.policy.cancellationCutoff,
    documentLeadHours: office.policy.documentLeadHours,
    noShowAfterMinutes: office.policy.noShowAfterMinutes,
    noShowLadder: office.policy.noShowLadder,
    termCap: office.policy.termCap,
    terms: office.terms.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
    holidays: [...office.calendar.holidays],
    advisorsMayBook: office.advisorsMayBook,
    updatedAt: office.updatedAt?.toISOString() ?? null,
  };
}

/** Admin: reason codes, who offers them, and the office policy. */
export function createOfficeService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function withAdvisors(row: ReasonCodeRow) {
    const byCode = await advisorIdsByCode(db);
    return { ...toReasonCodeDto(row), advisorIds: byCode.get(row.code) ?? [] };
  }

  async function existing(code: string): Promise<ReasonCodeRow> {
    const row = await findReasonCode(db, code);
    if (!row) throw errors.notFound('This reason code');
    return row;
  }

  return {
    /** The policy in force; `tx` reads it inside the caller's transaction. */
    async office(tx: Db = db): Promise<Office> {
      return officeFrom(await findOfficeSettings(tx));
    },

    async activeCodes(): Promise<ReasonCodeDto[]> {
      return (await listReasonCodes(db, { activeOnly: true })).map(toReasonCodeDto);
    },

    async allCodes() {
      const [rows, byCode] = await Promise.all([listReasonCodes(db, { activeOnly: false }), advisorIdsByCode(db)]);
      return rows.map((row) => ({ ...toReasonCodeDto(row), advisorIds: byCode.get(row.code) ?? [] }));
    },

    async getCode(code: string) {
      return withAdvisors(await existing(code));
    },

    async createCode(actorId: string, input: CreateReasonCodeInput) {
      const { code, ...values } = input;
      const row = await insertReasonCode(db, actorId, code, values, clock.now());
      if (!row) throw errors.conflict('REASON_CODE_EXISTS', `The reason code ${code} exists already; edit it instead.`);
      return withAdvisors(row);
    },

    async updateCode(actorId: string, code: string, patch: UpdateReasonCodeInput) {
      const current = await existing(code);
      const next = { ...current, ...patch };
      if (!next.allowedMinutes.includes(next.defaultMinutes)) {
        throw errors.validation('The default length must be one of the allowed lengths.', [{ path: 'allowedMinutes', message: `Include ${next.defaultMinutes}.` }]);
      }
      const row = await updateReasonCode(db, actorId, code, patch, clock.now());
      if (!row) throw errors.notFound('This reason code');
      return withAdvisors(row);
    },

    /** Deletes an unused code; appointments reference codes with ON DELETE RESTRICT, so a used code is retired instead. */
    async deleteCode(actorId: string, code: string): Promise<void> {
      try {
        if (!(await deleteReasonCode(db, actorId, code))) throw errors.notFound('This reason code');
      } catch (error) {
        // ON DELETE RESTRICT answers 23001; a plain foreign key 23503.
        const state = sqlState(error);
        if (state === '23001' || state === '23503') {
          throw errors.conflict('REASON_CODE_IN_USE', 'Appointments use this reason code. Retire it (active: false) instead of deleting it.');
        }
        throw error;
      }
    },

    async setCodeAdvisors(actorId: string, code: string, advisorIds: string[]) {
      await existing(code);
      const advisors = await filterAdvisorIds(db, advisorIds);
      const strangers = advisorIds.filter((id) => !advisors.includes(id));
      if (strangers.length > 0) {
        throw errors.validation('Only advisor accounts can offer a reason code.', strangers.map((id) => ({ path: 'advisorIds', message: `${id} is not an advisor.` })));
      }
      await replaceCodeAdvisors(db, actorId, code, advisorIds);
      return withAdvisors(await existing(code));
    },

    async savePolicy(actorId: string, input: OfficePolicyInput): Promise<Office> {
      const row = await saveOfficeSettings(
        db,
        actorId,
        {
          timeZone: input.timezone,
          cancellationCutoff: input.cancellationCutoff,
          documentLeadHours: input.documentLeadHours,
          noShowAfterMinutes: input.noShowAfterMinutes,
          noShowNotice: input.noShowLadder.notice,
          noShowWarning: input.noShowLadder.warning,
          noShowBlocked: input.noShowLadder.blocked,
          termCap: input.termCap,
          terms: input.terms,
          holidays: input.holidays,
          // Left out, the saved value stays (the column's default, false, for a first save).
          ...(input.advisorsMayBook === undefined ? {} : { advisorsMayBook: input.advisorsMayBook }),
        },
        clock.now(),
      );
      return officeFrom(row);
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
