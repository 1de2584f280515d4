import { describe, expect, it } from 'vitest';
import type { ContactRow } from './contacts.repo';
import { mergeContactFields } from './merge-fields';
import { contactRowFixture } from '../../../../tests/factories';

const DAY = 86_400_000;
const NOW = new Date('2026-11-29T12:00:00Z');

function row(id: string, overrides: Partial<ContactRow> = {}): ContactRow {
  const created = new Date(NOW.getTime() - 10 * DAY);
  return contactRowFixture({ id, ownerId: 'owner', createdAt: created, updatedAt: created, ...overrides });
}

describe('mergeContactFields', () => {
  it('keeps its own values by default, fills blanks from the other, but never treats a circle, stage or "no reminder" as blank', () => {
    const keep = row('k', { lastName: '', title: 'Analyst', circle: 'new', keepInTouchDays: null, stage: 'potential' });
    const other = row('o', { lastName: 'Lovelace', title: 'Engineer', organization: 'Analytical', circle: 'personal', keepInTouchDays: 30, stage: 'met', source: 'event' });
    const merged = mergeContactFields(keep, other, {}, NOW);
    expect(merged).toMatchObject({ lastName: 'Lovelace', title: 'Analyst', organization: 'Analytical', circle: 'new', keepInTouchDays: null, stage: 'potential', source: 'event', nextDueAt: null });
    expect(merged.sortKey).toBe('ada lovelace');
    expect(merged.searchText).toContain('analytical');
  });

  it('takes the fields named in `use` from the other, blank or not', () => {
    const keep = row('k', { title: 'Analyst', stage: 'met', circle: 'professional' });
    const other = row('o', { title: null, stage: 'ongoing', circle: 'personal', keepInTouchDays: 30 });
    expect(mergeContactFields(keep, other, { title: 'other', stage: 'other', circle: 'other', keepInTouchDays: 'other' }, NOW)).toMatchObject({
      title: null,
      stage: 'ongoing',
      circle: 'personal',
      keepInTouchDays: 30,
    });
  });

  it('unites emails (any case), phones (any punctuation), tags and links; a second LinkedIn profile joins the links', () => {
    const keep = row('k', { emails: ['ada@x.example'], phones: ['+1 555 0100'], tags: ['math'], links: ['https://a.example/'], linkedinUrl: 'https://linkedin.com/in/ada' });
    const other = row('o', {
      emails: ['ADA@x.example', 'ada@y.example'],
      phones: ['+1-555-0100', '020 7946 0000'],
      tags: ['math', 'poetry'],
      links: ['https://a.example', 'https://linkedin.com/in/ada/'],
      linkedinUrl: 'https://linkedin.com/in/ada-lovelace',
    });
    expect(mergeContactFields(keep, other, {}, NOW)).toMatchObject({
      emails: ['ada@x.example', 'ada@y.example'],
      phones: ['+1 555 0100', '020 7946 0000'],
      tags: ['math', 'poetry'],
      linkedinUrl: 'https://linkedin.com/in/ada',
      links: ['https://a.example/', 'https://linkedin.com/in/ada-lovelace'],
    });
  });

  it('appends the notes, adds the counters, keeps the earlier creation and the later interaction, and recomputes the due date', () => {
    const keep = row('k', { notes: 'Mine.\n', gives: 1, asks: 2, lastInteractionAt: new Date(NOW.getTime() - 5 * DAY), keepInTouchDays: 30, createdAt: new Date(NOW.getTime() - 3 * DAY) });
    const other = row('o', { firstName: 'Ada', lastName: 'L', notes: 'Theirs.', gives: 3, asks: 0, lastInteractionAt: new Date(NOW.getTime() - 1 * DAY), createdAt: new Date(NOW.getTime() - 9 * DAY) });
    const merged = mergeContactFields(keep, other, {}, NOW);
    expect(merged).toMatchObject({
      notes: 'Mine.\n\n— merged from Ada L:\nTheirs.',
      gives: 4,
      asks: 2,
      createdAt: other.createdAt,
      lastInteractionAt: other.lastInteractionAt,
      nextDueAt: new Date(NOW.getTime() - 1 * DAY + 30 * DAY),
      updatedAt: NOW,
    });
    expect(mergeContactFields(row('k'), row('o', { notes: 'Only theirs.' }), {}, NOW).notes).toBe('— merged from Ada:\nOnly theirs.');
    expect(mergeContactFields(row('k', { notes: 'Only mine.' }), row('o'), {}, NOW).notes).toBe('Only mine.');
  });

  it('never makes a contact its own referrer', () => {
    expect(mergeContactFields(row('k', { referredById: 'o' }), row('o', { referredById: 'r' }), {}, NOW).referredById).toBe('r');
    expect(mergeContactFields(row('k', { referredById: null }), row('o', { referredById: 'k' }), {}, NOW).referredById).toBeNull();
    expect(mergeContactFields(row('k', { referredById: 'x' }), row('o', { referredById: 'r' }), {}, NOW).referredById).toBe('x');
  });
});
