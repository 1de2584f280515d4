import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, defaultKeepInTouchDays, isDormant, latestInteraction, nextKeepInTouchDue, reciprocityHint, stageAfterInteraction } from './cadence';

const day = 86_400_000;
const t0 = new Date('2026-03-01T12:00:00Z');

describe('CAD-08 keep-in-touch', () => {
  it('CAD-08: defaults per circle are Personal 30, Professional 90, Community 90, New potential none', () => {
    expect(defaultKeepInTouchDays('personal')).toBe(30);
    expect(defaultKeepInTouchDays('professional')).toBe(90);
    expect(defaultKeepInTouchDays('community')).toBe(90);
    expect(defaultKeepInTouchDays('new')).toBeNull();
  });

  it('CAD-08: due = last interaction + frequency', () => {
    expect(nextKeepInTouchDue({ lastInteractionAt: t0, createdAt: new Date(0), keepInTouchDays: 30 })).toEqual(new Date(t0.getTime() + 30 * day));
  });

  it('CAD-08: never contacted counts from when the contact was added', () => {
    expect(nextKeepInTouchDue({ lastInteractionAt: null, createdAt: t0, keepInTouchDays: 90 })).toEqual(new Date(t0.getTime() + 90 * day));
  });

  it('CAD-08: no frequency, never due', () => {
    expect(nextKeepInTouchDue({ lastInteractionAt: t0, createdAt: t0, keepInTouchDays: null })).toBeNull();
  });

  it('CAD-08: any logged interaction resets it, and an older one never moves it back', () => {
    const later = new Date(t0.getTime() + 10 * day);
    expect(latestInteraction(t0, later)).toEqual(later);
    expect(latestInteraction(later, t0)).toEqual(later);
    expect(latestInteraction(null, t0)).toEqual(t0);
  });

  it('CAD-08: office settings change the defaults', () => {
    const settings = { ...DEFAULT_CADENCE, keepInTouchDays: { ...DEFAULT_CADENCE.keepInTouchDays, personal: 14 } };
    expect(defaultKeepInTouchDays('personal', settings)).toBe(14);
  });
});

describe('CAD-09 dormant ties', () => {
  it('CAD-09: three years without an interaction is dormant; a day less is not', () => {
    const now = new Date(t0.getTime() + 3 * 365 * day);
    expect(isDormant(t0, now)).toBe(true);
    expect(isDormant(new Date(t0.getTime() + day), now)).toBe(false);
  });

  it('CAD-09: a contact never interacted with is not called dormant', () => {
    expect(isDormant(null, t0)).toBe(false);
  });
});

describe('stage and reciprocity', () => {
  it('a conversation means met; an email lifts potential to contacted; nothing moves backwards', () => {
    expect(stageAfterInteraction('potential', 'email')).toBe('contacted');
    expect(stageAfterInteraction('potential', 'meeting')).toBe('met');
    expect(stageAfterInteraction('ongoing', 'email')).toBe('ongoing');
    expect(stageAfterInteraction('responded', 'note')).toBe('responded');
    expect(stageAfterInteraction('dormant', 'call')).toBe('ongoing');
  });

  it('suggests a give when asks outnumber gives, never blocks', () => {
    expect(reciprocityHint(0, 2)).toBe('suggest_give');
    expect(reciprocityHint(1, 1)).toBe('balanced');
    expect(reciprocityHint(0, 0)).toBe('none');
  });
});
