const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` in the viewer's time zone (yesterday 23:00 → today 01:00 is 1). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** The last contact in words: "today", "yesterday", "41 days ago", "never". */
export function lastContactWords(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const ago = calendarDaysBetween(new Date(iso), now);
  if (ago <= 0) return 'today';
  if (ago === 1) return 'yesterday';
  return `${days(ago)} ago`;
}

export type DueState = { words: string; tone: 'none' | 'later' | 'soon' | 'overdue' };

/** The next catch-up in words: "due in 5 days", "due today", "overdue by 3 days", or "no reminder set". */
export function nextDueWords(iso: string | null, now: Date = new Date()): DueState {
  if (!iso) return { words: 'no reminder set', tone: 'none' };
  const due = new Date(iso);
  const ahead = calendarDaysBetween(now, due);
  if (due.getTime() <= now.getTime() && ahead < 0) return { words: `overdue by ${days(-ahead)}`, tone: 'overdue' };
  if (ahead <= 0) return { words: 'due today', tone: due.getTime() <= now.getTime() ? 'overdue' : 'soon' };
  if (ahead === 1) return { words: 'due tomorrow', tone: 'soon' };
  return { words: `due in ${days(ahead)}`, tone: ahead <= 7 ? 'soon' : 'later' };
}

/** "once", "twice", "3 times". */
export function times(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${count} times`;
}
