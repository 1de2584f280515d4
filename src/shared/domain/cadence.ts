import type { Circle, InteractionKind, Stage } from '../contracts/contacts';

/** Office-adjustable cadence settings (DOMAIN.md §3); these are the defaults. */
export type CadenceSettings = {
  /** CAD-08 default keep-in-touch frequency per circle, in days; null = no keep-in-touch reminder. */
  keepInTouchDays: Record<Circle, number | null>;
  /** CAD-09: a tie with no interaction for this many days is dormant and worth reconnecting. */
  dormantAfterDays: number;
};

export const DEFAULT_CADENCE: CadenceSettings = {
  // CAD-08: Personal 30 d, Professional 90 d, Community 90 d, New potential → 3B7 only until the first conversation.
  keepInTouchDays: { personal: 30, professional: 90, community: 90, new: null },
  // CAD-09: three years.
  dormantAfterDays: 3 * 365,
};

const DAY_MS = 86_400_000;

/** CAD-08: the frequency a new contact in this circle starts with. */
export function defaultKeepInTouchDays(circle: Circle, settings: CadenceSettings = DEFAULT_CADENCE): number | null {
  return settings.keepInTouchDays[circle];
}

/**
 * CAD-08: keep-in-touch is due `days` after the last interaction; a contact never contacted counts from when
 * it was added. No frequency → never due.
 */
export function nextKeepInTouchDue(input: { lastInteractionAt: Date | null; createdAt: Date; keepInTouchDays: number | null }): Date | null {
  if (input.keepInTouchDays === null) return null;
  const anchor = input.lastInteractionAt ?? input.createdAt;
  return new Date(anchor.getTime() + input.keepInTouchDays * DAY_MS);
}

/** CAD-09: a tie last touched at least `dormantAfterDays` ago (and touched at all) is dormant. */
export function isDormant(lastInteractionAt: Date | null, now: Date, settings: CadenceSettings = DEFAULT_CADENCE): boolean {
  if (!lastInteractionAt) return false;
  return now.getTime() - lastInteractionAt.getTime() >= settings.dormantAfterDays * DAY_MS;
}

/** The later of two interaction times: logging an old meeting never moves "last contacted" backwards. */
export function latestInteraction(current: Date | null, occurredAt: Date): Date {
  return current && current.getTime() > occurredAt.getTime() ? current : occurredAt;
}

const STAGE_ORDER: Record<Stage, number> = { potential: 0, contacted: 1, responded: 2, met: 3, ongoing: 4, dormant: -1 };

/**
 * Moves the relationship stage forward when an interaction shows it: any contact lifts "potential" to
 * "contacted", a conversation (call, meeting, video) means "met", and any interaction wakes a dormant tie.
 * Never moves a stage backwards.
 */
export function stageAfterInteraction(stage: Stage, kind: InteractionKind): Stage {
  if (kind === 'note') return stage;
  const conversation = kind === 'call' || kind === 'meeting' || kind === 'video';
  if (stage === 'dormant') return conversation ? 'ongoing' : 'contacted';
  const target: Stage = conversation ? 'met' : 'contacted';
  return STAGE_ORDER[target] > STAGE_ORDER[stage] ? target : stage;
}

/** Gives and asks: suggest a small give when someone has only been asked (DOMAIN.md §1, never a gate). */
export function reciprocityHint(gives: number, asks: number): 'balanced' | 'suggest_give' | 'none' {
  if (gives === 0 && asks === 0) return 'none';
  return asks > gives ? 'suggest_give' : 'balanced';
}

/** "Priya Shah", or just the first name when there is no last name. */
export function displayName(firstName: string, lastName: string): string {
  return [firstName, lastName].filter((part) => part.trim() !== '').join(' ');
}
