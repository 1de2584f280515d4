import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SlotDto } from '../../../shared/contracts/appointments';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { Notice } from '../../components/ui/notice';
import { tabKeyTarget } from '../../components/ui/tabs';
import type { useWeekSlots } from './use-week-slots';
import { DAY_PARTS, dayPartOf, dayParts, formatWeekRange, weekDates, weekStart } from './week';
import { addDays, formatTime } from './zoned-time';
import './week-picker.css';

type WeekSlotsState = ReturnType<typeof useWeekSlots>;

type WeekPickerProps = {
  state: WeekSlotsState;
  timeZone: string;
  chosen: SlotDto | null;
  onChoose: (slot: SlotDto) => void;
};

const dayOf = (slot: SlotDto) => slot.startLocal.slice(0, 10);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const shortDate = (date: string) => {
  const parts = dayParts(date);
  return `${parts.short} ${parts.day} ${parts.month}`;
};

/** The day shown when none was picked: the first with open times from today on, else today, else Monday. */
function autoDay(dates: readonly string[], counts: ReadonlyMap<string, number>, today: string): string {
  return dates.find((date) => date >= today && (counts.get(date) ?? 0) > 0) ?? (dates.includes(today) ? today : (dates[0] ?? today));
}

function SlotList({ slots, timeZone, chosen, onChoose }: { slots: SlotDto[]; timeZone: string; chosen: SlotDto | null; onChoose: (slot: SlotDto) => void }) {
  return (
    <>
      {DAY_PARTS.map((part) => {
        const items = slots.filter((slot) => dayPartOf(slot.startLocal) === part.value);
        if (items.length === 0) return null;
        return (
          <div key={part.value} className="slot-part">
            <h4>{part.label}</h4>
            <ul className="slot-grid">
              {items.map((slot) => {
                const selected = chosen?.start === slot.start && chosen.advisorId === slot.advisorId;
                return (
                  <li key={`${slot.advisorId}|${slot.start}`}>
                    <Button className="slot-button" aria-pressed={selected} onClick={() => onChoose(slot)}>
                      <span className="slot-time">{formatTime(slot.start, timeZone)}</span>
                      <span className="slot-advisor">
                        <span className="visually-hidden"> · </span>
                        {slot.advisorName}
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/**
 * "When can I get help?" a week at a time: the seven days with how many open times each has (arrow keys move
 * between them), the chosen day's times below by morning, afternoon and evening, earlier and later weeks, and
 * a jump to the next week that has anything open.
 */
export function WeekPicker({ state, timeZone, chosen, onChoose }: WeekPickerProps) {
  const { week, slots, today, thisWeek, lastWeek, firstOpen, nextOpen } = state;
  const idPrefix = useId();
  const panelId = `${idPrefix}-panel`;
  const [picked, setPicked] = useState<string | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  /** After a jump the chosen day's tab takes the cursor once the week has loaded. */
  const focusDay = useRef(false);

  const dates = week ? weekDates(week) : [];
  const ready = slots?.status === 'ready';
  const counts = new Map<string, number>();
  for (const slot of slots?.items ?? []) counts.set(dayOf(slot), (counts.get(dayOf(slot)) ?? 0) + 1);
  const day = picked && dates.includes(picked) ? picked : autoDay(dates, counts, today);
  const dayIndex = dates.indexOf(day);

  useEffect(() => {
    if (!ready || !focusDay.current) return;
    focusDay.current = false;
    tabs.current[dayIndex]?.focus();
  }, [ready, dayIndex, week]);

  if (firstOpen === undefined || !week) return <p role="status">Looking for open times…</p>;
  if (firstOpen === null && week === thisWeek && ready && slots.items.length === 0) {
    return (
      <EmptyState title="No open times in the next eight weeks">
        Try another reason, or check back tomorrow — advisors add hours often.
      </EmptyState>
    );
  }

  function goTo(monday: string, focus: boolean) {
    setPicked(null);
    focusDay.current = focus;
    state.setWeek(monday);
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = tabKeyTarget(event.key, index, dates.length);
    if (target === null) return;
    event.preventDefault();
    const date = dates[target];
    if (!date) return;
    setPicked(date);
    tabs.current[target]?.focus();
  }

  const range = formatWeekRange(week);
  const earliest = week <= thisWeek;
  const latest = week >= lastWeek;
  const daySlots = (slots?.items ?? []).filter((slot) => dayOf(slot) === day);
  const weekTotal = slots?.items.length ?? 0;

  return (
    <div className="week-picker">
      <div className="week-nav">
        <Button aria-disabled={earliest || undefined} onClick={() => !earliest && goTo(addDays(week, -7), false)}>
          <span aria-hidden="true">‹</span> Previous<span className="week-nav-word"> week</span>
        </Button>
        <p className="week-range">{range}</p>
        <Button aria-disabled={latest || undefined} onClick={() => !latest && goTo(addDays(week, 7), false)}>
          Next<span className="week-nav-word"> week</span> <span aria-hidden="true">›</span>
        </Button>
      </div>
      {firstOpen && firstOpen < week ? (
        <p>
          <button type="button" className="link-button" onClick={() => goTo(weekStart(firstOpen), true)}>
            Back to the first open time ({shortDate(firstOpen)})
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {slots?.status === 'loading' ? `Loading open times for ${range}…` : ready ? `${range}: ${plural(weekTotal, 'open time', 'open times')}.` : ''}
      </p>
      {slots?.status === 'error' ? (
        <Notice tone="danger" live="alert">
          {slots.error}
        </Notice>
      ) : null}
      <div className="day-strip" role="tablist" aria-label={`Days of ${range}`} aria-busy={slots?.status === 'loading' || undefined}>
        {dates.map((date, index) => {
          const parts = dayParts(date);
          const count = counts.get(date) ?? 0;
          const selected = date === day;
          const classes = ['day-tab', ready && count === 0 ? 'day-tab--empty' : '', date < today ? 'day-tab--past' : ''].filter(Boolean).join(' ');
          return (
            <button
              key={date}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-${date}`}
              className={classes}
              aria-selected={selected}
              aria-controls={panelId}
              aria-current={date === today ? 'date' : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => setPicked(date)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              <span className="day-tab-name">{parts.short}</span>
              <span className="day-tab-date">
                {parts.day}
                <span className="visually-hidden"> {parts.month}</span>
                {date === today ? <span className="visually-hidden"> (today)</span> : null}
              </span>
              <span className="day-tab-count">
                {ready ? count : '·'}
                <span className="visually-hidden">{ready ? (count === 1 ? ' open time' : ' open times') : ' loading'}</span>
              </span>
            </button>
          );
        })}
      </div>
      <div className="day-panel" role="tabpanel" id={panelId} aria-labelledby={`${idPrefix}-${day}`}>
        <h3>{dayParts(day).long}</h3>
        {slots?.status === 'loading' ? <p className="muted">Loading open times…</p> : null}
        {ready && daySlots.length > 0 ? <SlotList slots={daySlots} timeZone={timeZone} chosen={chosen} onChoose={onChoose} /> : null}
        {ready && daySlots.length === 0 && weekTotal > 0 ? (
          <p className="muted">{day < today ? 'This day has passed.' : `No open times on ${dayParts(day).long}. The days with a number above have some.`}</p>
        ) : null}
        {ready && weekTotal === 0 ? (
          <div className="stack">
            <p className="muted">No open times in this week.</p>
            {nextOpen ? (
              <p>
                <Button className="week-jump" onClick={() => goTo(weekStart(nextOpen), true)}>
                  Show the next open time ({shortDate(nextOpen)})
                </Button>
              </p>
            ) : nextOpen === null ? (
              <p className="muted">Nothing opens in the eight weeks after it either. Try another reason, or check back tomorrow — advisors add hours often.</p>
            ) : (
              <p className="muted" role="status">
                Looking for the next open time…
              </p>
            )}
          </div>
        ) : null}
        {slots?.truncated ? <p className="muted">This week has more open times than one page holds; the earliest 5,000 are counted here.</p> : null}
      </div>
    </div>
  );
}
