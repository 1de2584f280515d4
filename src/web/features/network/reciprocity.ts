import { reciprocityHint } from '../../../shared/domain/cadence';
import { times } from './contact-time';

/** "2 gives · 3 asks". */
export function balanceWords(gives: number, asks: number): string {
  return `${gives} ${gives === 1 ? 'give' : 'gives'} · ${asks} ${asks === 1 ? 'ask' : 'asks'}`;
}

/**
 * When someone has been asked more than given (DOMAIN.md §1 reciprocity), a gentle idea for a small give;
 * a suggestion only, never a gate on the next ask.
 */
export function giveSuggestion(firstName: string, gives: number, asks: number): string | null {
  if (reciprocityHint(gives, asks) !== 'suggest_give') return null;
  const given = gives === 0 ? '' : ` and given ${times(gives)}`;
  return `You've asked ${firstName} ${times(asks)}${given} — maybe send an article they'd like, or tell them how their advice helped?`;
}
