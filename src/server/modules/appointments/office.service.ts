import { DateTime } from 'luxon';
import type { CreateReasonCodeInput, OfficePolicyDto, OfficePolicyInput, ReasonCodeDto, UpdateReasonCodeInput } from '../../../shared/contracts/reason-codes';
import type { Role } from '../../../shared/contracts/users';
import { DEFAULT_APPOINTMENT_POLICY, termAt, type AppointmentPolicy, type OfficeCalendar, type Term } from '../../../shared/domain/appointment-policy';
import { isOfferedTo } from '../../../shared/domain/reason-codes';
import { addCalendarDays } from '../../../shared/domain/slots';
import { sqlState, type Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import { bookableReason } from './booking-rules';
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

/**
 * How long a process answers from its copy of the reason codes and the office policy before reading them again
 * (ADR 016). A change made through this process is seen at once; one made through another process (several
 * servers on one PostgreSQL database) within this time.
 */
export const OFFICE_CACHE_TTL_MS = 5_000;

/**
 * A value read from the database and kept for `ttlMs` of real time (not the injected clock: tests
 * that move the clock by days must not keep or drop it). Concurrent readers share one read; `invalidate()`
 * drops the copy, and a read that started before it is not kept, so it cannot bring back what was replaced.
 */
function cachedRead<T>(load: () => Promise<T>, ttlMs: number) {
  let value: { data: T; at: number } | undefined;
  let pending: Promise<T> | undefined;
  let generation = 0;
  return {
    get(): Promise<T> {
      if (value && performance.now() - value.at < ttlMs) return Promise.resolve(value.data);
      if (pending) return pending;
      const started = generation;
      const at = performance.now();
      const read = load().then(
        (data) => {
          if (generation === started) value = { data, at };
          if (pending === read) pending = undefined;
          return data;
        },
        (error: unknown) => {
          if (pending === read) pending = undefined;
          throw error;
        },
      );
      pending = read;
      return read;
    },
    invalidate(): void {
      generation += 1;
      value = undefined;
      pending = undefined;
    },
  };
}

/** Reason codes by code, and the active ones in list order, as read at one moment. */
type CodeTable = { byCode: Map<string, ReasonCodeRow>; active: ReasonCodeRow[] };

/** Admin: reason codes, who offers them, and the office policy. */
export function createOfficeService(deps: { db: Db; clock: Clock; cacheTtlMs?: number }) {
  const { db, clock } = deps;
  const ttlMs = deps.cacheTtlMs ?? OFFICE_CACHE_TTL_MS;
  // ADR 016: every booking and slot search needs the reason code, and most requests of the advising pages the
  // policy; both change a few times a term. Admin writes below drop the copies.
  const codes = cachedRead<CodeTable>(async () => {
    const rows = await listReasonCodes(db, { activeOnly: false });
    return { byCode: new Map(rows.map((row) => [row.code, row])), active: rows.filter((row) => row.active) };
  }, ttlMs);
  const policy = cachedRead(async () => officeFrom(await findOfficeSettings(db)), ttlMs);

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
    /**
     * The policy in force: this process's copy (ADR 016), or with `tx` read inside the caller's transaction (a
     * booking decides on the row as committed).
     */
    async office(tx?: Db): Promise<Office> {
      return tx ? officeFrom(await findOfficeSettings(tx)) : policy.get();
    },

    async activeCodes(): Promise<ReasonCodeDto[]> {
      return (await codes.get()).active.map(toReasonCodeDto);
    },

    /**
     * APPT-01 from this process's copy of the codes (ADR 016): an active code offered to the caller's audience. A
     * code the copy does not offer is looked up in the database before it is refused (it may have been added or
     * brought back a moment ago through another server), so only a retirement can take up to the cache's
     * lifetime to reach another process.
     */
    async bookableReason(caller: { role: Role }, code: string): Promise<ReasonCodeRow> {
      const reason = (await codes.get()).byCode.get(code);
      const audience = caller.role === 'student' || caller.role === 'alumni' ? caller.role : null;
      if (reason?.active && (!audience || isOfferedTo(reason, audience))) return reason;
      return bookableReason(db, caller, code);
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
      codes.invalidate();
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
      codes.invalidate();
      if (!row) throw errors.notFound('This reason code');
      return withAdvisors(row);
    },

    /** Deletes an unused code; appointments reference codes with ON DELETE RESTRICT, so a used code is retired instead. */
    async deleteCode(actorId: string, code: string): Promise<void> {
      try {
        const deleted = await deleteReasonCode(db, actorId, code);
        codes.invalidate();
        if (!deleted) throw errors.notFound('This reason code');
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
      policy.invalidate();
      return officeFrom(row);
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
