import { describe, expect, test } from 'vitest';
import { balanceWords, giveSuggestion } from './reciprocity';

describe('give/ask balance', () => {
  test('reads as counts', () => {
    expect(balanceWords(1, 2)).toBe('1 give · 2 asks');
    expect(balanceWords(0, 0)).toBe('0 gives · 0 asks');
  });

  test('suggests a small give only when asks outnumber gives', () => {
    expect(giveSuggestion('Priya', 0, 2)).toBe("You've asked Priya twice — maybe send an article they'd like, or tell them how their advice helped?");
    expect(giveSuggestion('Priya', 1, 3)).toBe("You've asked Priya 3 times and given once — maybe send an article they'd like, or tell them how their advice helped?");
    expect(giveSuggestion('Priya', 2, 2)).toBeNull();
    expect(giveSuggestion('Priya', 0, 0)).toBeNull();
  });
});
