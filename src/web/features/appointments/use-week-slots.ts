import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SlotDto } from '../../../shared/contracts/appointments';
import { messageOf } from '../../lib/api';
import { bookingApi } from './appointments-api';
import { weekStart } from './week';
import { addDays, localDate } from './zoned-time';

/** One search looks this far ahead for the next open time (the server searches at most 62 days at once). */
export const SEARCH_AHEAD_DAYS = 60;
/** How far ahead the week view goes; no advisor takes bookings further out than a year. */
export const MAX_WEEKS_AHEAD = 52;

export type WeekSlots = { status: 'loading' | 'ready' | 'error'; items: SlotDto[]; truncated: boolean; error?: string };
/** The date of an open time found by a search ahead: a date, null when none, undefined while searching. */
export type Found = string | null | undefined;

/**
 * The open times of a reason one week at a time, in the viewer's zone. It starts on the week of the first
 * open time (so a student never pages through empty weeks), keeps the weeks it has seen, and loads the week
 * after the one shown before it is asked for. With an advisor id, only that advisor's open times.
 */
export function useWeekSlots(reasonCode: string, timeZone: string, advisorId?: string) {
  const today = useMemo(() => localDate(new Date(), timeZone), [timeZone]);
  const thisWeek = weekStart(today);
  const [week, setWeek] = useState<string | null>(null);
  const [weeks, setWeeks] = useState<Record<string, WeekSlots>>({});
  const [firstOpen, setFirstOpen] = useState<Found>(undefined);
  const [nextOpen, setNextOpen] = useState<Record<string, Found>>({});
  const [searchError, setSearchError] = useState<string | null>(null);
  // Answers for an earlier reason (or from before a refresh) are dropped when they arrive.
  const generation = useRef(0);
  const requested = useRef(new Set<string>());

  /** The date of the first open time from `from` on, or null when there is none within the search. */
  const firstFrom = useCallback(
    async (from: string): Promise<string | null> => {
      const answer = await bookingApi.slots({ reasonCode, from, to: addDays(from, SEARCH_AHEAD_DAYS), timeZone, limit: 1, advisorId });
      return answer.items[0]?.startLocal.slice(0, 10) ?? null;
    },
    [reasonCode, timeZone, advisorId],
  );

  const fetchWeek = useCallback(
    (monday: string) => {
      if (requested.current.has(monday)) return;
      requested.current.add(monday);
      const gen = generation.current;
      setWeeks((current) => ({ ...current, [monday]: { status: 'loading', items: current[monday]?.items ?? [], truncated: false } }));
      bookingApi.slots({ reasonCode, from: monday, to: addDays(monday, 6), timeZone, limit: 5_000, advisorId }).then(
        (answer) => {
          if (gen === generation.current) setWeeks((current) => ({ ...current, [monday]: { status: 'ready', items: answer.items, truncated: answer.truncated } }));
        },
        (cause: unknown) => {
          if (gen !== generation.current) return;
          requested.current.delete(monday);
          setWeeks((current) => ({ ...current, [monday]: { status: 'error', items: [], truncated: false, error: messageOf(cause) } }));
        },
      );
    },
    [reasonCode, timeZone, advisorId],
  );

  useEffect(() => {
    if (!reasonCode) return;
    const gen = ++generation.current;
    requested.current = new Set();
    setWeeks({});
    setNextOpen({});
    setFirstOpen(undefined);
    setSearchError(null);
    setWeek(null);
    firstFrom(today).then(
      (date) => {
        if (gen !== generation.current) return;
        setFirstOpen(date);
        setWeek(weekStart(date ?? today));
      },
      (cause: unknown) => {
        if (gen !== generation.current) return;
        setFirstOpen(null);
        setSearchError(messageOf(cause));
        setWeek(thisWeek);
      },
    );
  }, [reasonCode, today, thisWeek, firstFrom]);

  const lastWeek = addDays(thisWeek, 7 * MAX_WEEKS_AHEAD);
  useEffect(() => {
    if (!week) return;
    fetchWeek(week);
    if (week < lastWeek) fetchWeek(addDays(week, 7));
  }, [week, lastWeek, fetchWeek]);

  const shown = week ? weeks[week] : undefined;
  const firstOpenWeek = firstOpen ? weekStart(firstOpen) : null;

  // An empty week says when the next open time is: before the first open week that is the first one; later, a search.
  const emptyWeek = week && shown?.status === 'ready' && shown.items.length === 0 ? week : null;
  useEffect(() => {
    if (!emptyWeek || (firstOpenWeek !== null && emptyWeek < firstOpenWeek) || emptyWeek in nextOpen) return;
    const gen = generation.current;
    setNextOpen((current) => ({ ...current, [emptyWeek]: undefined }));
    firstFrom(addDays(emptyWeek, 7)).then(
      (date) => gen === generation.current && setNextOpen((current) => ({ ...current, [emptyWeek]: date })),
      () => gen === generation.current && setNextOpen((current) => ({ ...current, [emptyWeek]: null })),
    );
  }, [emptyWeek, firstOpenWeek, nextOpen, firstFrom]);

  const next: Found = emptyWeek === null ? null : firstOpenWeek !== null && emptyWeek < firstOpenWeek ? firstOpen : nextOpen[emptyWeek];

  return {
    today,
    thisWeek,
    lastWeek,
    /** The Monday of the week shown; null while the first open time is looked for. */
    week,
    setWeek,
    slots: shown,
    /** The date of the first open time from today on (null: none within the search, undefined: still looking). */
    firstOpen,
    /** For an empty week: the date of the next open time after it. */
    nextOpen: next,
    searchError,
    /** Loads the shown week again (someone took a time a moment ago). */
    refresh: () => {
      generation.current += 1;
      requested.current = new Set();
      setWeeks({});
      setNextOpen({});
      if (week) fetchWeek(week);
    },
  };
}
